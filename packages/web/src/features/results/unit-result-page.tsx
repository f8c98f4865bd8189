import {
  Alert,
  Badge,
  Box,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useParams } from 'react-router';
import { useUnitResult } from '../../api/hooks';
import type { UnitResultJson, UnitResultPage } from '../../api/types';
import { ErrorMessage, Loading } from '../../components/feedback';
import { Decimal } from '@chiso/core/decimal/decimal.js';
import { peerGroupLabel } from '@chiso/core/units/unit-types.js';
import type { Ratio } from '@chiso/core/decimal/ratio.js';
import { formatPercent, formatRank } from '@chiso/core/format/format.js';
import { percent, points, rankChange } from '../../lib/format';
import { heatColor } from './heat';
import { LeafTable } from './leaf-table';
import { PlanLink } from './plan-link';
import { PublicationBanner, useVersion } from './publication-banner';

export default function UnitResultPage() {
  const { periodId = '', unitId = '' } = useParams();
  const version = useVersion();
  const results = useUnitResult(periodId, unitId, version);
  if (results.isPending) return <Loading />;
  if (results.error) return <ErrorMessage error={results.error} />;
  const { unit, framework } = results.data;
  // Bình quân over the unit's own peer group, the one it is ranked in.
  const peerName = peerGroupLabel(unit.group);
  const peerAreas = new Map(results.data.peerAreas.map((a) => [a.code, a]));
  /** The group's mean % of an area, exact (the bar only uses its approximation). */
  const average = (code: string): Ratio | null => {
    const area = peerAreas.get(code);
    return !area || area.count === 0
      ? null
      : Decimal.of(area.sum).toRatio().dividedBy(Decimal.fromInt(area.count));
  };
  return (
    <Stack>
      <div>
        <Title order={2}>{unit.name}</Title>
        <Text c="dimmed">
          {results.data.period.name} — {framework.name}
        </Text>
        <PublicationBanner view={results.data} path={`/ket-qua/${periodId}/don-vi/${unitId}`} />
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Stat
          label="Chỉ số"
          value={percent(unit.percent)}
          note={`${points(unit.points)}/${points(unit.maxPoints)} điểm`}
        />
        <Stat
          label="Xếp hạng"
          value={unit.rank === null ? '—' : formatRank(unit.rank, unit.groupSize)}
          note={rankChange(unit.rankChange) || 'chưa có kỳ trước'}
        />
        <Stat label="Nhóm" value={unit.band ?? '—'} />
        <Stat
          label="Người đứng đầu"
          value={unit.headRating ?? '—'}
          {...(unit.headRatingNote ? { note: unit.headRatingNote } : {})}
        />
      </SimpleGrid>
      <PlanLink unitId={unitId} periodId={periodId} />
      {unit.flagDetails.map((f) => (
        <Alert key={f.label} color="red" title={f.label}>
          Lĩnh vực: {f.areaCodes.join(', ')}
        </Alert>
      ))}
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          Các lĩnh vực so với bình quân nhóm {peerName}
        </Title>
        <Stack gap="sm">
          {unit.areas.map((area) => {
            const avg = average(area.code);
            return (
              <div key={area.code}>
                <Group justify="space-between" gap="xs">
                  <Text size="sm">
                    {area.code}. {area.title}
                  </Text>
                  <Text size="sm" fw={600}>
                    {area.applicable
                      ? `${percent(area.percent)} (hạng ${area.rank ?? '—'})`
                      : 'Không áp dụng'}
                  </Text>
                </Group>
                <Box pos="relative" h={14} bg="gray.1" style={{ borderRadius: 3 }} aria-hidden>
                  <Box
                    h="100%"
                    w={`${Math.min(100, area.percent ?? 0)}%`}
                    style={{ background: heatColor(area.percent), borderRadius: 3 }}
                  />
                  {avg !== null && (
                    <Box
                      pos="absolute"
                      top={-2}
                      h={18}
                      w={2}
                      bg="dark"
                      left={`${Math.min(100, avg.approx())}%`}
                      title={`Bình quân nhóm ${peerName} ${formatPercent(avg)}`}
                    />
                  )}
                </Box>
                {avg !== null && (
                  <Text size="xs" c="dimmed">
                    Bình quân nhóm {formatPercent(avg)}
                    {area.percentChange !== null &&
                      ` — so với kỳ trước ${area.percentChange > 0 ? '+' : ''}${points(area.percentChange)} điểm %`}
                  </Text>
                )}
              </div>
            );
          })}
        </Stack>
      </Card>
      <LostPoints unit={unit} />
      <LeafTable framework={framework} stories={results.data.stories} unit={unit} />
      <Trend trend={results.data.trend} unit={unit} />
    </Stack>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Card>
  );
}

function LostPoints({ unit }: { unit: UnitResultJson }) {
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Điểm bị mất, nhiều nhất trước
      </Title>
      {unit.lostPoints.length === 0 ? (
        <Text>Đơn vị đạt điểm tối đa ở mọi tiêu chí.</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tiêu chí</Table.Th>
                <Table.Th ta="right">Đạt</Table.Th>
                <Table.Th ta="right">Mất</Table.Th>
                <Table.Th>Lý do</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {unit.lostPoints.map((l) => (
                <Table.Tr key={l.code}>
                  <Table.Td>
                    {l.code}. {l.title}
                  </Table.Td>
                  <Table.Td ta="right">
                    {points(l.points)}/{points(l.maxPoints)}
                  </Table.Td>
                  <Table.Td ta="right" fw={600} c="red.8">
                    {points(l.lost)}
                  </Table.Td>
                  <Table.Td>{l.explanation}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** The unit's index over the published periods, following its predecessors across mergers. */
function Trend({ trend, unit }: { trend: UnitResultPage['trend']; unit: UnitResultJson }) {
  if (trend.length === 0) return null;
  const series = [...trend].reverse();
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Qua các kỳ
      </Title>
      <Table fz="sm">
        <Table.Tbody>
          {series.map((p) => (
            <Table.Tr key={p.periodId}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>
                {p.unitName !== unit.name && (
                  <Badge variant="light" size="xs" mr={6}>
                    tiền thân
                  </Badge>
                )}
                {p.unitName}
              </Table.Td>
              <Table.Td ta="right">{percent(p.percent)}</Table.Td>
              <Table.Td ta="right">hạng {p.rank ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td>Kỳ này</Table.Td>
            <Table.Td>{unit.name}</Table.Td>
            <Table.Td ta="right">{percent(unit.percent)}</Table.Td>
            <Table.Td ta="right">hạng {unit.rank ?? '—'}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Card>
  );
}
