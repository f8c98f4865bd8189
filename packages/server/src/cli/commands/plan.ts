import { extname } from 'node:path';
import {
  computeResults,
  formatDocumentDate,
  formatPoints,
  parseDate,
  parsePlanRequest,
  planAreaSummary,
  planForUnit,
  planRowSummary,
  planTotalSummary,
  presentPlan,
  vietnamDate,
  readPlanTable,
  DomainError,
  type Decimal,
  type Framework,
  type Plan,
  type PlanRowDetails,
  type PlanTable,
  type Results,
  type Table,
} from '@chiso/core';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { textTable } from '../ranking-text.js';
import { readJsonFile } from '../read-json.js';
import type { ResultsOptions } from './results.js';

export interface PlanOptions extends ResultsOptions {
  /** The date of the document (yyyy-mm-dd); today in Vietnam by default. */
  date?: string | undefined;
  place?: string | undefined;
  parent?: string | undefined;
  signer?: string | undefined;
}

interface PlanSource {
  framework: Framework;
  results: Results;
  unitId: string;
  targets: ReadonlyMap<string, Decimal> | undefined;
  targetsPath: string;
  lastYear: ReadonlyMap<string, Decimal | null> | undefined;
  details: ReadonlyMap<string, PlanRowDetails>;
  resultYear: number | undefined;
  planYear: number | undefined;
}

/**
 * `chiso plan`: the improvement plan of one unit from a `chiso results` request (whose units
 * may carry `targets` and `lastYear`) or from spreadsheets (the framework table's "Mục tiêu",
 * "Nhiệm vụ" and "Đơn vị chủ trì" columns are the unit's); JSON, a Vietnamese table, or seed
 * 004's table as .xlsx or .docx. Loads no database.
 */
export async function runPlan(options: PlanOptions, io: CliIo, now = Date.now()): Promise<void> {
  const out = options.out;
  const kind = out === undefined ? undefined : extname(out).toLowerCase();
  if (kind !== undefined && kind !== '.xlsx' && kind !== '.docx') {
    throw new UsageError('--out phải là tệp .xlsx hoặc .docx (ví dụ ke-hoach.xlsx)');
  }
  const source =
    options.input !== undefined ? await fromRequest(options) : await fromSpreadsheets(options);
  const plan = planForUnit(source.framework, source.results, source.unitId, {
    targets: source.targets,
    targetsPath: source.targetsPath,
    lastYear: source.lastYear,
    details: source.details,
  });
  if (options.json === true) io.stdout(`${JSON.stringify(presentPlan(plan))}\n`);
  else io.stdout(formatPlan(plan, source.resultYear));
  if (out === undefined) return;

  const { resultYear } = source;
  const planYear = source.planYear ?? (resultYear === undefined ? undefined : resultYear + 1);
  if (kind === '.xlsx') {
    const { buildPlanWorkbook } = await import('../../spreadsheet/write-plan.js');
    await (await buildPlanWorkbook(plan, { resultYear, planYear })).xlsx.writeFile(out);
  } else {
    const date = options.date ?? vietnamDate(now);
    if (parseDate(date) === undefined) {
      throw new UsageError(
        `--date phải là ngày dạng yyyy-mm-dd, ví dụ 2026-03-15 (đang là "${date}")`,
      );
    }
    const [{ planDocument, defaultSignature }, { documentBytes }, { writeFile }] =
      await Promise.all([
        import('../../documents/plan-document.js'),
        import('../../documents/official-document.js'),
        import('node:fs/promises'),
      ]);
    const document = planDocument(plan, {
      parentAuthority: options.parent,
      place: options.place ?? placeOf(plan.unit.name),
      dateText: formatDocumentDate(date),
      resultYear,
      planYear,
      signature: { ...defaultSignature(plan.unit.name), name: options.signer },
    });
    await writeFile(out, await documentBytes(document));
  }
  io.stderr(`Đã ghi kế hoạch ra tệp ${out}\n`);
}

