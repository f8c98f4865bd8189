import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import { count, percent, percentTick, points } from '../../lib/format';
import type { PublicBlock, PublicUnit } from './api';
import { ChartFigure } from './chart-figure';
import { formatRank } from '@chiso/core/format/format.js';
import classes from './portal.module.css';

// The drawings never animate: a citizen on an old phone, and a printout, see the final state.
const still = { isAnimationActive: false } as const;

/** How many units of a block fall in each band, highest first; units without a band last. */
export function BandDistribution({ block }: { block: PublicBlock }) {
  const rows = [
    ...block.distribution.map((d) => ({
      band: d.band,
      from: d.minPercent === null ? '—' : `từ ${percentTick(d.minPercent)}`,
      count: d.count,
    })),
    ...(block.withoutBand > 0
      ? [{ band: 'Chưa xếp loại', from: '—', count: block.withoutBand }]
      : []),
  ];
  return (
    <ChartFigure
      title={`Phân bố theo xếp loại — ${block.label}`}
      caption={`Số đơn vị của khối ở mỗi mức xếp loại, trên tổng số ${count(block.units)} đơn vị.`}
      chart={
        <BarChart
          // Bars lie down: band names ("Từ 90% trở lên") fit beside them on a phone.
          h={Math.max(160, 44 * rows.length + 40)}
          data={rows}
          dataKey="band"
          orientation="vertical"
          series={[{ name: 'count', label: 'Số đơn vị', color: 'blue.7' }]}
          withBarValueLabel
          valueFormatter={count}
          xAxisProps={{ allowDecimals: false }}
          yAxisProps={{ width: 112 }}
          barProps={still}
          accessibilityLayer={false}
          withTooltip={false}
        />
      }
      table={
        <Table withTableBorder striped fz="sm">
          <caption>Số đơn vị theo xếp loại — {block.label}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Xếp loại</Table.Th>
              <Table.Th>Ngưỡng chỉ số</Table.Th>
              <Table.Th ta="right">Số đơn vị</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.band}>
                <Table.Td>{r.band}</Table.Td>
                <Table.Td>{r.from}</Table.Td>
                <Table.Td ta="right">{count(r.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

/** The unit's index over the years it was ranked (oldest first), with rank and band. */
export function TrendChart({ unit }: { unit: PublicUnit }) {
  const data = unit.trend.map((t) => ({ year: String(t.year), percent: t.percent }));
  return (
    <ChartFigure
      title="Chỉ số qua các năm"
      caption={`Chỉ số CCHC (%) của ${unit.unit.name} ở mỗi năm đã công bố, từ năm cũ nhất đến năm nay.`}
      chart={
        <LineChart
          h={220}
          data={data}
          dataKey="year"
          series={[{ name: 'percent', label: 'Chỉ số', color: 'red.8' }]}
          valueFormatter={percentTick}
          yAxisProps={{ domain: [0, 100] }}
          xAxisProps={{ padding: { left: 32, right: 32 } }}
          lineProps={still}
          connectNulls
          accessibilityLayer={false}
          tooltipProps={{ formatter: (value) => percent(Number(value)) }}
        />
      }
      table={
        <Table withTableBorder striped fz="sm" className={classes.stacked}>
          <caption>Chỉ số qua các năm — {unit.unit.name}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Năm</Table.Th>
              <Table.Th ta="right">Điểm</Table.Th>
              <Table.Th ta="right">Chỉ số</Table.Th>
              <Table.Th ta="right">Xếp hạng</Table.Th>
              <Table.Th>Xếp loại</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {unit.trend.map((t) => (
              <Table.Tr key={t.periodId}>
                <Table.Td data-label="Năm" fw={600}>
                  {t.year}
                </Table.Td>
                <Table.Td data-label="Điểm" ta="right">
                  {points(t.points)}/{points(t.maxPoints)}
                </Table.Td>
                <Table.Td data-label="Chỉ số" ta="right">
                  {percent(t.percent)}
                </Table.Td>
                <Table.Td data-label="Xếp hạng" ta="right">
                  {t.rank === null ? '—' : formatRank(t.rank, t.groupSize)}
                </Table.Td>
                <Table.Td data-label="Xếp loại">{t.band ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

/** Each area's % for the unit beside the mean % of its block (where the area applies). */
export function AreasChart({ unit }: { unit: PublicUnit }) {
  const data = unit.areas.map((a) => ({
    area: `LV ${a.code}`,
    unit: a.percent,
    peers: a.peerMeanPercent,
  }));
  return (
    <ChartFigure
      title="Các lĩnh vực so với trung bình của khối"
      caption={`Tỷ lệ điểm đạt (%) của ${unit.unit.name} ở từng lĩnh vực (LV), bên cạnh trung bình của ${unit.block.label}.`}
      chart={
        <BarChart
          h={Math.max(220, 56 * data.length)}
          data={data}
          dataKey="area"
          orientation="vertical"
          series={[
            { name: 'unit', label: unit.unit.name, color: 'red.8' },
            { name: 'peers', label: 'Trung bình khối', color: 'gray.5' },
          ]}
          withLegend
          valueFormatter={percentTick}
          xAxisProps={{ domain: [0, 100] }}
          yAxisProps={{ width: 52 }}
          barProps={still}
          accessibilityLayer={false}
          tooltipProps={{ formatter: (value) => percent(Number(value)) }}
        />
      }
      table={
        <Table withTableBorder striped fz="sm" className={classes.stacked}>
          <caption>Các lĩnh vực — {unit.unit.name}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Lĩnh vực</Table.Th>
              <Table.Th ta="right">Điểm</Table.Th>
              <Table.Th ta="right">Tỷ lệ đạt</Table.Th>
              <Table.Th ta="right">Trung bình khối</Table.Th>
              <Table.Th ta="right">Hạng trong khối</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {unit.areas.map((a) => (
              <Table.Tr key={a.code}>
                <Table.Td data-label="">
                  <b>{a.code}.</b> {a.title}
                </Table.Td>
                <Table.Td data-label="Điểm" ta="right">
                  {points(a.points)}/{points(a.maxPoints)}
                </Table.Td>
                <Table.Td data-label="Tỷ lệ đạt" ta="right">
                  {percent(a.percent)}
                </Table.Td>
                <Table.Td data-label="Trung bình khối" ta="right">
                  {percent(a.peerMeanPercent)}
                </Table.Td>
                <Table.Td data-label="Hạng trong khối" ta="right">
                  {a.rank ?? '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}
