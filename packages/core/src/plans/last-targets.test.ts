import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { compareTargets, targetsSummary, type LastTarget } from './last-targets.js';

const d = (text: string) => Decimal.of(text);
const row = (code: string, points: string | undefined, applicable = true) => ({
  code,
  applicable,
  points: points === undefined ? undefined : d(points),
});
const last = (entries: [string, string, boolean][]) =>
  new Map<string, LastTarget>(entries.map(([code, t, given]) => [code, { target: d(t), given }]));

describe('last year’s targets against this year’s points', () => {
  const comparisons = compareTargets(
    [
      row('1', '9.5'),
      row('1.1', '2'),
      row('1.2', '7.5'),
      row('2', '3.999'),
      row('3', undefined, false),
      row('4', '6'),
      row('5', '1.5'),
    ],
    last([
      ['1', '10', false],
      ['1.1', '2', true],
      ['1.2', '8', true],
      ['2', '4', true],
      ['3', '5', true],
      // A planned decline: the target is below what the unit had; staying above it meets it.
      ['5', '1', true],
    ]),
  );
  const byCode = new Map(comparisons.map((c) => [c.code, c]));

  it('meets a target reached exactly', () => {
    expect(byCode.get('1.1')).toMatchObject({ outcome: 'met', label: 'Đạt mục tiêu' });
    expect(byCode.get('1.1')?.shortBy.isZero()).toBe(true);
  });

  it('names the shortfall, Vietnamese style, exactly', () => {
    const missed = byCode.get('1.2')!;
    expect(missed.outcome).toBe('notMet');
    expect(missed.shortBy.toString()).toBe('0.5');
    expect(missed.label).toBe('Chưa đạt mục tiêu, thiếu 0,5 điểm');
    expect(byCode.get('1')?.label).toBe('Chưa đạt mục tiêu, thiếu 0,5 điểm');
  });

  it('shows a shortfall that would round to nothing exactly', () => {
    expect(byCode.get('2')?.label).toBe('Chưa đạt mục tiêu, thiếu 0,001 điểm');
  });

  it('has no target for a code last year’s plan lacks, and none to compare when not applicable now', () => {
    expect(byCode.get('4')).toMatchObject({ outcome: 'noTarget', target: undefined });
    expect(byCode.get('4')?.label).toBe('Không có mục tiêu năm trước');
    expect(byCode.get('3')).toMatchObject({ outcome: 'notApplicable', points: undefined });
    expect(byCode.get('3')?.label).toBe('Năm nay không áp dụng đối với đơn vị');
  });

  it('meets a planned decline by staying at or above it', () => {
    expect(byCode.get('5')?.outcome).toBe('met');
  });

  it('counts the targets the unit wrote when it wrote some', () => {
    // Given and compared: 1.1 (met), 1.2 (missed), 2 (missed), 5 (met); 1 was the default.
    expect(targetsSummary(comparisons)).toEqual({
      met: 2,
      compared: 4,
      givenOnly: true,
      label: 'Đạt 2/4 mục tiêu năm trước',
    });
  });

  it('counts every default target when the unit wrote none', () => {
    const defaults = compareTargets(
      [row('1', '10'), row('2', '3')],
      last([
        ['1', '10', false],
        ['2', '4', false],
      ]),
    );
    expect(targetsSummary(defaults).label).toBe(
      'Đạt 1/2 mục tiêu năm trước (mục tiêu mặc định: điểm tối đa)',
    );
  });

  it('says so when there is nothing to compare', () => {
    expect(targetsSummary(compareTargets([row('1', '3')], new Map())).label).toBe(
      'Không có mục tiêu năm trước để so sánh',
    );
  });
});
