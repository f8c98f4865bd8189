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
import type { Db } from '../../db/database.js';
import {
  findSurvey,
  insertFrameRows,
  lockSurvey,
  type SurveyRow,
} from '../../repositories/surveys.js';
import { IN_REQUEST, type ImportProgress } from '../imports/import-progress.js';
import { ensureNotClosed, ratedUnitsOf, surveyNotFound, type RatedUnits } from './survey-units.js';
import { authorizeIn } from '../reach.js';
import { saveFrameStaged } from './save-frame-staged.js';

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

/** Rows checked between two pauses (the server answers others meanwhile; a stop is heard). */
const FRAME_BATCH = 2000;

export interface ParsedFrame {
  rows: FrameRow[];
  issues: Issue[];
  /** The issue on the unit code's cell of `rows[index]`. */
  unitIssue: (index: number, message: string) => Issue;
}

/**
 * Reads a sampling frame (people who completed a procedure at a unit): one row per person,
 * every problem named by sheet, row and column; undefined when the table has no such header.
 * Pauses every FRAME_BATCH rows, yielding the rows read.
 */
export function* frameTableSteps(
  table: Table,
  units: RatedUnits,
): Generator<number, ParsedFrame | undefined> {
  const located = locate(table);
  if (!located) return undefined;
  const { headerRow, columns } = located;
  const header = table.rows[headerRow] ?? [];
  const rows: FrameRow[] = [];
  const sourceRows: number[] = [];
  const issues: Issue[] = [];
  const issueAt = (r: number, key: FrameColumn, message: string) => {
    const c = columns.get(key);
    return cellIssue(table, r, c, c === undefined ? undefined : cellText(header[c]), message);
  };
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    if ((r - headerRow) % FRAME_BATCH === 0) yield r - headerRow;
    const cells = table.rows[r] ?? [];
    if (cells.every((cell) => isBlank(cell))) continue;
    const text = (key: FrameColumn) => {
      const c = columns.get(key);
      return c === undefined ? '' : cellText(cells[c]);
    };
    const issue = (key: FrameColumn, message: string) => issues.push(issueAt(r, key, message));
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
    sourceRows.push(r);
  }
  if (rows.length === 0 && issues.length === 0)
    issues.push({ sheet: table.sheet, message: 'bảng không có người nào' });
  return {
    rows,
    issues,
    unitIssue: (index, message) => issueAt(sourceRows[index] ?? headerRow, 'unitId', message),
  };
}

/** frameTableSteps in one go. */
export function parseFrameTable(table: Table, units: RatedUnits): ParsedFrame | undefined {
  const steps = frameTableSteps(table, units);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** The survey, whose frame its caller may change and which is not closed. */
export async function requireFrameOpen(ctx: UseCaseContext, surveyId: string): Promise<SurveyRow> {
  await authorizeIn(ctx, 'administer', { surveyId });
  const survey = await findSurvey(ctx.deps.db, surveyId);
  if (!survey) throw surveyNotFound();
  ensureNotClosed(survey, 'nhập danh sách người được khảo sát');
  return survey;
}

const rejected = (issues: Issue[]) =>
  new DomainError(
    ERROR_CODES.IMPORT_REJECTED,
    'Không nhập được danh sách người được khảo sát',
    issues,
  );

/**
 * The survey locked, still open, and every row's unit still rated in its period (a unit may
 * have left the period while the file was being checked); the import's audit row written.
 * Only counts per unit go to the audit trail.
 */
async function decideFrame(
  tx: Db,
  ctx: UseCaseContext,
  surveyId: string,
  { rows, unitIssue }: ParsedFrame,
): Promise<SurveyRow> {
  const locked = await lockSurvey(tx, surveyId);
  if (!locked) throw surveyNotFound();
  ensureNotClosed(locked, 'nhập danh sách người được khảo sát');
  const current = await ratedUnitsOf(tx, locked);
  const stale = rows.flatMap((row, index) => {
    const problem = current.problem(row.unitId);
    return problem === undefined ? [] : [unitIssue(index, problem)];
  });
  if (stale.length > 0) throw rejected(stale);
  const byUnit: Record<string, number> = {};
  for (const row of rows) byUnit[row.unitId] = (byUnit[row.unitId] ?? 0) + 1;
  await recordAudit(tx, ctx, {
    action: 'survey.frame.import',
    entityType: 'survey',
    entityId: locked.id,
    periodId: locked.periodId,
    after: { imported: rows.length, byUnit },
  });
  return locked;
}

/**
 * Adds people to the sampling frame from an .xlsx/.csv list (Mã đơn vị | Họ và tên | Liên hệ |
 * Thủ tục | Ngày hoàn thành): all rows or none. The file is checked outside the transaction,
 * pausing between batches; the units are checked again under the survey's lock, the rows then
 * written a batch at a time — in that one transaction on PostgreSQL; on PGlite staged first
 * and applied after the decision, hidden until the job ends (decision 0053).
 */
export async function importFrame(
  ctx: UseCaseContext,
  surveyId: string,
  tables: Table[],
  progress: ImportProgress = IN_REQUEST,
): Promise<{ imported: number }> {
  const survey = await requireFrameOpen(ctx, surveyId);
  const units = await ratedUnitsOf(ctx.deps.db, survey);
  await progress.phase(
    'checking',
    tables.reduce((sum, t) => sum + t.rows.length, 0),
  );
  let parsed: ParsedFrame | undefined;
  for (const table of tables) {
    parsed = await progress.drive(frameTableSteps(table, units));
    if (parsed) break;
  }
  if (!parsed) {
    throw new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Không đọc được danh sách', [
      {
        sheet: tables[0]?.sheet,
        message:
          'không tìm thấy dòng tiêu đề: cần cột "Mã đơn vị" và cột "Họ và tên" trong 30 dòng đầu',
      },
    ]);
  }
  if (parsed.issues.length > 0) throw rejected(parsed.issues);
  const checked = parsed;
  const { rows } = checked;
  await progress.phase('saving', rows.length);
  if (progress.staging) {
    return saveFrameStaged(
      ctx,
      progress.staging,
      surveyId,
      rows,
      async (tx) => void (await decideFrame(tx, ctx, surveyId, checked)),
      progress,
    );
  }
  return ctx.deps.db.transaction(async (tx) => {
    const locked = await decideFrame(tx, ctx, surveyId, checked);
    for (let i = 0; i < rows.length; i += FRAME_BATCH) {
      await insertFrameRows(
        tx,
        rows
          .slice(i, i + FRAME_BATCH)
          .map((row) => ({ surveyId: locked.id, ...row, createdAt: ctx.now })),
      );
      await progress.step(Math.min(i + FRAME_BATCH, rows.length), tx);
    }
    return { imported: rows.length };
  });
}
