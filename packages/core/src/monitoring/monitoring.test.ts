import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { buildFramework } from '../framework/build-framework.js';
import { formatPercent, formatPoints } from '../format/format.js';
import { areaSentence, leafSentence } from './appendix-text.js';
import { prefillMonitoring, summarizeMonitoring, type LeafKnowledge } from './monitoring.js';

const d = (text: string) => Decimal.of(text);

/** Seed 000's area 1 in small: 13 points, of which 3 expected lost nine months in. */
const FRAMEWORK = buildFramework({
  name: 'Bộ chỉ số cấp huyện',
  nodes: [
    { code: '1', title: 'Công tác chỉ đạo, điều hành cải cách hành chính', maxPoints: d('13') },
    { code: '1.1', title: 'Kế hoạch CCHC', maxPoints: d('4') },
    { code: '1.1.3', title: 'Mức độ hoàn thành kế hoạch CCHC', maxPoints: d('1') },
    { code: '1.1.4', title: 'Ban hành kế hoạch kịp thời', maxPoints: d('3') },
    { code: '1.2', title: 'Báo cáo CCHC', maxPoints: d('4') },
    {
      code: '1.2.3',
      title: 'Báo cáo đánh giá nâng cao chỉ số PAR INDEX và PAPI',
      maxPoints: d('0.5'),
    },
    { code: '1.2.4', title: 'Báo cáo định kỳ', maxPoints: d('3.5') },
    { code: '1.6', title: 'Thực hiện nhiệm vụ được giao', maxPoints: d('5') },
    {
      code: '1.6.1',
      title: 'Thực hiện các nhiệm vụ được UBND tỉnh, Chủ tịch UBND tỉnh giao',
      maxPoints: d('1.5'),
    },
    { code: '1.6.2', title: 'Không có văn bản nhắc nhở, phê bình', maxPoints: d('3.5') },
    { code: '2', title: 'Cải cách thể chế', maxPoints: d('2') },
    { code: '2.1', title: 'Rà soát văn bản', maxPoints: d('1') },
    { code: '2.2', title: 'Kiểm tra văn bản', maxPoints: d('1') },
  ],
});

const KNOWN: Record<string, LeafKnowledge> = {
  '1.1.3': { lastYear: d('0') },
  '1.1.4': { self: { status: 'scored', points: d('3') } },
  '1.2.3': { lastYear: d('0') },
  '1.2.4': { self: { status: 'scored', points: d('3.5') } },
  '1.6.1': { self: { status: 'scored', points: d('1') }, officeId: 'vp' },
  '1.6.2': { lastYear: d('3.5') },
  '2.1': { self: { status: 'notApplicable', points: d('0') } },
};

describe('mid-year self-monitoring', () => {
  const rows = prefillMonitoring(FRAMEWORK, (code) => KNOWN[code] ?? {});

  it("starts from the unit's facts, then last year's points, then full points", () => {
    expect(
      rows.map((r) => [r.code, r.expectedPoints?.toString() ?? null, r.source, r.reason]),
    ).toEqual([
      ['1.1.3', '0', 'lastYear', 'yearEnd'],
      ['1.1.4', '3', 'self', null],
      ['1.2.3', '0', 'lastYear', 'yearEnd'],
      ['1.2.4', '3.5', 'self', null],
      ['1.6.1', '1', 'self', 'belowTarget'],
      ['1.6.2', '3.5', 'lastYear', null],
      ['2.1', null, 'self', null],
      ['2.2', '1', 'assumed', null],
    ]);
    expect(rows.find((r) => r.code === '1.6.1')?.officeId).toBe('vp');
  });

  it('guesses "chưa thực hiện" for a leaf that scores nothing, "số liệu chưa đạt" for part', () => {
    const zero = prefillMonitoring(FRAMEWORK, (code) =>
      code === '1.1.4' ? { self: { status: 'scored', points: d('0') } } : {},
    );
    expect(zero.find((r) => r.code === '1.1.4')?.reason).toBe('notDone');
    expect(rows.find((r) => r.code === '1.6.1')?.reason).toBe('belowTarget');
  });

  it('sums per area over the leaves that apply, exactly', () => {
    // Area 1 loses 1 (1.1.3) + 0,5 (1.2.3) + 0,5 (1.6.1) = 2 of 13; area 2 has 1 of 1 (2.1 n/a).
    const summary = summarizeMonitoring(FRAMEWORK, rows);
    const [one, two] = summary.areas;
    expect([
      one?.expectedPoints.toString(),
      one?.maxPoints.toString(),
      one?.atRisk.toString(),
    ]).toEqual(['11', '13', '2']);
    expect(one?.leaves.map((l) => [l.code, l.atRisk.toString()])).toEqual([
      ['1.1.3', '1'],
      ['1.2.3', '0.5'],
      ['1.6.1', '0.5'],
    ]);
    expect([two?.expectedPoints.toString(), two?.maxPoints.toString()]).toEqual(['1', '1']);
    expect(formatPoints(summary.expectedPoints)).toBe('12');
    expect(formatPercent(summary.expectedIndex!)).toBe('85,71%');
  });

  it("writes seed 000's appendix sentences", () => {
    const summary = summarizeMonitoring(FRAMEWORK, rows);
    const [one, two] = summary.areas;
    expect(areaSentence(one!, 1)).toBe(
      'Lĩnh vực 1. Công tác chỉ đạo, điều hành cải cách hành chính: điểm tự chấm đạt 11/13 điểm; 02 điểm chưa đạt, cụ thể như sau:',
    );
    expect(areaSentence(two!, 2)).toBe('Lĩnh vực 2. Cải cách thể chế: điểm tự chấm đạt 1/1 điểm.');
    const offices = new Map([['vp', 'Văn phòng HĐND và UBND huyện']]);
    expect(leafSentence(one!.leaves[0]!, offices)).toBe(
      '+ 01 điểm Mục 1.1.3 Mức độ hoàn thành kế hoạch CCHC, lý do: chỉ đánh giá được cuối năm.',
    );
    expect(
      leafSentence(
        {
          ...one!.leaves[2]!,
          reason: 'late',
          reasonText: 'trong 09 tháng đầu năm có 17 nội dung công việc quá hạn',
        },
        offices,
      ),
    ).toBe(
      '+ 0,5 điểm Mục 1.6.1 Thực hiện các nhiệm vụ được UBND tỉnh, Chủ tịch UBND tỉnh giao, lý do: thực hiện chậm: trong 09 tháng đầu năm có 17 nội dung công việc quá hạn (Văn phòng HĐND và UBND huyện).',
    );
    expect(leafSentence({ ...one!.leaves[1]!, reason: null, reasonText: null }, offices)).toBe(
      '+ 0,5 điểm Mục 1.2.3 Báo cáo đánh giá nâng cao chỉ số PAR INDEX và PAPI.',
    );
  });
});