async function fromRequest(options: PlanOptions): Promise<PlanSource> {
  if (options.framework !== undefined || options.scores !== undefined) {
    throw new UsageError(
      'dùng --input (tệp JSON) hoặc --framework/--scores (bảng tính), không dùng cả hai',
    );
  }
  const request = parsePlanRequest(await readJsonFile(options.input ?? ''));
  const units = request.results.units;
  const unitId = options.unit ?? (units.length === 1 ? units[0]?.id : undefined);
  if (unitId === undefined) {
    throw new UsageError(`cần --unit <mã đơn vị>: yêu cầu có ${units.length} đơn vị`);
  }
  const index = units.findIndex((u) => u.id === unitId);
  const year = request.results.framework.year;
  return {
    framework: request.results.framework,
    results: computeResults(request.results),
    unitId,
    targets: request.targets.get(unitId),
    targetsPath: `units[${index}].targets`,
    lastYear: request.lastYear.get(unitId),
    details: withTasks(request.details, request.tasks.get(unitId)),
    resultYear: year,
    planYear: year === undefined ? undefined : year + 1,
  };
}

/** The framework's offices with the unit's own tasks. */
function withTasks(
  offices: ReadonlyMap<string, PlanRowDetails>,
  tasks: ReadonlyMap<string, string> | undefined,
): Map<string, PlanRowDetails> {
  const details = new Map(offices);
  for (const [code, text] of tasks ?? []) details.set(code, { ...details.get(code), tasks: text });
  return details;
}

async function fromSpreadsheets(options: PlanOptions): Promise<PlanSource> {
  if (options.framework === undefined) {
    throw new UsageError('cần --input <yêu-cầu.json> hoặc --framework <bộ-chỉ-số.xlsx|.csv>');
  }
  const { readSpreadsheetInput } = await import('./spreadsheet-input.js');
  const input = await readSpreadsheetInput(options);
  const unitId = options.unit ?? (input.units.length === 1 ? input.units[0]?.id : undefined);
  if (unitId === undefined) {
    throw new UsageError(`cần --unit <mã đơn vị>: bảng điểm có ${input.units.length} đơn vị`);
  }
  const table = input.frameworkTable;
  const plan = planColumns(input.frameworkCells);
  const details = new Map<string, PlanRowDetails>(
    table.framework.nodes.map((node) => [
      node.code,
      {
        tasks: table.tasks.get(node.code),
        leadOffice: node.leadOffice,
        supportingOffices: node.supportingOffices,
      },
    ]),
  );
  return {
    framework: input.framework,
    results: computeResults(input),
    unitId,
    targets: table.targets,
    // The table's targets are checked against the unit's result; messages name the code.
    targetsPath: '',
    lastYear: undefined,
    details,
    resultYear: plan?.resultYear ?? input.framework.year,
    planYear: plan?.planYear,
  };
}

/**
 * The framework table read as a plan (seed 004's columns), for the years of its headers and
 * to check its targets against its own "Điểm chuẩn". A table without a "Mục tiêu" column has
 * neither.
 */
function planColumns(table: Table): PlanTable | undefined {
  try {
    return readPlanTable(table);
  } catch (error) {
    if (error instanceof DomainError && error.issues.every((i) => i.row === undefined)) {
      return undefined;
    }
    throw error;
  }
}

/** "UBND huyện Đắk Glong" → "Đắk Glong", the place of its date line. */
function placeOf(unitName: string): string {
  return (
    unitName.replace(
      /^(UBND|Ủy ban nhân dân)\s+(tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+/i,
      '',
    ) || '……'
  );
}

const points = (value: Decimal | undefined) => (value === undefined ? '—' : formatPoints(value));

/** The plan as a Vietnamese table for a terminal. */
export function formatPlan(plan: Plan, resultYear: number | undefined): string {
  const out = [
    `KẾ HOẠCH KHẮC PHỤC, CẢI THIỆN CHỈ SỐ CCHC — ${plan.unit.name}`,
    `${planTotalSummary(plan, resultYear)}.`,
    '',
    ...plan.areas.map((area) => `• ${planAreaSummary(area)}`),
    '',
  ];
  const header = [
    'Mã',
    'Lĩnh vực/Tiêu chí',
    'Tối đa',
    'Đạt',
    'Mất',
    'Mục tiêu',
    'Nếu đạt mục tiêu',
  ];
  const rows = plan.rows.map((row) => [
    row.code,
    shorten(`${'  '.repeat(row.depth - 1)}${row.title}`, 48),
    points(row.maxPoints),
    points(row.points),
    row.applicable ? formatPoints(row.lost) : '—',
    points(row.target),
    planRowSummary(row),
  ]);
  out.push(textTable(header, rows, new Set([2, 3, 4, 5])));
  return `${out.join('\n')}\n`;
}

function shorten(text: string, size: number): string {
  const chars = [...text.normalize('NFC')];
  return chars.length <= size ? text : `${chars.slice(0, size - 1).join('')}…`;
}
