import { STATISTIC_KEYS, STATISTICS } from '@chiso/core';
import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { ErrorMessage, Loading } from '../../components/feedback';
import { count, date, dateTime, ratio } from '../../lib/format';
import { statisticsPath, useLateDossiers, usePeriodStatistics } from './api';

const SOURCE_LABELS = { import: 'Tệp', api: 'Hệ thống' } as const;

/** The period's imported figures per unit: each statistic as "574/596 (96,31%)" and its source. */
export function FiguresTable({ periodId }: { periodId: string }) {
  const list = usePeriodStatistics(periodId);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorMessage error={list.error} />;
  const units = list.data.units;
  // Only the statistics some unit has figures for get a column.
  const shown = STATISTIC_KEYS.filter((key) =>
    units.some((u) => u.statistics.some((s) => s.statistic === key)),
  );
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        Số liệu đã nhập ({count(units.length)} đơn vị)
      </Title>
      {units.length === 0 ? (
        <Text c="dimmed">Kỳ đánh giá chưa có số liệu thống kê TTHC nào.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label="Số liệu thống kê TTHC theo đơn vị">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Đơn vị</Table.Th>
                {shown.map((key) => (
                  <Table.Th key={key}>{STATISTICS[key].label}</Table.Th>
                ))}
                <Table.Th>Nguồn</Table.Th>
                <Table.Th>Tính đến ngày</Table.Th>
                <Table.Th>Cập nhật</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.map((unit) => (
                <Table.Tr key={unit.unitId}>
                  <Table.Td>{unit.unitName}</Table.Td>
                  {shown.map((key) => {
                    const s = unit.statistics.find((x) => x.statistic === key);
                    return (
                      <Table.Td key={key} style={{ whiteSpace: 'nowrap' }}>
                        {s ? ratio(s.numerator, s.denominator) : '—'}
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    {SOURCE_LABELS[unit.source]}: {unit.sourceName}
                  </Table.Td>
                  <Table.Td>{unit.countedTo ? date(unit.countedTo) : '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(unit.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

const figure = (value: number | null) => (value === null ? '—' : count(value));

/** Seed 000's table of late dossiers per unit, most late first, and its workbook. */
export function LateDossiersTable({ periodId }: { periodId: string }) {
  const late = useLateDossiers(periodId);
  if (late.isPending) return <Loading />;
  if (late.error) return <ErrorMessage error={late.error} />;
  const rows = late.data.rows;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>Hồ sơ giải quyết trễ hạn theo đơn vị</Title>
        <Button
          component="a"
          href={`/api${statisticsPath(periodId)}/late-dossiers.xlsx`}
          variant="default"
          disabled={rows.length === 0}
        >
          Tải báo cáo hồ sơ trễ hạn (.xlsx)
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">Chưa có số liệu để lập báo cáo.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label="Hồ sơ giải quyết trễ hạn theo đơn vị">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Đơn vị</Table.Th>
                <Table.Th ta="right">Số hồ sơ tiếp nhận</Table.Th>
                <Table.Th ta="right">Số hồ sơ đã giải quyết</Table.Th>
                <Table.Th ta="right">Đúng hạn</Table.Th>
                <Table.Th ta="right">Số hồ sơ trễ hạn</Table.Th>
                <Table.Th ta="right">Tỷ lệ đúng hạn</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.unitId}>
                  <Table.Td>{row.unitName}</Table.Td>
                  <Table.Td ta="right">{figure(row.received)}</Table.Td>
                  <Table.Td ta="right">{figure(row.resolved)}</Table.Td>
                  <Table.Td ta="right">{figure(row.resolvedOnTime)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {figure(row.resolvedLate)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {row.onTimePercent === '' ? '—' : row.onTimePercent}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
