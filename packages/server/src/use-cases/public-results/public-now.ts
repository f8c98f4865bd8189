import { DomainError, ERROR_CODES } from '@chiso/core';

/** What decides whether a period is open to the public: its state and its opening time. */
export interface Embargoed {
  status: string;
  publicFrom: Date | null;
}

/**
 * The one rule of the embargo (decision 0022): a period is public once it is published and its
 * opening time has come, at that very instant. Every read of results without an account asks
 * this, and nothing else.
 */
export function isPublicNow(period: Embargoed, now: Date): boolean {
  return (
    period.status === 'published' &&
    period.publicFrom !== null &&
    period.publicFrom.getTime() <= now.getTime()
  );
}

/**
 * The answer for a period that is not public yet: exactly the one for a period that does not
 * exist, so that the embargo does not even tell that a publication is waiting.
 */
export function periodNotFound(): DomainError {
  return new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
}
