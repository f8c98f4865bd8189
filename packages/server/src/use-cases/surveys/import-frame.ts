import {
  cellIssue,
  cellText,
  DomainError,
  ERROR_CODES,
  isBlank,
  normalizeHeader,
  parseDate,
  TEXT_LIMITS,
  tooLong,
  type Issue,
  type Table,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { insertFrameRows, lockSurvey } from '../../repositories/surveys.js';
import { ensureNotClosed, ratedUnitsOf, surveyNotFound, type RatedUnits } from './survey-units.js';
import { authorizeIn } from '../reach.js';

type FrameColumn = 'unitId' | 'fullName' | 'contact' | 'procedure' | 'completedOn';

/** Headers as offices write them, without diacritics (first match wins, in this order). */
const COLUMNS: { key: FrameColumn; label: string; match: (h: string) => boolean }[] = [
  { key: 'unitId', label: 'Mã đơn vị', match: (h) => ['ma don vi', 'ma dv'].includes(h) },
  { key: 'fullName', label: 'Họ và tên', match: (h) => h === 'ho va ten' || h === 'ho ten' },
  {
    key: 'contact',
    label: 'Liên hệ',
    match: (h) => h.startsWith('lien he') || h.includes('dien thoai') || h === 'email',
  },
  { key: 'procedure', label: 'Thủ tục', match: (h) => h.startsWith('thu tuc') },
  {
    key: 'completedOn',
    label: 'Ngày hoàn thành',
    match: (h) => h.startsWith('ngay hoan thanh') || h.startsWith('ngay tra ket qua'),
  },
];
const REQUIRED: FrameColumn[] = ['unitId', 'fullName'];
/** Texts longer than these are refused, not cut. */
const LENGTH_CHECKED: [FrameColumn, number][] = [
  ['fullName', TEXT_LIMITS.frameName],
  ['contact', TEXT_LIMITS.frameContact],
  ['procedure', TEXT_LIMITS.frameProcedure],
];
const SCAN_ROWS = 30;

export interface FrameRow {
  unitId: string;
  fullName: string;
  contact: string | null;
  procedure: string | null;
  completedOn: string | null;
}

function locate(table: Table) {
  for (let r = 0; r < Math.min(table.rows.length, SCAN_ROWS); r++) {
    const columns = new Map<FrameColumn, number>();
    (table.rows[r] ?? []).forEach((cell, c) => {
      const header = normalizeHeader(cellText(cell));
      const role = COLUMNS.find((col) => !columns.has(col.key) && col.match(header));
      if (header !== '' && role) columns.set(role.key, c);
    });
    if (REQUIRED.every((key) => columns.has(key))) return { headerRow: r, columns };
  }
  return undefined;
}

/**
 * Reads a sampling frame (people who completed a procedure at a unit): one row per person,
 * every problem named by sheet, row and column; undefined when the table has no such header.
 */
export function parseFrameTable(
  table: Table,
  units: RatedUnits,
): { rows: FrameRow[]; issues: Issue[] } | undefined {
  const located = locate(table);
  if (!located) return undefined;
  const { headerRow, columns } = located;
  const header = table.rows[headerRow] ?? [];
  const rows: FrameRow[] = [];
  const issues: Issue[] = [];
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const cells = table.rows[r] ?? [];
    if (cells.every((cell) => isBlank(cell))) continue;
    const text = (key: FrameColumn) => {
      const c = columns.get(key);
      return c === undefined ? '' : cellText(cells[c]);
    };
    const issue = (key: FrameColumn, message: string) => {
      const c = columns.get(key);
      issues.push(
        cellIssue(table, r, c, c === undefined ? undefined : cellText(header[c]), message),
      );
    };
    const unitId = text('unitId');
    const problem = unitId === '' ? 'thiếu mã đơn vị' : units.problem(unitId);
    if (problem !== undefined) issue('unitId', problem);
    const fullName = text('fullName');
    if (fullName === '') issue('fullName', 'thiếu họ và tên');
    for (const [key, max] of LENGTH_CHECKED) {
      const tooLongText = tooLong(text(key), max);
      if (tooLongText !== undefined) issue(key, tooLongText);
    }
    const dateText = text('completedOn');
    const completedOn = dateText === '' ? null : (parseDate(dateText) ?? null);
    if (dateText !== '' && completedOn === null)
      issue('completedOn', `"${dateText}" không phải là ngày (dd/mm/yyyy)`);
    rows.push({
      unitId,
      fullName,
      contact: text('contact') || null,
      procedure: text('procedure') || null,
      completedOn,
    });
  }
  if (rows.length === 0 && issues.length === 0)
    issues.push({ sheet: table.sheet, message: 'bảng không có người nào' });
  return { rows, issues };
}

/**
 * Adds people to the sampling frame from an .xlsx/.csv list (Mã đơn vị | Họ và tên | Liên hệ |
 * Thủ tục | Ngày hoàn thành): all rows or none. Only counts per unit go to the audit trail.
 */
export async function importFrame(
  ctx: UseCaseContext,
  surveyId: string,
  tables: Table[],
): Promise<{ imported: number }> {
  await authorizeIn(ctx, 'administer', { surveyId });
  return ctx.deps.db.transaction(async (tx) => {
    const survey = await lockSurvey(tx, surveyId);
    if (!survey) throw surveyNotFound();
    ensureNotClosed(survey, 'nhập danh sách người được khảo sát');
    const units = await ratedUnitsOf(tx, survey);
    const parsed = tables.map((table) => parseFrameTable(table, units)).find((p) => p);
    if (!parsed) {
      throw new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Không đọc được danh sách', [
        {
          sheet: tables[0]?.sheet,
          message:
            'không tìm thấy dòng tiêu đề: cần cột "Mã đơn vị" và cột "Họ và tên" trong 30 dòng đầu',
        },
      ]);
    }
    if (parsed.issues.length > 0) {
      throw new DomainError(
        ERROR_CODES.IMPORT_REJECTED,
        'Không nhập được danh sách người được khảo sát',
        parsed.issues,
      );
    }
    await insertFrameRows(
      tx,
      parsed.rows.map((row) => ({ surveyId: survey.id, ...row, createdAt: ctx.now })),
    );
    const byUnit: Record<string, number> = {};
    for (const row of parsed.rows) byUnit[row.unitId] = (byUnit[row.unitId] ?? 0) + 1;
    await recordAudit(tx, ctx, {
      action: 'survey.frame.import',
      entityType: 'survey',
      entityId: survey.id,
      periodId: survey.periodId,
      after: { imported: parsed.rows.length, byUnit },
    });
    return { imported: parsed.rows.length };
  });
}
