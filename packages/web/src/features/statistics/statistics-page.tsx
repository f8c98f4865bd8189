import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { usePeriod } from '../../api/hooks';
import { ErrorMessage, Loading } from '../../components/feedback';
import { StatisticsImport } from './statistics-import';
import { FiguresTable, LateDossiersTable } from './statistics-tables';

/**
 * A period's procedure (TTHC) statistics, for the secretariat that runs it (decisions 0026,
 * 0029): the import of the one-stop system's export, the figures per unit, the late dossiers.
 */
export default function StatisticsPage() {
  const { periodId = '' } = useParams();
  const period = usePeriod(periodId);
  if (period.isPending) return <Loading />;
  if (period.error) return <ErrorMessage error={period.error} />;
  return (
    <Stack>
      <div>
        <Anchor component={Link} to={`/ky-danh-gia/${periodId}`} size="sm">
          ← {period.data.name}
        </Anchor>
        <Title order={2}>Số liệu thủ tục hành chính</Title>
        <Text c="dimmed">
          Số liệu thống kê TTHC của các đơn vị trong kỳ; các tiêu chí tỷ lệ lấy từ số liệu này tự
          tính điểm, đơn vị không tự nhập.
        </Text>
      </div>
      <StatisticsImport periodId={periodId} />
      <FiguresTable periodId={periodId} />
      <LateDossiersTable periodId={periodId} />
    </Stack>
  );
}
