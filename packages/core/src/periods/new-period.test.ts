import { describe, expect, it } from 'vitest';
import { parseVietnamTime } from '../time/vietnam-time.js';
import { activeInYear, pastWindowWarnings } from './new-period.js';

const at = (text: string) => parseVietnamTime(text)!;

describe('units taking part in a year', () => {
  it('counts a unit that exists on any day of the year', () => {
    expect(activeInYear({}, 2025)).toBe(true);
    // Merged on 1 July 2025: both the old commune and the new one take part in 2025.
    expect(activeInYear({ activeTo: '2025-06-30' }, 2025)).toBe(true);
    expect(activeInYear({ activeFrom: '2025-07-01' }, 2025)).toBe(true);
    expect(activeInYear({ activeTo: '2025-06-30' }, 2026)).toBe(false);
    expect(activeInYear({ activeFrom: '2025-07-01', activeTo: null }, 2024)).toBe(false);
    expect(activeInYear({ activeTo: '2024-12-31' }, 2024)).toBe(true);
    expect(activeInYear({ activeFrom: '2025-01-01' }, 2024)).toBe(false);
  });
});

describe('windows already past when a period is opened', () => {
  it('warns about each window closed before now, at its exclusive close', () => {
    const windows = {
      selfAssessment: { closesAt: at('10/01/2023 24:00') },
      appraisal: { closesAt: at('16/01/2023 24:00') },
    };
    expect(pastWindowWarnings(windows, at('10/01/2023 23:59'))).toEqual([]);
    expect(pastWindowWarnings(windows, at('11/01/2023 00:00'))).toEqual([
      {
        kind: 'selfAssessment',
        message:
          'Bước "Tự đánh giá, tải tài liệu kiểm chứng" đã kết thúc lúc 10/01/2023 24:00: không ai làm được bước này nếu không được gia hạn',
      },
    ]);
    expect(pastWindowWarnings(windows, at('20/01/2023 09:00')).map((w) => w.kind)).toEqual([
      'selfAssessment',
      'appraisal',
    ]);
    expect(pastWindowWarnings({}, at('20/01/2023 09:00'))).toEqual([]);
  });
});
