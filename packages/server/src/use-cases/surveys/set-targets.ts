import { DomainError, ERROR_CODES, type Issue } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { listTargets, lockSurvey, replaceTargets } from '../../repositories/surveys.js';
import { surveyDetail, type SurveyDetail } from './present-survey.js';
import { ratedUnitsOf, surveyNotFound } from './survey-units.js';
import { authorizeIn } from '../reach.js';

export interface TargetInput {
  unitId: string;
  target: number;
  population?: number | null | undefined;
}

/**
 * The sampling plan, replaced whole: responses wanted per rated unit and the population it was
 * computed from. Every unit must be of the survey's rated type and take part in the period.
 */
export async function setTargets(
  ctx: UseCaseContext,
  surveyId: string,
  targets: readonly TargetInput[],
): Promise<SurveyDetail> {
  await authorizeIn(ctx, 'administer', { surveyId });
  return ctx.deps.db.transaction(async (tx) => {
    const survey = await lockSurvey(tx, surveyId);
    if (!survey) throw surveyNotFound();
    const units = await ratedUnitsOf(tx, survey);
    const issues: Issue[] = [];
    const seen = new Map<string, number>();
    targets.forEach((t, i) => {
      const problem = units.problem(t.unitId);
      if (problem !== undefined) issues.push({ path: `targets[${i}].unitId`, message: problem });
      const first = seen.get(t.unitId);
      if (first !== undefined) {
        issues.push({
          path: `targets[${i}].unitId`,
          message: `đơn vị "${t.unitId}" đã có ở dòng ${first + 1}`,
        });
      } else seen.set(t.unitId, i);
    });
    if (issues.length > 0) {
      throw new DomainError(
        ERROR_CODES.VALIDATION_FAILED,
        'Chỉ tiêu khảo sát không hợp lệ',
        issues,
      );
    }
    const before = await listTargets(tx, survey.id);
    const after = targets.map((t) => ({
      unitId: t.unitId,
      target: t.target,
      population: t.population ?? null,
    }));
    await replaceTargets(tx, survey.id, after);
    await recordAudit(tx, ctx, {
      action: 'survey.targets',
      entityType: 'survey',
      entityId: survey.id,
      periodId: survey.periodId,
      before: before.map(({ unitId, target, population }) => ({ unitId, target, population })),
      after,
    });
    return surveyDetail(tx, survey);
  });
}
