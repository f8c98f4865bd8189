import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { ResultsJson } from '@chiso/core';
import type { HistoryRow } from '../audit/present-history.js';
import type { TestApp } from './test-app.js';
import type { World } from './world.js';

/** The appraiser's comment on Sở Nội vụ's leaf 3.1, looked for in every read. */
export const COMMENT = 'Chưa khớp báo cáo quý IV';

/** What td1 asks Sở Nội vụ to supplement on 3.1: the unit reads it before the round is sent. */
export const SUPPLEMENT = 'Gửi bản chụp báo cáo năm';

/** The readers of the matrix: SNV's officer and head, SYT's officer, both appraisers, the council, the administrator. */
export const READERS = ['cb.snv', 'tt.snv', 'cb.syt', 'td1', 'td2', 'hd1', 'admin'] as const;
export type Reader = (typeof READERS)[number];

/** What one reader finds in each read of Sở Nội vụ's leaf 3.1 and of the period's results. */
export interface Seen {
  history:
    | number
    | {
        appraisedPoints: boolean;
        comment: boolean;
        appraiser: boolean;
        supplement: boolean;
        ip: boolean;
      };
  results:
    | number
    | {
        units: string[];
        snvPoints: number | null;
        ranks: boolean;
        areaRanks: boolean;
        details: boolean;
      };
  xlsx: number | { units: string[]; ranks: boolean; comment: boolean };
  assessment: number | { appraisedPoints: number | null; comment: boolean };
  record: number;
  /** The self-assessment report .docx: the unit's side only, whoever reads it. */
  selfReport: number | { unitNamed: boolean; comment: boolean; appraiser: boolean };
}

interface ResultsBody {
  groups: { results: ResultsJson; details: Record<string, unknown> | null }[];
}

async function readXlsx(raw: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(raw as unknown as ArrayBuffer);
  const ranking = workbook.worksheets.find((s) => s.name.startsWith('Xếp hạng'));
  const units: string[] = [];
  let ranks = false;
  ranking?.eachRow((row, n) => {
    if (n <= 3) return;
    units.push(row.getCell(3).text);
    if (row.getCell(2).text !== '') ranks = true;
  });
  let comment = false;
  for (const sheet of workbook.worksheets)
    sheet.eachRow((row) => row.eachCell((cell) => (comment ||= cell.text.includes(COMMENT))));
  return { units: units.sort(), ranks, comment };
}

async function docxSeen(raw: Buffer) {
  const zip = await JSZip.loadAsync(raw);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const text = xml.replace(/<[^>]+>/g, '');
  return {
    unitNamed: text.includes('Sở Nội vụ'),
    comment: text.includes(COMMENT),
    appraiser: text.includes('td1'),
  };
}

/** Every read of the matrix, as one reader, with the body fields that may leak. */
export async function observe(t: TestApp, w: World, reader: Reader): Promise<Seen> {
  const as = w.sessions[reader];
  const unit = `/api/periods/${w.periodId}/units/SNV`;
  const history = await t.request('GET', `${unit}/entries/3.1/history`, { as });
  const results = await t.request('GET', `/api/periods/${w.periodId}/results`, { as });
  const xlsx = await t.request('GET', `/api/periods/${w.periodId}/results.xlsx`, { as });
  const assessment = await t.request('GET', `${unit}/assessment`, { as });
  const record = await t.request('GET', `${unit}/appraisal-record.docx`, { as });
  const selfReport = await t.request('GET', `${unit}/self-assessment-report.docx`, { as });
  const rows = history.body as HistoryRow[];
  const text = JSON.stringify(history.body);
  const body = results.body as ResultsBody;
  const units = body.groups?.flatMap((g) => g.results.units) ?? [];
  const page = assessment.body as { appraised: { points: number | null } | null };
  return {
    history:
      history.status !== 200
        ? history.status
        : {
            appraisedPoints: rows.some((r) => r.changes.some((c) => c.label === 'Điểm thẩm định')),
            comment: text.includes(COMMENT),
            appraiser: text.includes('td1'),
            supplement: text.includes(SUPPLEMENT),
            ip: rows.some((r) => r.ip !== undefined),
          },
    results:
      results.status !== 200
        ? results.status
        : {
            units: units.map((u) => u.id).sort(),
            snvPoints: units.find((u) => u.id === 'SNV')?.points ?? null,
            ranks: units.some((u) => u.rank !== null),
            areaRanks: units.some((u) => u.areas.some((a) => a.rank !== null)),
            details: body.groups.some(
              (g) => g.details !== null && Object.keys(g.details).length > 0,
            ),
          },
    xlsx: xlsx.status !== 200 ? xlsx.status : await readXlsx(xlsx.raw),
    assessment:
      assessment.status !== 200
        ? assessment.status
        : {
            appraisedPoints: page.appraised === null ? null : page.appraised.points,
            comment: JSON.stringify(assessment.body).includes(COMMENT),
          },
    record: record.status,
    selfReport: selfReport.status !== 200 ? selfReport.status : await docxSeen(selfReport.raw),
  };
}
