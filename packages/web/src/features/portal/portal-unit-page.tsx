import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { percent, points } from '../../lib/format';
import { portalLinks, usePublicUnit, type PublicUnit } from './api';
import { AreasChart, TrendChart } from './charts';
import { CriteriaList } from './criteria-list';
import { Downloads } from './downloads';
import { ErratumNote } from './period-lines';
import { Figure } from './figure';
import { PageTitle, PortalShell, PortalState } from './portal-shell';
import { formatRank } from '@chiso/core/format/format.js';
import { RankChange } from './rank-change';

/** /cong-khai/:periodId/don-vi/:unitId: one unit's result, its areas, criteria and trend. */
export default function PortalUnitPage() {
  const { periodId = '', unitId = '' } = useParams();
  const query = usePublicUnit(periodId, unitId);
  if (!query.data) return <PortalState pending={query.isPending} error={query.error} />;
  const data = query.data;
  const { period, block, unit, downloads, licence } = data;
  return (
    <PortalShell
      title={`${unit.name} — ${period.name}`}
      licence={licence}
      crumbs={[
        { label: 'Các kỳ đã công bố', to: portalLinks.periods },
        { label: period.name, to: portalLinks.period(period.id) },
        { label: block.label, to: portalLinks.block(period.id, block.group) },
      ]}
    >
      <PageTitle sub={`${block.label} — ${period.name}`}>{unit.name}</PageTitle>
      <ErratumNote period={period} />
      <Summary data={data} />
      <TrendChart unit={data} />
      {data.areas.length > 0 && <AreasChart unit={data} />}
      <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="tieu-chi">
        <Stack gap="xs">
          <Title order={2} size="h4" id="tieu-chi">
            Điểm từng tiêu chí
          </Title>
          <Text size="sm" c="dimmed">
            Mở từng lĩnh vực để xem điểm đạt, điểm bị trừ và lý do bị trừ điểm của mỗi tiêu chí.
          </Text>
          <CriteriaList unit={data} />
        </Stack>
      </Paper>
      <Downloads downloads={downloads} licence={licence} year={period.year} />
    </PortalShell>
  );
}

function Summary({ data }: { data: PublicUnit }) {
  const { unit } = data;
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label="Kết quả chung">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Figure
          label="Xếp hạng trong khối"
          value={unit.rank === null ? 'Chưa xếp hạng' : formatRank(unit.rank, unit.groupSize)}
        />
        <Figure label="Chỉ số" value={percent(unit.percent)} />
        <Figure label="Tổng điểm" value={`${points(unit.points)}/${points(unit.maxPoints)}`} />
        <Figure label="Xếp loại" value={unit.band ?? 'Chưa xếp loại'} />
      </SimpleGrid>
      <Group gap="lg" mt="xs">
        <Text size="sm">
          So với năm trước: <RankChange change={unit.rankChange} />
          {unit.previousRank !== null && ` (năm trước hạng ${unit.previousRank})`}
        </Text>
        {unit.headRating && <Text size="sm">Đánh giá người đứng đầu: {unit.headRating}</Text>}
      </Group>
    </Paper>
  );
}
