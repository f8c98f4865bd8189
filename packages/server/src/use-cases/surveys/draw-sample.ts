import { randomInt } from 'node:crypto';
import { formatDate } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import {
  codeCountsByUnit,
  listCodes,
  listTargets,
  listUnsampledFrame,
  lockSurvey,
  markFrameSampled,
  type SurveyFrameRow,
} from '../../repositories/surveys.js';
import { insertNewCodes, presentCode, type CodeView } from './issue-codes.js';
import { ensureNotClosed, ratedUnitsOf, requireRatedUnit, surveyNotFound } from './survey-units.js';
import { authorizeIn } from '../reach.js';

/** `k` of the rows at random without replacement (a partial Fisher–Yates shuffle). */
export function drawWithoutReplacement<T>(rows: readonly T[], k: number): T[] {
  const pool = [...rows];
  const count = Math.min(k, pool.length);
  for (let i = 0; i < count; i++) {
    const j = i + randomInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, count);
}

/** What a code keeps of the person drawn: how to reach them and what they did. */
function respondentInfo(row: SurveyFrameRow): string | null {
  const parts = [
    row.contact,
    row.procedure,
    row.completedOn ? `hoàn thành ${formatDate(row.completedOn)}` : null,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join('; ') : null;
}

/**
 * Draws the sample from the frame: for each unit (or the one given), at random among the
 * people not drawn yet, as many as its target still lacks once the codes already issued are
 * counted; marks them drawn and issues each a code.
 */
export async function drawSample(
  ctx: UseCaseContext,
  surveyId: string,
  input: { unitId?: string | undefined },
): Promise<{ sampled: number; codes: CodeView[] }> {
  await authorizeIn(ctx, 'administer', { surveyId });
  return ctx.deps.db.transaction(async (tx) => {
    const survey = await lockSurvey(tx, surveyId);
    if (!survey) throw surveyNotFound();
    ensureNotClosed(survey, 'chọn mẫu');
    if (input.unitId !== undefined) requireRatedUnit(await ratedUnitsOf(tx, survey), input.unitId);
    const targets = (await listTargets(tx, survey.id)).filter(
      (t) => input.unitId === undefined || t.unitId === input.unitId,
    );
    const issuedByUnit = await codeCountsByUnit(tx, survey.id);
    const issued: string[] = [];
    const byUnit: Record<string, number> = {};
    for (const target of targets) {
      const lacking = target.target - (issuedByUnit.get(target.unitId)?.codes ?? 0);
      if (lacking <= 0) continue;
      const frame = await listUnsampledFrame(tx, survey.id, target.unitId);
      const drawn = drawWithoutReplacement(frame, lacking);
      if (drawn.length === 0) continue;
      await markFrameSampled(
        tx,
        drawn.map((row) => row.id),
      );
      const codes = await insertNewCodes(
        tx,
        ctx,
        survey,
        target.unitId,
        drawn.map((row) => ({ name: row.fullName, info: respondentInfo(row), frameId: row.id })),
      );
      issued.push(...codes);
      byUnit[target.unitId] = codes.length;
    }
    if (issued.length > 0) {
      await recordAudit(tx, ctx, {
        action: 'survey.sample',
        entityType: 'survey',
        entityId: survey.id,
        periodId: survey.periodId,
        unitId: input.unitId,
        after: { sampled: issued.length, byUnit },
      });
    }
    return {
      sampled: issued.length,
      codes: (await listCodes(tx, survey.id, { codes: issued })).map(presentCode),
    };
  });
}
