/**
 * Why a survey takes no answers, in words a respondent or a clerk reads. Shared by the server
 * (which refuses with them) and the respondent's page (which tells a survey that has ended
 * from one not open yet).
 */
export const SURVEY_REFUSALS = {
  approved: 'Kỳ đánh giá đã được Hội đồng thông qua kết quả; phiếu khảo sát không còn nhận trả lời',
  published: 'Kỳ đánh giá đã công bố kết quả; phiếu khảo sát không còn nhận trả lời',
  closed: 'Đợt khảo sát đã kết thúc; phiếu không còn nhận trả lời',
  draft: 'Phiếu khảo sát chưa mở để nhận trả lời',
} as const;

/** An open link's form token sent a second time, or a day after the form was opened (0031). */
export const FORM_TOKEN_SPENT =
  'Phiếu này đã được gửi hoặc đã quá hạn (mã phiếu chỉ dùng một lần). Vui lòng mở lại đường dẫn khảo sát để trả lời';

/** The refusals after which a survey will never take answers again. */
export const FINAL_REFUSALS: readonly string[] = [
  SURVEY_REFUSALS.approved,
  SURVEY_REFUSALS.published,
  SURVEY_REFUSALS.closed,
];

/**
 * Why a survey takes no answers now, or undefined while it takes them. The period comes first:
 * once the council has approved the results, answers could never count, whatever the survey's
 * own state (decision 0010, "When figures freeze").
 */
export function answersRefusal(
  surveyStatus: string,
  periodStatus: string | undefined,
): string | undefined {
  if (periodStatus === 'approved') return SURVEY_REFUSALS.approved;
  if (periodStatus === 'published') return SURVEY_REFUSALS.published;
  if (surveyStatus === 'closed') return SURVEY_REFUSALS.closed;
  if (surveyStatus !== 'open') return SURVEY_REFUSALS.draft;
  return undefined;
}
