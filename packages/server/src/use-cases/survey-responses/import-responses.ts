import { Readable } from 'node:stream';
import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { isPooled, type Db } from '../../db/database.js';
import {
  formNumbersOf,
  insertResponseRows,
  type ImportedRows,
} from '../../repositories/survey-responses.js';
import type { SurveyRow } from '../../repositories/surveys.js';
import { readCsvRows } from '../../spreadsheet/stream-csv.js';
import {
  fileSha256,
  receiveToTempFile,
  sniffSpreadsheet,
  type SpreadsheetKind,
} from '../../spreadsheet/stream-upload.js';
import { readXlsxRows } from '../../spreadsheet/stream-xlsx.js';
import { checkFileName } from '../../storage/evidence-store.js';
import { storedQuestionnaire } from '../surveys/present-survey.js';
import { ratedUnitsOf } from '../surveys/survey-units.js';
import { loadSurvey, openSurveyFor, requireOpen, responseDay } from './collection.js';
import { ResponseRowCollector } from './response-rows.js';
import { authorizeIn } from '../reach.js';
import { IN_REQUEST, type ImportProgress } from '../imports/import-progress.js';
import type { ImportParameters } from '../imports/import-kinds.js';

/**
 * A post office delivery may be large: up to this size it is taken by the request, kept in the
 * database in pieces (decision 0055), and read by the job as a stream from a temporary file
 * (decision 0044).
 */
export const RESPONSE_IMPORT_MAX_BYTES = 200 * 1024 * 1024;
/** Rows per INSERT statement. */
const INSERT_ROWS = 1000;

/** The survey a delivery is imported into, as the request named it (kept on the job's row). */
function surveyIdOf(parameters: ImportParameters): string {
  const { surveyId } = parameters;
  if (typeof surveyId !== 'string')
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Lượt nhập phiếu không ghi phiếu khảo sát',
    );
  return surveyId;
}

/**
 * Who may import a delivery into this survey, and only while it takes answers: checked in the
 * request before the file is read (so a refusal is the request's answer) and by the job again.
 */
export async function authorizeResponseImport(
  ctx: UseCaseContext,
  parameters: ImportParameters,
): Promise<void> {
  const surveyId = surveyIdOf(parameters);
  await authorizeIn(ctx, 'enterSurveyResponses', { surveyId });
  await requireOpen(ctx.deps.db, await loadSurvey(ctx.deps.db, surveyId));
}

/**
 * The job's run (decision 0044): the file's pieces, read one by one from the database (decision
 * 0055), are written to a temporary file, streamed from there as an upload is, and removed
 * whatever happens.
 */
export async function importResponsesFile(
  ctx: UseCaseContext,
  file: { pieces: AsyncIterable<Buffer>; fileName: string },
  progress: ImportProgress,
  parameters: ImportParameters,
): Promise<{ imported: number }> {
  const fileName = checkFileName(file.fileName);
  const received = await receiveToTempFile(Readable.from(file.pieces), {
    fileName,
    maxBytes: RESPONSE_IMPORT_MAX_BYTES,
  });
  try {
    return await importSurveyResponses(
      ctx,
      surveyIdOf(parameters),
      received.path,
      fileName,
      progress,
    );
  } finally {
    await received.remove();
  }
}

/**
 * Imports the post office's forms from an .xlsx or .csv file (type by content), all or nothing:
 * every row is read as it streams in and checked (form number, unit, each answer), duplicates
 * within the file and with forms already entered are refused, and nothing is kept unless the
 * whole file is without a single issue. Any issue → IMPORT_REJECTED naming sheet, row and
 * column of each (the first 200, then how many more).
 *
 * On PostgreSQL the rows are inserted while the file is still being read (decision 0044): one
 * transaction is opened first and each slice of checked rows is inserted as soon as it is
 * complete, one statement in flight while the next rows are parsed, so the server inserts
 * while this process reads; the first issue stops the inserting and the refusal rolls it all
 * back. On PGlite, whose one connection a transaction holds whole, the file is read and checked
 * first and the rows saved after, so that the server answers while the file is read.
 */
