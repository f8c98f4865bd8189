import { dueReminderStage, formatCount, formatVietnamTime } from '@chiso/core';
import {
  codeCountsOfSurveys,
  listActiveAdministrators,
  listOpenSurveysBeforeWindow,
} from '../../repositories/reminder-sources.js';
import { deadlineText, type DueReminder, type ReminderSource } from '../source.js';

const STAGES = [7, 1];
/** Units named in the body, those with most codes unanswered first; the page lists them all. */
const UNITS_NAMED = 3;

interface UnitCount {
  unitName: string;
  codes: number;
  answered: number;
}

/** "Sở Y tế 20/50, Sở Nội vụ 15/70 và 2 đơn vị khác": the units with most codes unanswered. */
function unitsBehind(counts: readonly UnitCount[]): string {
  const behind = counts
    .filter((c) => c.answered < c.codes)
    .sort((a, b) => b.codes - b.answered - (a.codes - a.answered));
  const named = behind
    .slice(0, UNITS_NAMED)
    .map((c) => `${c.unitName} ${formatCount(c.codes - c.answered)}/${formatCount(c.codes)}`)
    .join(', ');
  const more = behind.length - UNITS_NAMED;
  return more > 0 ? `${named} và ${formatCount(more)} đơn vị khác` : named;
}

/**
 * An open survey whose personal codes are not all answered, 7 days and 1 day before its
 * period's council window opens: what the council reviews is counted from the answers in by
 * then, and a survey has no closing date of its own (decision 0017). To the administrators,
 * who issue, print and hand out the codes; a rated unit never sees its codes (decision 0010).
 * The deadline is in the subject, so a council window moved brings its own reminders.
 */
export const surveyCodesUnansweredSource: ReminderSource = {
  kind: 'surveyCodesUnanswered',
  async due(db, now) {
    const due = (await listOpenSurveysBeforeWindow(db, 'council'))
      .map((survey) => ({
        ...survey,
        days: dueReminderStage(survey.windowOpensAt.getTime(), now.getTime(), STAGES),
      }))
      .filter((survey) => survey.days !== undefined);
    if (due.length === 0) return [];
    const counts = await codeCountsOfSurveys(
      db,
      due.map((s) => s.surveyId),
    );
    const bySurvey = new Map<string, typeof counts>();
    for (const c of counts) {
      const list = bySurvey.get(c.surveyId);
      if (list === undefined) bySurvey.set(c.surveyId, [c]);
      else list.push(c);
    }
    const administrators = await listActiveAdministrators(db);
    const found: DueReminder[] = [];
    for (const survey of due) {
      const ofSurvey = bySurvey.get(survey.surveyId) ?? [];
      const issued = ofSurvey.reduce((sum, c) => sum + c.codes, 0);
      const unanswered = issued - ofSurvey.reduce((sum, c) => sum + c.answered, 0);
      if (unanswered === 0) continue;
      const closesAt = survey.windowOpensAt.getTime();
      const formatted = formatVietnamTime(closesAt, true);
      const day = formatted.split(' ')[0] ?? formatted;
      const byUnit =
        ofSurvey.length > 1
          ? ` Theo đơn vị được đánh giá (mã chưa trả lời/mã đã cấp): ${unitsBehind(ofSurvey)}.`
          : '';
      for (const { id: recipientId } of administrators) {
        found.push({
          kind: 'surveyCodesUnanswered',
          subject: `${survey.surveyId}/${survey.windowOpensAt.toISOString()}`,
          recipientId,
          stage: `${survey.days}d`,
          // The stage is when a reminder starts, not how long is left: the title says the date.
          title: `Còn ${formatCount(unanswered)} mã phiếu chưa được trả lời (hạn ngày ${day}): ${survey.surveyName}`,
          body: `Còn ${formatCount(unanswered)}/${formatCount(issued)} mã phiếu khảo sát "${survey.surveyName}" (kỳ "${survey.periodName}") chưa được trả lời; khảo sát cần hoàn thành trước ${deadlineText(formatted)}, khi Hội đồng bắt đầu xem xét, thông qua kết quả.${byUnit} Danh sách mã chưa trả lời ở thẻ "Mã phiếu" của phiếu khảo sát, để nhắc người được khảo sát.`,
          link: `/khao-sat/${survey.surveyId}?tab=ma-phieu`,
        });
      }
    }
    return found;
  },
};
