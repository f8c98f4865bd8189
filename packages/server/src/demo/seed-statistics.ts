import type { StatisticsMapping } from '@chiso/core';
import type { CurrentActor } from '../context.js';
import { findUnits } from '../repositories/units.js';
import { newWorkbook } from '../spreadsheet/exceljs.js';
import { parseTables } from '../spreadsheet/read-table.js';
import { importStatistics } from '../use-cases/statistics/import-statistics.js';
import { ctx, strength, type Demo } from './demo.js';
import { prng } from './fill.js';

/** One unit's year in the one-stop system, as its export lists it. */
interface Figures {
  received: number;
  resolved: number;
  onTime: number;
  procedures: number;
  proceduresByPost: number;
  resultsByPost: number;
}

/**
 * Seed 000's own figures: the district's 574/596 dossiers on time and 7/301 procedures by post;
 * its communes' 22.855/23.067, split here among Đông Sơn's three communes.
 */
const SEED_FIGURES: Record<string, Figures> = {
  'H-DS': {
    received: 600,
    resolved: 596,
    onTime: 574,
    procedures: 301,
    proceduresByPost: 7,
    resultsByPost: 38,
  },
  'X-AL': {
    received: 8231,
    resolved: 8214,
    onTime: 8146,
    procedures: 118,
    proceduresByPost: 41,
    resultsByPost: 903,
  },
  'X-NH': {
    received: 7502,
    resolved: 7488,
    onTime: 7395,
    procedures: 112,
    proceduresByPost: 30,
    resultsByPost: 611,
  },
  'TT-DS': {
    received: 7380,
    resolved: 7365,
    onTime: 7314,
    procedures: 121,
    proceduresByPost: 44,
    resultsByPost: 1032,
  },
};

/** Figures of a unit of the given scale, steady for a seed: strong units are seldom late. */
function figuresOf(unitId: string, year: number, scale: number): Figures {
  const random = prng([...unitId].reduce((n, ch) => n * 31 + ch.charCodeAt(0), year));
  const s = strength(unitId, year);
  const resolved = Math.round(scale * (0.4 + random()));
  const late = random() < s ? 0 : Math.ceil(resolved * (1 - s) * 0.04 * random());
  const procedures = 90 + Math.floor(random() * 60);
  return {
    received: resolved + Math.floor(random() * 30),
    resolved,
    onTime: resolved - late,
    procedures,
    proceduresByPost: Math.round(procedures * (0.2 + random() * 0.3)),
    resultsByPost: Math.round(resolved * random() * 0.15),
  };
}

const HEADERS = [
  'Tên đơn vị',
  'Số hồ sơ tiếp nhận',
  'Số hồ sơ đã giải quyết',
  'Giải quyết đúng hạn',
  'Giải quyết quá hạn',
  'Số TTHC thực hiện',
  'Số TTHC có hồ sơ qua bưu chính công ích',
  'Số kết quả trả qua bưu chính',
];

/** Which column is which in that export: the mapping the secretariat confirms once. */
const MAPPING: StatisticsMapping = {
  headerRow: 2,
  columns: {
    A: 'unit',
    B: 'received',
    C: 'resolved',
    D: 'resolvedOnTime',
    E: 'resolvedLate',
    F: 'procedures',
    G: 'proceduresByPost',
    H: 'resultsByPost',
  },
};

/**
 * The one-stop system's export of the year for a period's units (a title row, the headers, a
 * row per unit named as the system spells it, the totals), imported through the use-case with
 * its column mapping, as the secretariat does from the statistics screen.
 */
export async function seedStatistics(
  demo: Demo,
  admin: CurrentActor,
  now: Date,
  input: { periodId: string; year: number; unitIds: string[]; title: string },
): Promise<void> {
  const units = await findUnits(demo.deps.db, input.unitIds);
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('TTHC');
  sheet.addRow([input.title]);
  sheet.addRow(HEADERS);
  const totals = [0, 0, 0, 0];
  for (const id of input.unitIds) {
    const name = units.find((u) => u.id === id)?.name ?? id;
    const scale = id.startsWith('S')
      ? 1500
      : id.startsWith('H-') || id.startsWith('TX-')
        ? 800
        : 6000;
    const f =
      (input.year === 2024 ? SEED_FIGURES[id] : undefined) ?? figuresOf(id, input.year, scale);
    const row = [f.received, f.resolved, f.onTime, f.resolved - f.onTime];
    row.forEach((value, i) => (totals[i] = (totals[i] ?? 0) + value));
    // The system writes thousands with a dot, as the seeds do ("22.855").
    const grouped = row.map((value) => value.toLocaleString('de-DE'));
    sheet.addRow([name, ...grouped, f.procedures, f.proceduresByPost, f.resultsByPost]);
  }
  sheet.addRow(['Tổng cộng', ...totals.map((value) => value.toLocaleString('de-DE'))]);
  const fileName = `thong-ke-tthc-nam-${input.year}.xlsx`;
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await importStatistics(ctx(demo, admin, now), {
    periodId: input.periodId,
    tables: await parseTables(bytes, fileName),
    fileName,
    mapping: MAPPING,
    countedTo: `${input.year}-12-15`,
  });
}
