import { extname } from 'node:path';
import {
  buildReportView,
  computeResults,
  formatCount,
  parseDate,
  parseReportRequest,
  reportText,
  vietnamDate,
} from '@chiso/core';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { readJsonFile } from '../read-json.js';

export interface ReportCommandOptions {
  input?: string | undefined;
  out?: string | undefined;
  xlsx?: string | undefined;
  /** The date of the document (yyyy-mm-dd) when the request's `report.date` is absent. */
  date?: string | undefined;
  /** Leave the per-unit tables out of the Word document (the .xlsx still has them). */
  'no-appendix'?: boolean | undefined;
}

/**
 * `chiso report`: the results report (seed 001) from a `chiso results` request with an
 * optional `report` object, as a Word document in the Nghị định 30 layout (--out) and its
 * appendix as a workbook (--xlsx); without either, the report's text on standard output.
 * Loads no database; docx and exceljs only for the file asked for.
 */
export async function runReport(
  options: ReportCommandOptions,
  io: CliIo,
  now = Date.now(),
): Promise<void> {
  if (options.input === undefined) throw new UsageError('cần --input <yêu-cầu.json>');
  const { out, xlsx } = options;
  if (out !== undefined && extname(out).toLowerCase() !== '.docx') {
    throw new UsageError('--out phải là tệp .docx (ví dụ bao-cao.docx)');
  }
  if (xlsx !== undefined && extname(xlsx).toLowerCase() !== '.xlsx') {
    throw new UsageError('--xlsx phải là tệp .xlsx (ví dụ phu-luc.xlsx)');
  }
  const date = options.date ?? vietnamDate(now);
  if (parseDate(date) === undefined) {
    throw new UsageError(
      `--date phải là ngày dạng yyyy-mm-dd, ví dụ 2026-03-15 (đang là "${date}")`,
    );
  }
  const request = parseReportRequest(await readJsonFile(options.input, io));
  const view = buildReportView(request, computeResults(request.results), parseDate(date));

  if (out === undefined && xlsx === undefined) {
    io.stdout(`${reportText(view)}\n`);
    return;
  }
  if (out !== undefined) {
    const [{ resultsReportBytes, MAX_DOCX_APPENDIX_ROWS }, { writeFile }] = await Promise.all([
      import('../../documents/results-report.js'),
      import('node:fs/promises'),
    ]);
    const withAppendix = options['no-appendix'] !== true;
    if (withAppendix && view.appendix.rows > MAX_DOCX_APPENDIX_ROWS) {
      throw new UsageError(
        `phụ lục có ${formatCount(view.appendix.rows)} dòng, quá lớn cho văn bản Word (tối đa ${formatCount(MAX_DOCX_APPENDIX_ROWS)} dòng): dùng --no-appendix và ghi phụ lục bằng --xlsx`,
      );
    }
    await writeFile(out, await resultsReportBytes(view, { withAppendix }));
    io.stderr(`Đã ghi báo cáo ra tệp ${out}\n`);
  }
  if (xlsx !== undefined) {
    const { writeReportAppendix } = await import('../../spreadsheet/write-report-appendix.js');
    await writeReportAppendix(view.appendix, xlsx);
    io.stderr(`Đã ghi phụ lục ra tệp ${xlsx}\n`);
  }
}
