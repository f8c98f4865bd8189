import { randomBytes } from 'node:crypto';
import { MAX_CODES_PER_REQUEST } from '@chiso/contract';
import { DomainError, ERROR_CODES, formatSurveyCode, normalizeSurveyCode } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import {
  insertCodes,
  listCodes,
  lockSurvey,
  type CodeWithUnit,
  type SurveyRow,
} from '../../repositories/surveys.js';
import { ensureNotClosed, ratedUnitsOf, requireRatedUnit, surveyNotFound } from './survey-units.js';
import { authorizeIn } from '../reach.js';

/** Attempts at drawing codes not taken yet (a clash is ~1 in 10¹⁵). */
const ATTEMPTS = 5;

export interface CodeView {
  /** As printed: "ABCDE-FGHJK". */
  code: string;
  unitId: string;
  unitName: string;
  respondentName: string | null;
  respondentInfo: string | null;
  issuedAt: Date;
  answeredOn: string | null;
}

export interface Respondent {
  name?: string | null | undefined;
  info?: string | null | undefined;
  frameId?: string | undefined;
}

/** A stored code ("ABCDEFGHJK") as printed and typed ("ABCDE-FGHJK"). */
export function printedCode(stored: string): string {
  return `${stored.slice(0, 5)}-${stored.slice(5)}`;
}

export function presentCode(row: CodeWithUnit): CodeView {
  return {
    code: printedCode(row.code),
    unitId: row.unitId,
    unitName: row.unitName,
    respondentName: row.respondentName,
    respondentInfo: row.respondentInfo,
    issuedAt: row.issuedAt,
    answeredOn: row.answeredOn,
  };
}

/**
 * Issues one new code per respondent for a unit, inside the caller's transaction: random
 * (node:crypto), unique across all surveys, stored without the dash. Returns the stored codes.
 */
export async function insertNewCodes(
  tx: Db,
  ctx: UseCaseContext,
  survey: SurveyRow,
  unitId: string,
  respondents: readonly Respondent[],
): Promise<string[]> {
  const actor = ctx.actor;
  if (!actor) throw new Error('codes are issued by a signed-in administrator');
  const issued: string[] = [];
  let pending = [...respondents];
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === ATTEMPTS) throw new Error('could not draw unique survey codes');
    const drawn = new Set<string>();
    const rows = pending.map((respondent) => {
      let code: string;
      do code = normalizeSurveyCode(formatSurveyCode(randomBytes(10)));
      while (drawn.has(code));
      drawn.add(code);
      return {
        surveyId: survey.id,
        unitId,
        code,
        respondentName: respondent.name?.trim() || null,
        respondentInfo: respondent.info?.trim() || null,
        frameId: respondent.frameId ?? null,
        issuedAt: ctx.now,
        issuedBy: actor.userId,
      };
    });
    const inserted = await insertCodes(tx, rows);
    issued.push(...rows.filter((row) => inserted.has(row.code)).map((row) => row.code));
    pending = pending.filter((_r, i) => !inserted.has(rows[i]?.code ?? ''));
  }
  return issued;
}

/**
 * Personal codes for a unit: one per named respondent, or `count` codes for people not named
 * yet (handed out on paper). One code, one response.
 */
export async function issueCodes(
  ctx: UseCaseContext,
  surveyId: string,
  input: {
    unitId: string;
    count?: number | undefined;
    respondents?: { name: string; info?: string | undefined }[] | undefined;
  },
): Promise<{ codes: CodeView[] }> {
  await authorizeIn(ctx, 'administer', { surveyId });
  const respondents: Respondent[] =
    input.respondents && input.respondents.length > 0
      ? input.respondents
      : Array.from({ length: input.count ?? 0 }, () => ({}));
  if (respondents.length === 0 || respondents.length > MAX_CODES_PER_REQUEST) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Số mã khảo sát không hợp lệ', [
      {
        path: input.respondents ? 'respondents' : 'count',
        message: `mỗi lần cấp từ 1 đến ${MAX_CODES_PER_REQUEST} mã`,
      },
    ]);
  }
  return ctx.deps.db.transaction(async (tx) => {
    const survey = await lockSurvey(tx, surveyId);
    if (!survey) throw surveyNotFound();
    ensureNotClosed(survey, 'cấp thêm mã');
    requireRatedUnit(await ratedUnitsOf(tx, survey), input.unitId);
    const codes = await insertNewCodes(tx, ctx, survey, input.unitId, respondents);
    await recordAudit(tx, ctx, {
      action: 'survey.codes.issue',
      entityType: 'survey',
      entityId: survey.id,
      periodId: survey.periodId,
      unitId: input.unitId,
      after: { count: codes.length, named: respondents.filter((r) => r.name).length },
    });
    return { codes: (await listCodes(tx, survey.id, { codes })).map(presentCode) };
  });
}
