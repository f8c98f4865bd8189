import type { Readable } from 'node:stream';
import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { formNumbersOf, insertResponseRows } from '../../repositories/survey-responses.js';
import { readCsvRows } from '../../spreadsheet/stream-csv.js';
import {
  fileSha256,
  receiveToTempFile,
  sniffSpreadsheet,
} from '../../spreadsheet/stream-upload.js';
import { readXlsxRows } from '../../spreadsheet/stream-xlsx.js';
import { checkFileName } from '../../storage/evidence-store.js';
import { storedQuestionnaire } from '../surveys/present-survey.js';
import { ratedUnitsOf } from '../surveys/survey-units.js';
import { loadSurvey, openSurveyFor, requireOpen, responseDay } from './collection.js';
import { ResponseRowCollector } from './response-rows.js';
import { authorizeIn } from '../reach.js';

/** A post office delivery may be large; it is streamed to disk, never held in memory. */
export const RESPONSE_IMPORT_MAX_BYTES = 200 * 1024 * 1024;
/** Rows per INSERT statement. */
const INSERT_ROWS = 1000;

/**
 * An uploaded delivery: checked before a byte is stored (who, which survey, the file's name),
 * written to a temporary file within the size cap, imported, and the file removed.
 */
export async function receiveResponseImport(
  ctx: UseCaseContext,
  surveyId: string,
  file: { stream: Readable; fileName: string },
): Promise<{ imported: number }> {
  let fileName: string;
  try {
    await authorizeIn(ctx, 'enterSurveyResponses', { surveyId });
    fileName = checkFileName(file.fileName);
    await requireOpen(ctx.deps.db, await loadSurvey(ctx.deps.db, surveyId));
  } catch (error) {
    file.stream.resume();
    throw error;
  }
  const received = await receiveToTempFile(file.stream, {
    fileName,
    maxBytes: RESPONSE_IMPORT_MAX_BYTES,
  });
  try {
    return await importSurveyResponses(ctx, surveyId, received.path, fileName);
  } finally {
    await received.remove();
  }
}

/**
 * Imports the post office's forms from an .xlsx or .csv file (type by content), all or nothing:
 * every row is read as it streams in and checked (form number, unit, each answer), duplicates
 * within the file and with forms already entered are refused, and only a file without a single
 * issue is inserted, in one transaction of multi-row inserts. Any issue → IMPORT_REJECTED
 * naming sheet, row and column of each (the first 200, then how many more); nothing is saved.
 */
export async function importSurveyResponses(
  ctx: UseCaseContext,
  surveyId: string,
  filePath: string,
  fileName: string,
): Promise<{ imported: number }> {
  const actor = await authorizeIn(ctx, 'enterSurveyResponses', { surveyId });
  const { db } = ctx.deps;
  const survey = await loadSurvey(db, surveyId);
  await requireOpen(db, survey);
  const questionnaire = storedQuestionnaire(survey);
  const units = await ratedUnitsOf(db, survey);
  const kind = await sniffSpreadsheet(filePath, fileName);
  const sha256 = await fileSha256(filePath);

  const rows = new ResponseRowCollector(questionnaire, units);
  if (kind === 'xlsx') {
    await readXlsxRows(filePath, fileName, rows);
  } else {
    rows.sheet(fileName);
    await readCsvRows(filePath, fileName, (cells, rowNumber) => rows.row(cells, rowNumber));
  }
  rows.finish(fileName);
  rows.checkExisting(await formNumbersOf(db, surveyId));
  rows.throwIssues(fileName);

  const submittedOn = responseDay(ctx);
  await db.transaction(async (tx) => {
    const { survey: current } = await openSurveyFor(tx, surveyId);
    if (current.version !== survey.version) {
      throw new DomainError(
        ERROR_CODES.CONFLICT,
        'Phiếu khảo sát vừa được sửa trong lúc đọc tệp; chưa nhập phiếu nào, hãy nhập lại tệp',
      );
    }
    const common = { surveyId, channel: 'import', submittedOn, enteredBy: actor.userId };
    for (const slice of rows.slices(INSERT_ROWS)) {
      const inserted = await insertResponseRows(tx, common, slice);
      if (inserted !== slice.formNumbers.length) {
        throw new DomainError(
          ERROR_CODES.CONFLICT,
          'Một số số phiếu trong tệp vừa được người khác nhập; chưa nhập phiếu nào, hãy nhập lại tệp',
        );
      }
    }
    await recordAudit(tx, ctx, {
      action: 'survey.responses.import',
      entityType: 'survey',
      entityId: surveyId,
      periodId: survey.periodId,
      after: {
        fileName,
        sha256,
        kind,
        count: rows.count,
        batches: rows.batchNames.slice(0, 100),
        units: rows.unitNames.length,
      },
    });
  });
  return { imported: rows.count };
}
