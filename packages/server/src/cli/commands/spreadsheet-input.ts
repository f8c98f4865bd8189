import { basename, extname } from 'node:path';
import {
  buildFramework,
  DEFAULT_POLICY,
  DomainError,
  ERROR_CODES,
  normalizeHeader,
  parseFrameworkTable,
  parseInput,
  parseLineageTable,
  parsePreviousTable,
  parseScoresTable,
  policySchema,
  type FrameworkTable,
  type LineageLink,
  type PreviousResult,
  type ResultsInput,
  type ResultsPolicy,
  type Table,
  type UnitInput,
} from '@chiso/core';
import { readTables } from '../../spreadsheet/read-table.js';
import { UsageError } from '../exit-codes.js';
import { readJsonFile } from '../read-json.js';
import type { ResultsOptions } from './results.js';

/**
 * The spreadsheets of `chiso results --framework …` as a results input. Loaded only for that
 * form of the command: reading .xlsx brings in exceljs, which JSON requests do not need.
 */
export async function readSpreadsheetInput(
  options: ResultsOptions,
): Promise<ResultsInput & { frameworkTable: FrameworkTable; frameworkCells: Table }> {
  const frameworkFile = options.framework ?? '';
  const name = options.name ?? basename(frameworkFile, extname(frameworkFile));
  const { parsed: frameworkTable, table: frameworkCells } = firstParsed(
    await readTables(frameworkFile),
    frameworkFile,
    'bảng bộ chỉ số',
    (table) => ({ parsed: parseFrameworkTable(table, { name }), table }),
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
  return {
    framework,
    policy: await readPolicy(options.policy),
    units,
    previous,
    lineage,
    // `chiso plan` also takes the table's targets, tasks and offices.
    frameworkTable,
    frameworkCells,
  };
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
  return parseInput(policySchema, await readJsonFile(file), 'Chính sách xếp loại');
}
