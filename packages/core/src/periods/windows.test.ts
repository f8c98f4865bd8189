import { describe, expect, it } from 'vitest';
import { parseVietnamTime } from '../time/vietnam-time.js';
import { submissionProblems } from './workflow.js';
import { checkWindow, type TimeWindow } from './windows.js';

const at = (text: string) => parseVietnamTime(text)!;
/** Hải Dương 2022 (seed 001): evidence from 25/12 to 24:00 on 10/01. */
const upload: TimeWindow = {
  kind: 'selfAssessment',
  opensAt: at('25/12/2022 00:00'),
  closesAt: at('10/01/2023 24:00'),
};

describe('windows, Vietnam time', () => {
  it('is open inside, from the opening instant', () => {
    expect(checkWindow(upload, at('25/12/2022 00:00'), 'selfAssessment')).toEqual({ open: true });
    expect(checkWindow(upload, at('10/01/2023 23:59'), 'selfAssessment')).toEqual({ open: true });
  });

  it('refuses at 24:00 on the closing day, saying when it closed', () => {
    expect(checkWindow(upload, at('11/01/2023 00:00'), 'selfAssessment')).toEqual({
      open: false,
      reason: 'Thời gian "Tự đánh giá, tải tài liệu kiểm chứng" đã kết thúc lúc 10/01/2023 24:00',
    });
  });

  it('refuses before it opens', () => {
    const check = checkWindow(upload, at('24/12/2022 23:59'), 'selfAssessment');
    expect(check.open).toBe(false);
    expect(!check.open && check.reason).toContain('chưa bắt đầu: mở từ 25/12/2022 00:00');
  });

  it('honours an extension for one unit', () => {
    expect(
      checkWindow(upload, at('11/01/2023 10:00'), 'selfAssessment', at('12/01/2023 17:00')),
    ).toEqual({ open: true });
  });

  it('says when a window was never set', () => {
    const check = checkWindow(undefined, 0, 'council');
    expect(!check.open && check.reason).toBe(
      'Thời gian "Hội đồng xem xét, thông qua" chưa được thiết lập cho kỳ đánh giá này',
    );
  });
});

describe('submission check', () => {
  it('blocks a leaf with points but neither evidence nor explanation', () => {
    expect(
      submissionProblems([
        { code: '1.1', hasPositivePoints: true, evidenceCount: 1, hasExplanation: false },
        { code: '1.2', hasPositivePoints: true, evidenceCount: 0, hasExplanation: true },
        { code: '1.3', hasPositivePoints: true, evidenceCount: 0, hasExplanation: false },
        { code: '1.4', hasPositivePoints: false, evidenceCount: 0, hasExplanation: false },
      ]),
    ).toEqual([
      {
        code: '1.3',
        message: 'tiêu chí 1.3 có điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình',
      },
    ]);
  });
});
