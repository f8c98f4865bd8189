import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Pagination,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { UNIT_ROLES } from '@chiso/core/access/policy.js';
import { peerGroupLabel } from '@chiso/core/units/unit-types.js';
import { Fragment, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useResultsRanking } from '../../api/hooks';
import { useSession } from '../../app/session';
import type { RankingBlock, RankingUnit } from '../../api/types';
import { ErrorMessage, Loading } from '../../components/feedback';
import { count, percent, points, rankChange, signedPercent } from '../../lib/format';
import { HEAT_SCALE, heatColor } from './heat';
import {
  PublicationBanner,
  useVersion,
  useVersionSearch,
  versionQuery,
} from './publication-banner';

/** Units per page of a ranking: a screenful that a phone still draws at once. */
const PAGE_SIZE = 100;

export default function ResultsPage() {
  const { periodId = '' } = useParams();
  const version = useVersion();
  const [block, setBlock] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const results = useResultsRanking(periodId, version, block, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  const { user } = useSession();
  // The secretariat writes the report, the council reads it (decision 0021).
  const reportReader = user?.role === 'administrator' || user?.role === 'councilMember';
  // Before publication a unit's people see their own self-assessment only (decision 0032).
  const unitSide = user !== null && user !== undefined && UNIT_ROLES.includes(user.role);
  if (results.isPending) return <Loading />;
  if (results.error) return <ErrorMessage error={results.error} />;
  const { period, published, blocks, units, total } = results.data;
  const shown = blocks.find((b) => b.unitType === results.data.block);
  const pages = Math.ceil(total / PAGE_SIZE);
  const query = versionQuery(results.data.publication);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>Kết quả {period.name}</Title>
          <PublicationBanner view={results.data} path={`/ket-qua/${period.id}`} />
        </div>
        <Group gap="xs">
          {reportReader && (period.status === 'approved' || period.status === 'published') && (
            <Button component={Link} to={`/ket-qua/${period.id}/bao-cao`}>
              Báo cáo kết quả
            </Button>
          )}
          {reportReader && (period.status === 'approved' || period.status === 'published') && (
            <Button
              component="a"
              href={`/api/periods/${period.id}/council-decision.docx`}
              variant="default"
            >
              {period.status === 'approved'
                ? 'Quyết định công bố — dự thảo (.docx)'
                : 'Quyết định công bố (.docx)'}
            </Button>
          )}
          <Button
            component="a"
            href={`/api/periods/${period.id}/results.xlsx${query.replace('lan', 'version')}`}
            variant="default"
          >
            Tải Excel
          </Button>
        </Group>
      </Group>
      {!published && (
        <Alert color="yellow">
          {unitSide
            ? 'Trước khi công bố, đơn vị chỉ xem điểm tự chấm của mình, chưa có thứ hạng; điểm thẩm định xem ở trang tự đánh giá sau khi Tổ thẩm định gửi kết quả.'
            : 'Kết quả xem trước chỉ dành cho người có thẩm quyền và có thể còn thay đổi.'}
        </Alert>
      )}
      {!shown && <Text>Chưa có kết quả để hiển thị.</Text>}
      {shown && (
        <Tabs
          value={shown.unitType}
          onChange={(value) => {
            if (value === null) return;
            setBlock(value);
            setPage(1);
          }}
        >
          <Tabs.List>
            {blocks.map((b) => (
              <Tabs.Tab key={b.unitType} value={b.unitType}>
                {b.label} ({count(b.units)})
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Stack pt="md">
            <PageLine offset={results.data.offset} shown={units.length} total={total} />
            <Ranking periodId={period.id} block={shown} units={units} />
            {pages > 1 && (
              <Group justify="center">
                <Pagination
                  total={pages}
                  value={page}
                  onChange={setPage}
                  aria-label="Trang của bảng xếp hạng"
                  getControlProps={(control) => ({
                    'aria-label':
                      control === 'next'
                        ? 'Trang sau'
                        : control === 'previous'
                          ? 'Trang trước'
                          : control === 'first'
                            ? 'Trang đầu'
                            : 'Trang cuối',
                  })}
                />
              </Group>
            )}
            <HeatMap periodId={period.id} block={shown} units={units} />
          </Stack>
        </Tabs>
      )}
    </Stack>
  );
}

/** Which units of the block this page holds, in words. */
function PageLine({ offset, shown, total }: { offset: number; shown: number; total: number }) {
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

function Ranking({ periodId, block, units }: BlockPage) {
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
function HeatMap({ periodId, block, units }: BlockPage) {
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