export async function importSurveyResponses(
  ctx: UseCaseContext,
  surveyId: string,
  filePath: string,
  fileName: string,
  progress: ImportProgress = IN_REQUEST,
): Promise<{ imported: number }> {
  const actor = await authorizeIn(ctx, 'enterSurveyResponses', { surveyId });
  const { db } = ctx.deps;
  const survey = await loadSurvey(db, surveyId);
  await requireOpen(db, survey);
  const questionnaire = storedQuestionnaire(survey);
  const units = await ratedUnitsOf(db, survey);
  const kind = await sniffSpreadsheet(filePath, fileName);
  const sha256 = await fileSha256(filePath);
  const common = {
    surveyId,
    channel: 'import',
    submittedOn: responseDay(ctx),
    enteredBy: actor.userId,
  };
  const rows = new ResponseRowCollector(questionnaire, units);
  const audit = (tx: Db) =>
    recordAudit(tx, ctx, {
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
  const read = (pause: () => Promise<void> | undefined) =>
    readRows(kind, filePath, fileName, rows, pause);
  await progress.phase('reading');

  if (!isPooled(db)) {
    rows.expectNew(await formNumbersOf(db, surveyId));
    let reported = 0;
    await read(() => {
      if (rows.count - reported < PROGRESS_ROWS) return undefined;
      reported = rows.count;
      return progress.step(reported);
    });
    rows.finish(fileName);
    rows.throwIssues(fileName);
    await progress.phase('saving', rows.count);
    await db.transaction(async (tx) => {
      await requireSameSurvey(tx, survey);
      let saved = 0;
      for (const slice of rows.slices(INSERT_ROWS)) {
        await insertAll(tx, common, slice);
        saved += slice.formNumbers.length;
        await progress.step(saved, tx);
      }
      await audit(tx);
    });
    return { imported: rows.count };
  }

  await db.transaction(async (tx) => {
    await requireSameSurvey(tx, survey);
    rows.expectNew(await formNumbersOf(tx, surveyId));
    let saved = 0;
    let reported = 0;
    let pending = 0;
    let inFlight: Promise<void> = Promise.resolve();
    let failure: { error: unknown } | undefined;
    const send = (from: number, to: number) => {
      const slices = [...rows.slices(INSERT_ROWS, from, to)];
      const previous = inFlight;
      pending++;
      inFlight = (async () => {
        await previous;
        for (const slice of slices) await insertAll(tx, common, slice);
      })()
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => pending--);
    };
    // Whatever ends the read (an issue, a cancel, a fault), the statements already sent finish
    // before it leaves the transaction: one still queued behind the ROLLBACK would run outside
    // it, on the released connection, and its rows would stay (decision 0055).
    try {
      await read(() => {
        if (failure) throw failure.error;
        const whole = rows.count - ((rows.count - saved) % INSERT_ROWS);
        if (rows.issueCount === 0 && whole > saved) {
          send(saved, whole);
          saved = whole;
        }
        // The reader waits for the server when it is two statements ahead.
        if (pending > 2) return inFlight;
        if (rows.count - reported < PROGRESS_ROWS) return undefined;
        reported = rows.count;
        return progress.step(reported, tx);
      });
      rows.finish(fileName);
      rows.throwIssues(fileName);
      if (saved < rows.count) send(saved, rows.count);
      await progress.phase('saving', rows.count);
      await inFlight;
      if (failure) throw failure.error;
      await progress.step(rows.count, tx);
    } finally {
      await inFlight;
    }
    await audit(tx);
  });
  return { imported: rows.count };
}

/** Rows reported to the job's progress (read and checked) between two steps. */
const PROGRESS_ROWS = 5000;

async function readRows(
  kind: SpreadsheetKind,
  filePath: string,
  fileName: string,
  rows: ResponseRowCollector,
  pause: () => Promise<void> | undefined,
): Promise<void> {
  if (kind === 'xlsx') {
    await readXlsxRows(filePath, fileName, {
      sheet: (name) => rows.sheet(name),
      row: (cells, rowNumber) => rows.row(cells, rowNumber),
      pause,
    });
  } else {
    rows.sheet(fileName);
    await readCsvRows(filePath, fileName, (cells, rowNumber) => rows.row(cells, rowNumber), pause);
  }
}

/** The questionnaire read at the start is the one the rows are saved against. */
async function requireSameSurvey(tx: Db, survey: SurveyRow): Promise<void> {
  const { survey: current } = await openSurveyFor(tx, survey.id);
  if (current.version !== survey.version) {
    throw new DomainError(
      ERROR_CODES.CONFLICT,
      'Phiếu khảo sát vừa được sửa trong lúc đọc tệp; chưa nhập phiếu nào, hãy nhập lại tệp',
    );
  }
}

/** One slice inserted; a form number someone entered meanwhile refuses the whole file. */
async function insertAll(
  tx: Db,
  common: Parameters<typeof insertResponseRows>[1],
  slice: ImportedRows,
): Promise<void> {
  const inserted = await insertResponseRows(tx, common, slice);
  if (inserted !== slice.formNumbers.length) {
    throw new DomainError(
      ERROR_CODES.CONFLICT,
      'Một số số phiếu trong tệp vừa được người khác nhập; chưa nhập phiếu nào, hãy nhập lại tệp',
    );
  }
}
