import { DomainError, ERROR_CODES, formatVietnamTime } from '@chiso/core';

/**
 * When a publication opens to the public: the time asked (ISO with its offset, already checked
 * by the contract), or now. A time already past is refused: the portal cannot open in the past,
 * which would make an embargo that never held look as if it had.
 */
export function openingTime(asked: string | undefined, now: Date): Date {
  if (asked === undefined) return now;
  const at = new Date(asked);
  if (Number.isNaN(at.getTime())) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Thời điểm công khai không hợp lệ', [
      { path: 'publicFrom', message: 'Nhập thời điểm công khai hợp lệ' },
    ]);
  }
  if (at.getTime() < now.getTime()) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Thời điểm công khai đã qua', [
      {
        path: 'publicFrom',
        message: `Thời điểm công khai kết quả (${formatVietnamTime(at.getTime())}) không được trước thời điểm hiện tại (${formatVietnamTime(now.getTime())}, giờ Việt Nam)`,
      },
    ]);
  }
  return at;
}
