import { Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { count, percent } from '../../lib/format';
import { portalLinks, usePublicPeriod, type PublicBlock } from './api';
import { BandDistribution } from './charts';
import { Downloads } from './downloads';
import { Figure } from './figure';
import { decisionLine, ErratumNote } from './period-lines';
import { PageTitle, PortalShell, PortalState } from './portal-shell';

/** /cong-khai/:periodId: the period's blocks, each with its distribution, and the downloads. */
export default function PortalPeriodPage() {
  const { periodId = '' } = useParams();
  const query = usePublicPeriod(periodId);
  if (!query.data) return <PortalState pending={query.isPending} error={query.error} />;
  const { period, blocks, downloads, licence } = query.data;
  return (
    <PortalShell
      title={period.name}
      licence={licence}
      crumbs={[{ label: 'Các kỳ đã công bố', to: portalLinks.periods }]}
    >
      <PageTitle sub={decisionLine(period)}>{period.name}</PageTitle>
      <ErratumNote period={period} />
      {blocks.map((block) => (
        <BlockSection key={block.group} periodId={period.id} block={block} />
      ))}
      <Downloads downloads={downloads} licence={licence} year={period.year} />
    </PortalShell>
  );
}

function BlockSection({ periodId, block }: { periodId: string; block: PublicBlock }) {
  const headingId = `khoi-${block.group}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3" id={headingId}>
            {block.label}
          </Title>
          <Button component={Link} to={portalLinks.block(periodId, block.group)} size="sm">
            Xem bảng xếp hạng
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
          <Figure label="Số đơn vị" value={count(block.units)} />
          <Figure label="Chỉ số trung bình" value={percent(block.meanPercent)} />
          <Figure
            label="Chưa xếp loại"
            value={block.withoutBand === 0 ? 'Không có' : count(block.withoutBand)}
          />
        </SimpleGrid>
        <BandDistribution block={block} />
        {block.headRatings.length > 0 && (
          <div>
            <Text fw={600} size="sm">
              Đánh giá người đứng đầu
            </Text>
            <List size="sm" spacing={2}>
              {block.headRatings.map((h) => (
                <List.Item key={h.rating}>
                  {h.rating}: {count(h.count)} đơn vị
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <Anchor component={Link} to={portalLinks.block(periodId, block.group)} size="sm">
          Tìm một đơn vị trong {block.label}
        </Anchor>
      </Stack>
    </Paper>
  );
}
