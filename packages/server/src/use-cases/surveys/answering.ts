import { answersRefusal, DomainError, ERROR_CODES } from '@chiso/core';

export { answersRefusal };

/** INVALID_STATE saying why, unless the survey takes answers (its state and its period's). */
export function requireAnswers(surveyStatus: string, periodStatus: string | undefined) {
  const refusal = answersRefusal(surveyStatus, periodStatus);
  if (refusal !== undefined) throw new DomainError(ERROR_CODES.INVALID_STATE, refusal);
}
