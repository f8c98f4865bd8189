import { DomainError, ERROR_CODES, formatVietnamTime } from '@chiso/core';
import type { EntryRow } from '../../repositories/entries.js';
import { requireOpenPeriod, requireWindow, type UnitScope } from './scope.js';

/**
 * Whether the unit may change a leaf's self-assessment now: while drafting, inside the
 * self-assessment window (or the unit's extension); after submission, only a leaf the
 * appraisers sent back for supplement, until its deadline.
 */
export function requireSelfEdit(scope: UnitScope, now: Date, entry: EntryRow | undefined): void {
  requireOpenPeriod(scope);
  switch (scope.participation.status) {
    case 'draft':
      requireWindow(scope, 'selfAssessment', now);
      return;
    case 'submitted': {
      const deadline = entry?.supplementDeadline;
      if (deadline && now < deadline) return;
      if (deadline) {
        throw new DomainError(
          ERROR_CODES.WINDOW_CLOSED,
          `Hạn bổ sung tiêu chí ${entry.code} đã hết lúc ${formatVietnamTime(deadline.getTime(), true)}`,
        );
      }
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        'Đơn vị đã gửi kết quả tự đánh giá; chỉ sửa được tiêu chí Tổ thẩm định yêu cầu bổ sung',
      );
    }
    default:
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        'Kết quả đã được thẩm định; đơn vị trả lời bằng giải trình cho từng tiêu chí',
      );
  }
}

/** Whether the unit may add evidence now: while it may edit some leaf, or in the explanation round. */
export function canAddEvidence(scope: UnitScope, now: Date, entries: readonly EntryRow[]): boolean {
  if (scope.period.status !== 'open') return false;
  switch (scope.participation.status) {
    case 'draft':
      try {
        requireWindow(scope, 'selfAssessment', now);
        return true;
      } catch {
        return false;
      }
    case 'submitted':
      return entries.some((e) => e.supplementDeadline !== null && now < e.supplementDeadline);
    case 'appraised':
      try {
        requireWindow(scope, 'explanation', now);
        return true;
      } catch {
        return false;
      }
    case 'finalised':
      return false;
  }
  return false;
}
