import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { DomainError } from '../errors.js';
import { buildFramework } from './build-framework.js';
import type { FrameworkInput } from './framework.js';

const input = (nodes: [string, string][], extra: Partial<FrameworkInput> = {}): FrameworkInput => ({
  name: 'Thử',
  nodes: nodes.map(([code, max]) => ({ code, title: `Mục ${code}`, maxPoints: Decimal.of(max) })),
  ...extra,
});

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
};

describe('buildFramework', () => {
  it('builds a tree of any depth from dotted codes', () => {
    const framework = buildFramework(
      input([
        ['1', '3'],
        ['1.1', '3'],
        ['1.1.1', '1'],
        ['1.1.2', '2'],
        ['1.1.2.1', '2'],
        ['2', '1,5'],
      ]),
    );
    expect(framework.areas.map((a) => a.code)).toEqual(['1', '2']);
    expect(framework.leaves.map((l) => l.code)).toEqual(['1.1.1', '1.1.2.1', '2']);
    expect(framework.byCode.get('1.1.2.1')?.depth).toBe(4);
    expect(framework.byCode.get('1.1')?.children).toEqual(['1.1.1', '1.1.2']);
    expect(framework.maxPoints.toString()).toBe('4.5');
    expect(framework.pointsDecimals).toBe(3);
  });

  it('scores leaves without a rule manually', () => {
    const framework = buildFramework(input([['1', '2']]));
    expect(framework.byCode.get('1')?.rule).toEqual({ kind: 'manual' });
  });

  it('reports every inconsistency at once', () => {
    expect(
      issuesOf(() =>
        buildFramework(
          input([
            ['1', '14'],
            ['1.1', '2'],
            ['1.2', '1'],
            ['1.2', '1'],
            ['3.4.1', '1'],
            ['x y', '1'],
          ]),
        ),
      ),
    ).toEqual([
      'nodes[3].code: mã 1.2 bị trùng',
      'nodes[5].code: mã "x y" không đúng dạng 1, 1.2, 1.2.3',
      'nodes[4].code: mã 3.4.1 không có mục cha 3.4',
      'nodes[0].maxPoints: lĩnh vực 1 có điểm tối đa 14 nhưng tổng điểm tối đa các mục con là 3',
    ]);
  });

  it('refuses a rule on a parent and a rule that does not fit its max', () => {
    expect(
      issuesOf(() =>
        buildFramework({
          name: 'Thử',
          nodes: [
            {
              code: '1',
              title: 'A',
              maxPoints: Decimal.of(1),
              rule: { kind: 'passFail', conditions: [] },
            },
            {
              code: '1.1',
              title: 'B',
              maxPoints: Decimal.of(1),
              rule: { kind: 'bonusPenalty', bonusCap: Decimal.ONE, penaltyCap: Decimal.ONE },
            },
          ],
        }),
      ),
    ).toEqual([
      'nodes[0].rule: 1 có mục con nên không có quy tắc chấm riêng (điểm là tổng các mục con)',
      'nodes[1].rule: quy tắc chấm: điểm thưởng/điểm trừ nằm ngoài thang điểm nên điểm tối đa phải là 0',
    ]);
  });

  it('refuses bands out of order or worth more than the max', () => {
    expect(
      issuesOf(() =>
        buildFramework({
          name: 'Thử',
          nodes: [
            {
              code: '1',
              title: 'A',
              maxPoints: Decimal.of(1),
              rule: {
                kind: 'ratioBands',
                whenZeroDenominator: 'zero',
                bands: [
                  { minPercent: Decimal.of(70), inclusive: true, points: Decimal.of('0.5') },
                  { minPercent: Decimal.of(90), inclusive: true, points: Decimal.of(2) },
                ],
              },
            },
          ],
        }),
      ),
    ).toEqual([
      'nodes[0].rule: quy tắc chấm: điểm của mức thứ 2 (2) lớn hơn điểm tối đa 1',
      'nodes[0].rule: quy tắc chấm: các mức tỷ lệ phải xếp từ cao xuống thấp, không trùng nhau',
    ]);
  });
});
