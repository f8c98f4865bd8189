import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, ERROR_CODES, formatCount } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { loadReportData } from './report-sources.js';
import { periodReportView, requirePeriod, storedOptions } from './report-view.js';
import { authorizeIn } from '../reach.js';

/** The report with or without its appendix, or the appendix alone as a document or workbook. */
export type ReportFile = 'report' | 'report-without-appendix' | 'appendix-docx' | 'appendix-xlsx';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportedReport {
  bytes: Buffer;
  /** ASCII, for clients that do not read RFC 5987. */
  fileName: string;
  /** As a clerk would name it: "Báo cáo kết quả Chỉ số CCHC năm 2025 (dự thảo).docx". */
  displayName: string;
  mediaType: string;
}

/**
 * A file of the period's report, made from the publication in force or, marked "DỰ THẢO",
 * from the computed results of an approved period (INVALID_STATE otherwise), through the same
 * writers as `chiso report`. The appendix goes into a Word document up to the rows a
 * document can hold (INVALID_STATE beyond: the workbook holds any number).
 */
export async function exportReport(
  ctx: UseCaseContext,
  periodId: string,
  file: ReportFile,
): Promise<ExportedReport> {
  await authorizeIn(ctx, 'readResultsReport', { periodId });
  const { db } = ctx.deps;
  const period = await requirePeriod(db, periodId);
  const data = await loadReportData(db, period);
  const { options } = await storedOptions(db, periodId);
  const { view } = await periodReportView(ctx, period, data, options);
  const suffix = data.draft ? '-du-thao' : '';
  const shown = data.draft ? ' (dự thảo)' : '';
  const names = (ascii: string, vietnamese: string, ext: string) => ({
    fileName: `${ascii}-${period.year}${suffix}.${ext}`,
    displayName: `${vietnamese} năm ${period.year}${shown}.${ext}`,
  });

  if (file === 'appendix-xlsx') {
    const { writeReportAppendix } = await import('../../spreadsheet/write-report-appendix.js');
    const dir = await mkdtemp(join(tmpdir(), 'chiso-phu-luc-'));
    try {
      const path = join(dir, 'phu-luc.xlsx');
      await writeReportAppendix(view.appendix, path);
      return {
        bytes: await readFile(path),
        ...names('phu-luc-ket-qua-chi-so-cchc', 'Phụ lục kết quả Chỉ số CCHC', 'xlsx'),
        mediaType: XLSX,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const { resultsReportBytes, reportAppendixBytes, MAX_DOCX_APPENDIX_ROWS } =
    await import('../../documents/results-report.js');
  const withAppendix = file !== 'report-without-appendix';
  if (withAppendix && view.appendix.rows > MAX_DOCX_APPENDIX_ROWS) {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      `Phụ lục có ${formatCount(view.appendix.rows)} dòng, quá lớn cho văn bản Word (tối đa ${formatCount(MAX_DOCX_APPENDIX_ROWS)} dòng): hãy tải báo cáo không kèm phụ lục và phụ lục dạng Excel`,
    );
  }
  if (file === 'appendix-docx') {
    return {
      bytes: await reportAppendixBytes(view),
      ...names('phu-luc-ket-qua-chi-so-cchc', 'Phụ lục kết quả Chỉ số CCHC', 'docx'),
      mediaType: DOCX,
    };
  }
  return {
    bytes: await resultsReportBytes(view, { withAppendix }),
    ...names('bao-cao-ket-qua-chi-so-cchc', 'Báo cáo kết quả Chỉ số CCHC', 'docx'),
    mediaType: DOCX,
  };
}
