import {
  DomainError,
  ERROR_CODES,
  parseQuestionnaire,
  unitTypeKey,
  unitTypeLabel,
  type Questionnaire,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { frameworksOfPeriod } from '../../repositories/frameworks.js';
import { findPeriod } from '../../repositories/periods.js';
import { insertSurvey } from '../../repositories/surveys.js';
import { questionnaireColumns, surveyDetail, type SurveyDetail } from './present-survey.js';
import { authorizeIn } from '../reach.js';

export const DEFAULT_RECHECK_PERCENT = 10;

/**
 * The questionnaire with its rated unit type as a key ("Sở, ban, ngành" → "so"), checked to be
 * a type the period has a framework for.
 */
export async function withRatedUnitType(
  db: Db,
  periodId: string,
  q: Questionnaire,
): Promise<Questionnaire> {
  const key = unitTypeKey(q.ratedUnitType);
  const frameworks = await frameworksOfPeriod(db, periodId);
  if (key === undefined || !frameworks.some((f) => f.unitType === key)) {
    const known = frameworks.map((f) => unitTypeLabel(f.unitType)).join('; ');
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Phiếu khảo sát không hợp lệ', [
      {
        path: 'ratedUnitType',
        message: `kỳ đánh giá không có bộ chỉ số cho loại đơn vị "${q.ratedUnitType}"${known ? ` (có: ${known})` : ''}`,
      },
    ]);
  }
  return { ...q, ratedUnitType: key };
}

/** The period, which must exist and not be published yet. */
export async function requireOpenPeriod(db: Db, periodId: string) {
  const period = await findPeriod(db, periodId);
  if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
  if (period.status === 'published') {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      'Kỳ đánh giá đã công bố kết quả; không thêm phiếu khảo sát được nữa',
    );
  }
  return period;
}

/** Saves a new survey (draft) from a checked questionnaire; shared by create and import. */
export async function saveNewSurvey(
  ctx: UseCaseContext,
  periodId: string,
  questionnaire: Questionnaire,
  recheckPercent: number,
  source: 'form' | 'import',
): Promise<SurveyDetail> {
  const { db } = ctx.deps;
  await requireOpenPeriod(db, periodId);
  const q = await withRatedUnitType(db, periodId, questionnaire);
  return db.transaction(async (tx) => {
    const row = await insertSurvey(tx, {
      periodId,
      ...questionnaireColumns(q),
      status: 'draft',
      recheckPercent,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: source === 'import' ? 'survey.import' : 'survey.create',
      entityType: 'survey',
      entityId: row.id,
      periodId,
      after: {
        name: row.name,
        kind: row.kind,
        respondentGroup: row.respondentGroup,
        ratedUnitType: row.ratedUnitType,
        questions: row.questions,
        sipas: row.sipas,
        recheckPercent,
      },
    });
    return surveyDetail(tx, row);
  });
}

export async function createSurvey(
  ctx: UseCaseContext,
  periodId: string,
  input: { questionnaire: unknown; recheckPercent?: number | undefined },
): Promise<SurveyDetail> {
  await authorizeIn(ctx, 'administer', { periodId });
  const questionnaire = parseQuestionnaire(input.questionnaire);
  return saveNewSurvey(
    ctx,
    periodId,
    questionnaire,
    input.recheckPercent ?? DEFAULT_RECHECK_PERCENT,
    'form',
  );
}
