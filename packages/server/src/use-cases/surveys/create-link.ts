import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { lockSurvey, upsertLink } from '../../repositories/surveys.js';
import { ensureNotClosed, ratedUnitsOf, requireRatedUnit, surveyNotFound } from './survey-units.js';
import { authorizeIn } from '../reach.js';

/**
 * The open link of a unit (for its QR code at the one-stop desk): one per unit, with a random
 * token; asking again gives a new token and the old link stops working.
 */
export async function createLink(
  ctx: UseCaseContext,
  surveyId: string,
  unitId: string,
): Promise<{ unitId: string; token: string; active: boolean }> {
  await authorizeIn(ctx, 'administer', { surveyId });
  return ctx.deps.db.transaction(async (tx) => {
    const survey = await lockSurvey(tx, surveyId);
    if (!survey) throw surveyNotFound();
    ensureNotClosed(survey, 'tạo đường dẫn trả lời');
    requireRatedUnit(await ratedUnitsOf(tx, survey), unitId);
    const link = await upsertLink(tx, {
      surveyId: survey.id,
      unitId,
      token: randomBytes(16).toString('base64url'),
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'survey.link',
      entityType: 'survey',
      entityId: survey.id,
      periodId: survey.periodId,
      unitId,
      after: { active: link.active },
    });
    return { unitId: link.unitId, token: link.token, active: link.active };
  });
}
