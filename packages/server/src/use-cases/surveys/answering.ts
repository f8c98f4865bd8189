import { DomainError, ERROR_CODES } from '@chiso/core';

/**
 * Why a survey takes no answers now, in words a respondent or a clerk reads; undefined while
 * it takes them. The period comes first: once the council has approved the results, answers
 * could never count, whatever the survey's own state (decision 0010, "When figures freeze").
 */
export function answersRefusal(
  surveyStatus: string,
  periodStatus: string | undefined,
): string | undefined {
  if (periodStatus === 'approved') {
    return 'Kỳ đánh giá đã được Hội đồng thông qua kết quả; phiếu khảo sát không còn nhận trả lời';
  }
  if (periodStatus === 'published') {
    return 'Kỳ đánh giá đã công bố kết quả; phiếu khảo sát không còn nhận trả lời';
  }
  if (surveyStatus === 'closed') return 'Đợt khảo sát đã kết thúc; phiếu không còn nhận trả lời';
  if (surveyStatus !== 'open') return 'Phiếu khảo sát chưa mở để nhận trả lời';
  return undefined;
}

/** INVALID_STATE with the refusal, unless the survey takes answers. */
export function requireAnswers(surveyStatus: string, periodStatus: string | undefined) {
  const refusal = answersRefusal(surveyStatus, periodStatus);
  if (refusal !== undefined) throw new DomainError(ERROR_CODES.INVALID_STATE, refusal);
}
