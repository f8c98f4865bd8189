import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import {
  buildFramework,
  computeResults,
  DEFAULT_POLICY,
  DomainError,
  ERROR_CODES,
  normalizeHeader,
  parseFrameworkTable,
  parseInput,
  parseLineageTable,
  parsePreviousTable,
  parseResultsRequest,
  parseScoresTable,
  policySchema,
  presentResults,
  type Framework,
  type LineageLink,
  type PreviousResult,
  type ResultsInput,
  type ResultsJson,
  type ResultsPolicy,
  type Table,
  type UnitInput,
} from '@chiso/core';
import { readTables } from '../../spreadsheet/read-table.js';
import { buildResultsWorkbook } from '../../spreadsheet/write-results.js';
import { UsageError } from '../exit-codes.js';
import { formatRanking } from '../ranking-text.js';
import type { CliIo } from '../io.js';

export interface ResultsOptions {
  input?: string | undefined;
  framework?: string | undefined;
  scores?: string | undefined;
  previous?: string | undefined;
  lineage?: string | undefined;
  policy?: string | undefined;
  out?: string | undefined;
  name?: string | undefined;
  unit?: string | undefined;
  json?: boolean | undefined;
}

/** `chiso results`: JSON in → JSON out, or spreadsheets in → a Vietnamese ranking table. */
export async function runResults(options: ResultsOptions, io: CliIo): Promise<void> {
  if (options.input !== undefined) {
    if (options.framework !== undefined || options.scores !== undefined) {
      throw new UsageError(
        'dùng --input (tệp JSON) hoặc --framework/--scores (bảng tính), không dùng cả hai',
      );
    }
    const request = parseJson(await readText(options.input, io), options.input);
    const input = parseResultsRequest(request);
    const json = presentResults(input.framework, computeResults(input));
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    await writeWorkbook(options.out, input.framework, json, io);
    return;
  }
  if (options.framework === undefined) {
    throw new UsageError('cần --input <yêu-cầu.json> hoặc --framework <bộ-chỉ-số.xlsx|.csv>');
  }
  const input = await readSpreadsheetInput(options);
  const results = computeResults(input);
  const json = presentResults(input.framework, results);
  io.stdout(
    options.json === true
      ? `${JSON.stringify(json, null, 2)}\n`
      : formatRanking(input.framework, results),
  );
  await writeWorkbook(options.out, input.framework, json, io);
}

async function readSpreadsheetInput(options: ResultsOptions): Promise<ResultsInput> {
  const frameworkFile = options.framework ?? '';
  const name = options.name ?? basename(frameworkFile, extname(frameworkFile));
  const frameworkTable = firstParsed(
    await readTables(frameworkFile),
    frameworkFile,
    'bảng bộ chỉ số',
    (table) => parseFrameworkTable(table, { name }),
  );
  const framework = buildFramework(frameworkTable.framework);
  let units: UnitInput[];
  let lineage: LineageLink[] = [];
  if (options.scores !== undefined) {
    const tables = await readTables(options.scores);
    const lineageTable = tables.find((t) => normalizeHeader(t.sheet) === 'ke thua');
    units = firstParsed(
      tables.filter((t) => t !== lineageTable),
      options.scores,
      'bảng điểm',
      (table) => parseScoresTable(table, framework),
    ).units;
    if (lineageTable) lineage = parseLineageTable(lineageTable);
  } else if (frameworkTable.achieved.size > 0) {
    // A framework table with a "points achieved" column (seed 004) is one unit's scores.
    const unitName = options.unit ?? `Đơn vị trong tệp ${basename(frameworkFile)}`;
    units = [
      {
        id: unitName,
        name: unitName,
        group: undefined,
        type: undefined,
        points: new Map(
          framework.leaves.flatMap((leaf) => {
            const points = frameworkTable.achieved.get(leaf.code);
            return points === undefined ? [] : [[leaf.code, points] as const];
          }),
        ),
        facts: new Map(),
        notApplicable: new Set(),
      },
    ];
  } else {
    throw new UsageError(
      'cần --scores <bảng-điểm.xlsx|.csv> (bảng bộ chỉ số không có cột điểm đạt được)',
    );
  }
  if (options.lineage !== undefined) {
    lineage = [
      ...lineage,
      ...firstParsed(
        await readTables(options.lineage),
        options.lineage,
        'bảng kế thừa',
        parseLineageTable,
      ),
    ];
  }
  let previous: PreviousResult[] = [];
  if (options.previous !== undefined) {
    previous = firstParsed(
      await readTables(options.previous),
      options.previous,
      'bảng kết quả kỳ trước',
      parsePreviousTable,
    );
  }
  return { framework, policy: await readPolicy(options.policy), units, previous, lineage };
}

/**
 * The first sheet that holds the table. Sheets where no header is found are skipped; a sheet
 * whose header is found but whose rows are wrong stops everything with those rows named.
 */
function firstParsed<T>(
  tables: Table[],
  file: string,
  what: string,
  parse: (table: Table) => T,
): T {
  const skipped: string[] = [];
  for (const table of tables) {
    try {
      return parse(table);
    } catch (error) {
      const headerMissing =
        error instanceof DomainError && error.issues.every((issue) => issue.row === undefined);
      if (!headerMissing) throw error;
      skipped.push(...error.issues.map((issue) => `trang "${table.sheet}": ${issue.message}`));
    }
  }
  throw new DomainError(
    ERROR_CODES.IMPORT_REJECTED,
    `Không tìm thấy ${what} trong tệp "${basename(file)}"`,
    skipped.map((message) => ({ message })),
  );
}

async function readPolicy(file: string | undefined): Promise<ResultsPolicy> {
  if (file === undefined) return DEFAULT_POLICY;
  return parseInput(
    policySchema,
    parseJson(await readFile(file, 'utf8').catch(() => notFound(file)), file),
    'Chính sách xếp loại',
  );
}

async function readText(file: string, io: CliIo): Promise<string> {
  if (file === '-') return io.readStdin();
  return readFile(file, 'utf8').catch(() => notFound(file));
}

function notFound(file: string): never {
  throw new DomainError(
    ERROR_CODES.VALIDATION_FAILED,
    `Không tìm thấy hoặc không mở được tệp "${file}"`,
  );
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : '';
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, `Tệp "${file}" không phải JSON hợp lệ`, [
      { message: detail || 'không đọc được nội dung JSON' },
    ]);
  }
}

async function writeWorkbook(
  out: string | undefined,
  framework: Framework,
  json: ResultsJson,
  io: CliIo,
) {
  if (out === undefined) return;
  await buildResultsWorkbook([{ framework, results: json }]).xlsx.writeFile(out);
  io.stderr(`Đã ghi kết quả ra tệp ${out}\n`);
}
