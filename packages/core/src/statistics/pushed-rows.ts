import type { Issue } from '../errors.js';
import {
  MEASURE_KEYS,
  MEASURE_LABELS,
  partsOverWholes,
  type StatisticFigures,
} from './catalogue.js';
import type { StatisticsRow, StatisticsUnit } from './statistics-table.js';

/** A row as a source system pushes it: the unit's id and figures by measure key. */
export interface PushedRow {
  unitId: string;
  [measure: string]: unknown;
}

/**
 * The rows a source system pushed, checked as a file's rows are: a unit that does not take part
 * in the period, a unit twice, a figure that is not a whole number ≥ 0, or a part larger than
 * its whole is an issue naming the row (`rows[2]`, 1-based "dòng 3") and the field. The caller
 * stores nothing when there is one. `row` of each result is the 1-based position in the list.
 */
export function readPushedStatistics(
  pushed: readonly PushedRow[],
  units: readonly StatisticsUnit[],
): { rows: StatisticsRow[]; issues: Issue[] } {
  const participants = new Set(units.map((unit) => unit.id));
  const issues: Issue[] = [];
  const rows: StatisticsRow[] = [];
  const seenAt = new Map<string, number>();
  pushed.forEach((row, index) => {
    const at = (key: string, field: string, message: string) =>
      issues.push({
        path: `rows[${index}].${key}`,
        field,
        message: `Dòng ${index + 1}: ${message}`,
      });
    if (!participants.has(row.unitId)) {
      at('unitId', 'Mã đơn vị', `đơn vị "${row.unitId}" không tham gia kỳ đánh giá`);
      return;
    }
    const earlier = seenAt.get(row.unitId);
    if (earlier !== undefined) {
      at('unitId', 'Mã đơn vị', `đơn vị "${row.unitId}" đã có ở dòng ${earlier}`);
      return;
    }
    seenAt.set(row.unitId, index + 1);
    const figures: StatisticFigures = {};
    let bad = false;
    for (const key of MEASURE_KEYS) {
      const value = row[key];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        bad = true;
        at(
          key,
          MEASURE_LABELS[key],
          `${JSON.stringify(value)} không phải là số nguyên không âm (${MEASURE_LABELS[key]})`,
        );
        continue;
      }
      figures[key] = value;
    }
    if (bad) return;
    const over = partsOverWholes(figures);
    for (const { part, message } of over) at(part, MEASURE_LABELS[part], message);
    if (over.length === 0) {
      if (Object.keys(figures).length === 0) {
        at('unitId', 'Mã đơn vị', 'không có chỉ tiêu thống kê nào');
        return;
      }
      rows.push({ unitId: row.unitId, row: index + 1, figures });
    }
  });
  return { rows, issues };
}
