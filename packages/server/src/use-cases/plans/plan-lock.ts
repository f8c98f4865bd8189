import { DomainError, ERROR_CODES } from '@chiso/core';
import type { Db } from '../../db/database.js';
import { lockPlan } from '../../repositories/plans.js';

/**
 * The plan locked for a change made on `version`: NOT_FOUND without one, CONFLICT when someone
 * changed it since; `draft` asks that it is not approved (an approved plan is reopened first).
 */
export async function lockForChange(
  db: Db,
  key: { unitId: string; periodId: string },
  /** Undefined: a read that writes nothing (an import's preview). */
  version: number | undefined,
  draft: boolean,
) {
  const record = await lockPlan(db, key.unitId, key.periodId);
  if (!record) {
    throw new DomainError(ERROR_CODES.NOT_FOUND, 'Đơn vị chưa có kế hoạch cải thiện theo kỳ này');
  }
  if (version !== undefined && record.version !== version) {
    throw new DomainError(
      ERROR_CODES.CONFLICT,
      'Kế hoạch vừa được người khác sửa; hãy tải lại để xem bản mới nhất',
    );
  }
  if (draft && record.status !== 'draft') {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      'Kế hoạch đã được phê duyệt; hãy mở lại kế hoạch để sửa',
    );
  }
  return record;
}
