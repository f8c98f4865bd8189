import { Anchor, Badge, Box, Card, Group, Table, Text, Title, Tooltip } from '@mantine/core';
import { peerGroupLabel } from '@chiso/core/units/unit-types.js';
import { Fragment } from 'react';
import { Link } from 'react-router';
import type { RankingBlock, RankingUnit } from '../../api/types';
import { count, percent, points, rankChange, signedPercent } from '../../lib/format';
import { HEAT_SCALE, heatColor } from './heat';
import { useVersionSearch } from './publication-banner';

/** Which units of the block this page holds, in words. */
export function PageLine({
  offset,
  shown,
  total,
}: {
  offset: number;
  shown: number;
  total: number;
}) {
  if (shown === total) return null;
  return (
    <Text size="sm" c="dimmed">
      Đơn vị thứ {count(offset + 1)}–{count(offset + shown)} trong {count(total)} đơn vị của khối
    </Text>
  );
}

function ChangeArrow({ unit }: { unit: RankingUnit }) {
  if (unit.rankChange === null)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const color = unit.rankChange > 0 ? 'green.8' : unit.rankChange < 0 ? 'red.8' : 'gray.7';
  const arrow = unit.rankChange > 0 ? '▲' : unit.rankChange < 0 ? '▼' : '■';
  return (
    <Tooltip
      label={
        unit.previousId && unit.previousId !== unit.id
          ? `So với đơn vị tiền thân ${unit.previousId}`
          : 'So với kỳ trước'
      }
    >
      <Text size="sm" c={color} span>
        {arrow} {rankChange(unit.rankChange)} ({signedPercent(unit.percentChange)}%)
      </Text>
    </Tooltip>
  );
}

/**
 * Ranks are taken within a peer group; where one tab holds several (communes before and after
 * a merger, say), each group gets a heading so that two units ranked 1 are not a puzzle. A
 * page starts with its group's heading too: the previous page may have ended in another.
 */
function groupStarts(block: RankingBlock, units: RankingUnit[], index: number): boolean {
  const several = block.peerGroups.length > 1;
  return several && (index === 0 || units[index - 1]?.group !== units[index]?.group);
}

interface BlockPage {
  periodId: string;
  block: RankingBlock;
  units: RankingUnit[];
}

function PeerGroupRow({ unit, columns }: { unit: RankingUnit; columns: number }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={columns} fw={700} bg="gray.1">
        Nhóm so sánh: {peerGroupLabel(unit.group)} (xếp hạng riêng)
      </Table.Td>
    </Table.Tr>
  );
}

export function Ranking({ periodId, block, units }: BlockPage) {
  const search = useVersionSearch();
  return (
    <Card withBorder padding="sm">
      <Title order={3} size="h4" mb="xs">
        Xếp hạng — {block.framework.name}
      </Title>
      <Box hiddenFrom="sm">
        <PhoneRanking periodId={periodId} block={block} units={units} />
      </Box>
      <Table.ScrollContainer minWidth={760} visibleFrom="sm">
        <Table striped highlightOnHover aria-label={`Xếp hạng ${block.label}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Hạng</Table.Th>
              <Table.Th>Đơn vị</Table.Th>
              <Table.Th ta="right">Điểm</Table.Th>
              <Table.Th ta="right">Chỉ số</Table.Th>
              <Table.Th>So với kỳ trước</Table.Th>
              <Table.Th>Nhóm</Table.Th>
              <Table.Th>Người đứng đầu</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((u, i) => (
              <Fragment key={u.id}>
                {groupStarts(block, units, i) && <PeerGroupRow unit={u} columns={7} />}
                <Table.Tr>
                  <Table.Td fw={700}>{u.rank ?? '—'}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/ket-qua/${periodId}/don-vi/${u.id}${search}`}
                      size="sm"
                      fw={600}
                    >
                      {u.name}
                    </Anchor>
                    {u.flagDetails.map((f) => (
                      <Badge
                        key={f.label}
                        color="red"
                        variant="light"
                        size="xs"
                        ml={6}
                        title={f.label}
                      >
                        kiểm điểm: LV {f.areaCodes.join(', ')}
                      </Badge>
                    ))}
                  </Table.Td>
                  <Table.Td ta="right">
                    {points(u.points)}/{points(u.maxPoints)}
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {percent(u.percent)}
                  </Table.Td>
                  <Table.Td>
                    <ChangeArrow unit={u} />
                  </Table.Td>
                  <Table.Td>{u.band}</Table.Td>
                  <Table.Td>{u.headRating}</Table.Td>
                </Table.Tr>
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/**
 * The ranking on a phone: three columns that fit 390 px without sideways scroll, the band and
 * the head's rating under the index, points and the change under the name.
 */
function PhoneRanking({ periodId, block, units }: BlockPage) {
  const search = useVersionSearch();
  return (
    <Table striped aria-label={`Xếp hạng ${block.label}`} verticalSpacing={6} horizontalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={44}>Hạng</Table.Th>
          <Table.Th>Đơn vị</Table.Th>
          <Table.Th w="42%">Chỉ số, nhóm, người đứng đầu</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {units.map((u, i) => (
          <Fragment key={u.id}>
            {groupStarts(block, units, i) && <PeerGroupRow unit={u} columns={3} />}
            <Table.Tr>
              <Table.Td fw={700} style={{ verticalAlign: 'top' }}>
                {u.rank ?? '—'}
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Anchor
                  component={Link}
                  to={`/ket-qua/${periodId}/don-vi/${u.id}${search}`}
                  size="sm"
                  fw={600}
                >
                  {u.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {points(u.points)}/{points(u.maxPoints)} điểm
                </Text>
                {u.rankChange !== null && <ChangeArrow unit={u} />}
                {u.flagDetails.map((f) => (
                  <Text key={f.label} size="xs" fw={600} c="red.8" title={f.label}>
                    Kiểm điểm: LV {f.areaCodes.join(', ')}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Text size="sm" fw={700}>
                  {percent(u.percent)}
                </Text>
                {u.band && <Text size="xs">{u.band}</Text>}
                {u.headRating && (
                  <Text size="xs" fw={600}>
                    {u.headRating}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The page's units × areas, each cell coloured by the area's %. */
export function HeatMap({ periodId, block, units }: BlockPage) {
  const search = useVersionSearch();
  const areas = block.framework.areas;
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          Bản đồ nhiệt theo lĩnh vực
        </Title>
        <Group gap={6} aria-label="Chú giải màu">
          {HEAT_SCALE.map((s) => (
            <Group key={s.label} gap={4}>
              <Box w={14} h={14} style={{ background: s.color, borderRadius: 2 }} />
              <Text size="xs">{s.label}</Text>
            </Group>
          ))}
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={200 + areas.length * 70}>
        <Table withColumnBorders fz="xs" aria-label={`Bản đồ nhiệt ${block.label}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Đơn vị</Table.Th>
              {areas.map((a) => (
                <Table.Th key={a.code} ta="center" title={a.title}>
                  LV {a.code}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/ket-qua/${periodId}/don-vi/${u.id}${search}`}
                    size="xs"
                  >
                    {u.name}
                  </Anchor>
                </Table.Td>
                {u.areas.map((a) => (
                  <Table.Td
                    key={a.code}
                    ta="center"
                    style={{ background: heatColor(a.percent) }}
                    title={`${a.title}: ${points(a.points)}/${points(a.maxPoints)}`}
                  >
                    {a.applicable ? percent(a.percent) : 'KAD'}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
