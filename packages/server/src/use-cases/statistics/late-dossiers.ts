import { figuresOf, formatPercent, statisticPercent } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { buildSheetsWorkbook, workbookBytes } from '../../spreadsheet/write-sheets.js';
import { listStatistics } from './list-statistics.js';

export interface LateDossiersRow {
  unitId: string;
  unitName: string;
  received: number | null;
  resolved: number | null;
  resolvedOnTime: number | null;
  resolvedLate: number | null;
  /** "96,31%", or "" when it cannot be computed. */
  onTimePercent: string;
}

/**
 * The per-unit table of late dossiers (seed 000's appendix): dossiers received, resolved, on
 * time, late and the on-time rate, most late first — a report of the same statistics.
 */
export async function lateDossiers(
  ctx: UseCaseContext,
  periodId: string,
): Promise<{ rows: LateDossiersRow[] }> {
  const { units } = await listStatistics(ctx, periodId);
  const rows = units.map((unit) => {
    const figures = figuresOf(unit.figures);
    const percent = statisticPercent('onTimeRate', figures);
    return {
      unitId: unit.unitId,
      unitName: unit.unitName,
      received: figures.received ?? null,
      resolved: figures.resolved ?? null,
      resolvedOnTime: figures.resolvedOnTime ?? null,
      resolvedLate: figures.resolvedLate ?? null,
      onTimePercent: percent === undefined ? '' : formatPercent(percent),
    };
  });
  rows.sort((a, b) => (b.resolvedLate ?? -1) - (a.resolvedLate ?? -1));
  return { rows };
}

/** The same table as an .xlsx workbook. */
export async function lateDossiersWorkbook(ctx: UseCaseContext, periodId: string): Promise<Buffer> {
  const { rows } = await lateDossiers(ctx, periodId);
  const workbook = buildSheetsWorkbook([
    {
      sheet: 'Hồ sơ quá hạn',
      rows: [
        [
          'STT',
          'Đơn vị',
          'Số hồ sơ tiếp nhận',
          'Số hồ sơ đã giải quyết',
          'Đúng hạn',
          'Quá hạn',
          'Tỷ lệ đúng hạn',
        ],
        ...rows.map((row, i) => [
          i + 1,
          row.unitName,
          row.received,
          row.resolved,
          row.resolvedOnTime,
          row.resolvedLate,
          row.onTimePercent,
        ]),
      ],
    },
  ]);
  return workbookBytes(workbook);
}
