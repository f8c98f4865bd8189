import { describe, expect, it } from 'vitest';
import { answersRefusal, FINAL_REFUSALS, SURVEY_REFUSALS } from './answering.js';

describe('when a survey takes answers', () => {
  it('takes them only while it is open and its period has not been approved', () => {
    expect(answersRefusal('open', 'open')).toBeUndefined();
    expect(answersRefusal('draft', 'open')).toBe(SURVEY_REFUSALS.draft);
    expect(answersRefusal('closed', 'open')).toBe(SURVEY_REFUSALS.closed);
  });

  it("puts the period first: after the council's approval nothing could count", () => {
    for (const status of ['open', 'closed', 'draft']) {
      expect(answersRefusal(status, 'approved')).toBe(
        'Kỳ đánh giá đã được Hội đồng thông qua kết quả; phiếu khảo sát không còn nhận trả lời',
      );
      expect(answersRefusal(status, 'published')).toBe(SURVEY_REFUSALS.published);
    }
  });

  it('tells an ended survey from one not open yet', () => {
    expect(FINAL_REFUSALS).not.toContain(SURVEY_REFUSALS.draft);
    expect(FINAL_REFUSALS).toContain(SURVEY_REFUSALS.approved);
  });
});
