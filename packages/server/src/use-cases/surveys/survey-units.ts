import { DomainError, ERROR_CODES, unitTypeLabel } from '@chiso/core';
import type { Db } from '../../db/database.js';
import { listParticipations } from '../../repositories/periods.js';
import type { SurveyRow } from '../../repositories/surveys.js';
import { listUnits, type UnitRow } from '../../repositories/units.js';

/** The units a survey may rate: of its rated unit type and taking part in its period. */
export interface RatedUnits {
  rated: Map<string, UnitRow>;
  /** Why a unit code cannot be rated by the survey, in Vietnamese; undefined when it can. */
  problem: (unitId: string) => string | undefined;
  name: (unitId: string) => string;
}

export async function ratedUnitsOf(db: Db, survey: SurveyRow): Promise<RatedUnits> {
  // One after the other: inside a transaction, both go through the same connection.
  const units = await listUnits(db);
  const participations = await listParticipations(db, survey.periodId);
  const byId = new Map(units.map((u) => [u.id, u]));
  const taking = new Set(participations.map((p) => p.unitId));
  const rated = new Map(
    units.filter((u) => u.type === survey.ratedUnitType && taking.has(u.id)).map((u) => [u.id, u]),
  );
  return {
    rated,
    name: (unitId) => byId.get(unitId)?.name ?? unitId,
    problem: (unitId) => {
      if (rated.has(unitId)) return undefined;
      const unit = byId.get(unitId);
      if (!unit) return `không có đơn vị mã "${unitId}"`;
      if (unit.type !== survey.ratedUnitType) {
        return `${unit.name} không thuộc loại đơn vị được đánh giá bằng phiếu này (${unitTypeLabel(survey.ratedUnitType)})`;
      }
      return `${unit.name} không tham gia kỳ đánh giá`;
    },
  };
}

/** The one unit a request is about, or VALIDATION_FAILED saying why it cannot be. */
export function requireRatedUnit(units: RatedUnits, unitId: string): UnitRow {
  const problem = units.problem(unitId);
  const unit = units.rated.get(unitId);
  if (problem !== undefined || !unit) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Đơn vị không hợp lệ', [
      { path: 'unitId', message: problem ?? `không có đơn vị mã "${unitId}"` },
    ]);
  }
  return unit;
}

/** Codes, frames and links change only while the survey is not closed. */
export function ensureNotClosed(survey: SurveyRow, what: string): void {
  if (survey.status === 'closed') {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      `Phiếu khảo sát đã kết thúc; không thể ${what}. Hãy mở lại phiếu nếu cần`,
    );
  }
}

export function surveyNotFound(): DomainError {
  return new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy phiếu khảo sát');
}
