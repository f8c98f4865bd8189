import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { count } from '../../lib/format';
import { portalLinks, usePublicPeriods, type PublicPeriodSummary } from './api';
import { decisionLine, ErratumNote } from './period-lines';
import { PageTitle, PortalShell, PortalState } from './portal-shell';

/** /cong-khai: every period open to the public, newest first. */
export default function PortalIndexPage() {
  const periods = usePublicPeriods();
  if (!periods.data) return <PortalState pending={periods.isPending} error={periods.error} />;
  const newestFirst = [...periods.data.periods].sort(
    (a, b) => b.year - a.year || Date.parse(b.publishedAt) - Date.parse(a.publishedAt),
  );
  return (
    <PortalShell title="Các kỳ đã công bố" licence={periods.data.licence}>
      <PageTitle sub="Kết quả xác định Chỉ số Cải cách hành chính của các cơ quan, đơn vị trong tỉnh, công khai cho mọi người, không cần đăng nhập.">
        Kết quả Chỉ số CCHC đã công bố
      </PageTitle>
      {newestFirst.length === 0 && <Text>Chưa có kỳ đánh giá nào được công khai.</Text>}
      {newestFirst.map((period) => (
        <PeriodCard key={period.id} period={period} />
      ))}
    </PortalShell>
  );
}

function PeriodCard({ period }: { period: PublicPeriodSummary }) {
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={`ky-${period.id}`}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={`ky-${period.id}`}>
          <Anchor component={Link} to={portalLinks.period(period.id)} inherit>
            {period.name}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {decisionLine(period)}
        </Text>
        <ErratumNote period={period} />
        <Group gap="md">
          {period.blocks.map((block) => (
            <Anchor
              key={block.group}
              component={Link}
              to={portalLinks.block(period.id, block.group)}
              size="sm"
            >
              {block.label} ({count(block.units)} đơn vị)
            </Anchor>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
