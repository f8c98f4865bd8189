import {
  computeResults,
  isReportRequest,
  parseReportRequest,
  parseResultsRequest,
  presentResults,
  type Framework,
  type Results,
  type ResultsInput,
} from '@chiso/core';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { formatRanking } from '../ranking-text.js';
import { readJsonFile } from '../read-json.js';
import { writeResultsJson } from '../results-json.js';

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
  detail?: boolean | undefined;
}

/**
 * `chiso results`: JSON in → compact JSON out (units with totals, ranks, bands, ratings, flags
 * and areas; every node with its explanation under --detail), or spreadsheets in → a
 * Vietnamese ranking table.
 */
export async function runResults(options: ResultsOptions, io: CliIo): Promise<void> {
  const detail = options.detail === true;
  if (options.input !== undefined) {
    if (options.framework !== undefined || options.scores !== undefined) {
      throw new UsageError(
        'dùng --input (tệp JSON) hoặc --framework/--scores (bảng tính), không dùng cả hai',
      );
    }
    const input = await readRequest(options.input, io);
    const results = computeResults(input);
    await writeResultsJson(io, input.framework, results, detail);
    await writeWorkbook(options.out, input.framework, results, io);
    return;
  }
  if (options.framework === undefined) {
    throw new UsageError('cần --input <yêu-cầu.json> hoặc --framework <bộ-chỉ-số.xlsx|.csv>');
  }
  if (detail && options.json !== true) {
    throw new UsageError('--detail chỉ dùng khi in kết quả JSON (--input hoặc --json)');
  }
  const { readSpreadsheetInput } = await import('./spreadsheet-input.js');
  const input = await readSpreadsheetInput(options);
  const results = computeResults(input);
  if (options.json === true) await writeResultsJson(io, input.framework, results, detail);
  else io.stdout(formatRanking(input.framework, results));
  await writeWorkbook(options.out, input.framework, results, io);
}

/**
 * Kept apart so that the request's raw JSON can be collected once it has been read. The
 * request of `chiso report` is the same file with a `report` object and, per unit,
 * `selfAssessed` and `reasons`: read here too (and checked), so that one file serves both.
 */
async function readRequest(file: string, io: CliIo): Promise<ResultsInput> {
  const json = await readJsonFile(file, io);
  return isReportRequest(json) ? parseReportRequest(json).results : parseResultsRequest(json);
}

async function writeWorkbook(
  out: string | undefined,
  framework: Framework,
  results: Results,
  io: CliIo,
) {
  if (out === undefined) return;
  // The workbook has every node of every unit, so it takes the full presentation.
  const { buildResultsWorkbook } = await import('../../spreadsheet/write-results.js');
  const workbook = await buildResultsWorkbook([
    { framework, results: presentResults(framework, results) },
  ]);
  await workbook.xlsx.writeFile(out);
  io.stderr(`Đã ghi kết quả ra tệp ${out}\n`);
}
