import { Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { MonitoringOverview } from '../../api/types';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../components/feedback';
import { date, percent, points } from '../../lib/format';
import { useMonitoringOverview } from './api';

/** The province's view: every unit's latest snapshot of a year, with points at risk per area. */
export function MonitoringOverviewTable() {
  const [year, setYear] = useState(new Date().getFullYear());
  const overview = useMonitoringOverview(year, true);
  return (
    <Stack>
      <Title order={2}>Tự theo dõi giữa kỳ của các đơn vị</Title>
      <Group>
        <NumberInput
          label="Năm"
          value={year}
          onChange={(value) => typeof value === 'number' && setYear(value)}
          min={2000}
          max={2100}
          w={120}
        />
      </Group>
      {overview.isPending ? (
        <Loading />
      ) : overview.error ? (
        <ErrorMessage error={overview.error} />
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            Bản theo dõi mới nhất của mỗi đơn vị trong năm {year}, theo khối (mỗi khối một bộ chỉ
            số, cột LV là điểm có thể mất ở từng lĩnh vực); đơn vị chưa lập bản nào ghi “Chưa có”.
          </Text>
          {blocksOf(overview.data.units).map((block) => (
            <BlockTable key={block.type} block={block} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

type OverviewUnit = MonitoringOverview['units'][number];
interface Block {
  type: string;
  label: string;
  units: OverviewUnit[];
}

/** Units by type, in the order they come: each type has its own framework and areas. */
function blocksOf(units: readonly OverviewUnit[]): Block[] {
  const blocks = new Map<string, Block>();
  for (const unit of units) {
    const block = blocks.get(unit.unitType) ?? {
      type: unit.unitType,
      label: unit.unitTypeLabel,
      units: [],
    };
    block.units.push(unit);
    blocks.set(unit.unitType, block);
  }
  return [...blocks.values()];
}

function BlockTable({ block }: { block: Block }) {
  const areas = block.units.find((u) => u.snapshot)?.snapshot?.areas ?? [];
  const started = block.units.filter((u) => u.snapshot).length;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        {block.label}{' '}
        <Text span c="dimmed" size="sm">
          ({started}/{block.units.length} đơn vị đã lập bản theo dõi)
        </Text>
      </Title>
      <Table.ScrollContainer minWidth={700 + areas.length * 60}>
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Đơn vị</Table.Th>
              <Table.Th>Bản theo dõi</Table.Th>
              <Table.Th ta="right">Chỉ số dự kiến</Table.Th>
              <Table.Th ta="right">Có thể mất</Table.Th>
              {areas.map((a) => (
                <Table.Th key={a.code} ta="right" title={a.title}>
                  LV {a.code}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {block.units.map((u) => (
              <Table.Tr key={u.unitId}>
                <Table.Td>{u.unitName}</Table.Td>
                {u.snapshot ? (
                  <>
                    <Table.Td>
                      <Link to={`/theo-doi/${u.unitId}/${u.snapshot.id}`}>{u.snapshot.title}</Link>{' '}
                      <Text span size="xs" c="dimmed">
                        ({date(u.snapshot.asOf)})
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {u.snapshot.expectedIndex === null
                        ? '—'
                        : percent(Number(u.snapshot.expectedIndex))}
                    </Table.Td>
                    <Table.Td ta="right">{points(u.snapshot.atRisk)}</Table.Td>
                    {areas.map((a) => {
                      const area = u.snapshot?.areas.find((x) => x.code === a.code);
                      return (
                        <Table.Td key={a.code} ta="right">
                          {area ? points(area.atRisk) : '—'}
                        </Table.Td>
                      );
                    })}
                  </>
                ) : (
                  <Table.Td colSpan={3 + areas.length} c="dimmed">
                    Chưa có
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
