import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { previousLeafPoints, type PublishedNode } from '../results/previous-leaves.js';
import { checkCodeMap, defaultCodeMap, type CodeLink, type CodeMapSide } from './code-map.js';

/** A side from codes; a code followed by "/" has children. */
const side = (year: number, codes: string[]): CodeMapSide => ({
  year,
  nodes: new Map(codes.map((c) => [c.replace('/', ''), !c.endsWith('/')])),
});

const OLD = side(2026, ['1/', '1.1', '1.2', '1.3', '2/', '2.1', '2.2']);
const NEW = side(2027, ['1/', '1.1', '1.2', '1.4', '2/', '2.1', '3/', '3.1', '3.2']);
const link = (oldCode: string | null, newCode: string | null): CodeLink => ({ oldCode, newCode });

describe('the code map from last year', () => {
  it('starts with every leaf mapped to itself, the others dropped or new', () => {
    expect(defaultCodeMap(OLD, NEW)).toEqual([
      { oldCode: '1.1', newCode: '1.1', kind: 'unchanged' },
      { oldCode: '1.2', newCode: '1.2', kind: 'unchanged' },
      { oldCode: null, newCode: '1.4', kind: 'new' },
      { oldCode: '2.1', newCode: '2.1', kind: 'unchanged' },
      { oldCode: null, newCode: '3.1', kind: 'new' },
      { oldCode: null, newCode: '3.2', kind: 'new' },
      { oldCode: '1.3', newCode: null, kind: 'dropped' },
      { oldCode: '2.2', newCode: null, kind: 'dropped' },
    ]);
  });

  it('derives renumbered, merged and split from the pairs and completes the rest', () => {
    const { links, issues } = checkCodeMap(
      [
        link('1.3', '1.4'),
        link('2.1', '2.1'),
        link('2.2', '2.1'),
        link('1.2', '3.1'),
        link('1.2', '3.2'),
      ],
      OLD,
      NEW,
    );
    expect(issues).toEqual([]);
    expect(links).toEqual([
      { oldCode: '1.1', newCode: '1.1', kind: 'unchanged' },
      { oldCode: null, newCode: '1.2', kind: 'new' },
      { oldCode: '1.3', newCode: '1.4', kind: 'renumbered' },
      { oldCode: '2.1', newCode: '2.1', kind: 'merged' },
      { oldCode: '2.2', newCode: '2.1', kind: 'merged' },
      { oldCode: '1.2', newCode: '3.1', kind: 'split' },
      { oldCode: '1.2', newCode: '3.2', kind: 'split' },
    ]);
  });

  it('keeps an explicit "dropped" even where the same code exists this year', () => {
    const { links } = checkCodeMap([link('1.1', null)], OLD, NEW);
    expect(links.filter((l) => l.oldCode === '1.1' || l.newCode === '1.1')).toEqual([
      { oldCode: null, newCode: '1.1', kind: 'new' },
      { oldCode: '1.1', newCode: null, kind: 'dropped' },
    ]);
  });

  it('explains in Vietnamese every row it refuses, with the row and the column', () => {
    const { links, issues } = checkCodeMap(
      [
        link('1.9', '1.1'),
        link('1', '1.2'),
        link('1.1', '1.1'),
        link('1.1', '1.1'),
        link('1.2', null),
        link('1.2', '1.2'),
        link(null, '1.4'),
        link('1.3', '1.4'),
        link('2.1', '2.1'),
        link('2.2', '2.1'),
        link('2.2', '3.1'),
        link(' ', ''),
      ],
      OLD,
      NEW,
    );
    expect(links).toEqual([]);
    expect(issues.map((i) => [i.row, i.field, i.message])).toEqual([
      [1, 'Mã năm 2026', 'không có mục "1.9" trong bộ chỉ số năm 2026'],
      [
        2,
        'Mã năm 2026',
        'mục 1 của năm 2026 có mục con; chỉ đối chiếu các mục chấm điểm (không có mục con)',
      ],
      [4, 'Mã năm 2026', 'trùng với dòng 3'],
      [
        5,
        'Mã năm 2026',
        'mục 1.2 (năm 2026) vừa được ghi là không còn, vừa chuyển sang 1.2 (dòng 6)',
      ],
      [7, 'Mã năm 2027', 'mục 1.4 (năm 2027) vừa được ghi là mới, vừa nhận từ 1.3 (dòng 8)'],
      [
        9,
        'Mã năm 2026',
        'các mục 2.1, 2.2 (năm 2026) và 2.1, 3.1 (năm 2027) nối chéo nhau: một mục cũ có thể tách thành nhiều mục mới, hoặc nhiều mục cũ gộp thành một mục mới, nhưng không cả hai trong cùng một nhóm',
      ],
      [12, 'Mã năm 2026', 'dòng trống: cần Mã năm 2026 hoặc Mã năm 2027'],
    ]);
    expect(issues[0]?.path).toBe('links[0].oldCode');
  });
});

describe("last year's points of this year's leaves", () => {
  const node = (points: string, max: string, status = 'scored'): PublishedNode => ({
    points: Decimal.of(points),
    maxPoints: Decimal.of(max),
    applicable: status !== 'notApplicable',
    status,
  });
  const published = new Map<string, PublishedNode>([
    ['1.1', node('2.5', '3')],
    ['1.2', node('1', '2')],
    ['1.3', node('0.75', '1')],
    ['2.1', node('1.5', '2')],
    ['2.2', node('0', '1', 'missing')],
  ]);
  const { links } = checkCodeMap(
    [
      link('1.3', '1.4'),
      link('2.1', '2.1'),
      link('2.2', '2.1'),
      link('1.2', '3.1'),
      link('1.2', '3.2'),
    ],
    OLD,
    NEW,
  );
  const previous = previousLeafPoints(links, (code) => published.get(code));
  const shown = (code: string) => {
    const p = previous.get(code);
    return (
      p && [
        p.kind,
        p.fromCodes,
        p.points?.toString() ?? null,
        p.maxPoints?.toString() ?? null,
        p.status,
      ]
    );
  };

  it('follows renumbering, sums a merge and refuses to share a split', () => {
    expect(shown('1.1')).toEqual(['unchanged', ['1.1'], '2.5', '3', 'scored']);
    expect(shown('1.4')).toEqual(['renumbered', ['1.3'], '0.75', '1', 'scored']);
    expect(shown('2.1')).toEqual(['merged', ['2.1', '2.2'], '1.5', '3', 'missing']);
    expect(shown('3.1')).toEqual(['split', ['1.2'], '1', '2', 'notComparable']);
    expect(shown('1.2')).toBeUndefined();
  });

  it('leaves out what did not apply, and compares nothing when part of a merge is unknown', () => {
    const partial = previousLeafPoints(links, (code) =>
      code === '2.2'
        ? undefined
        : code === '2.1'
          ? node('0', '0', 'notApplicable')
          : published.get(code),
    );
    expect(partial.get('2.1')).toMatchObject({ status: 'notComparable', points: null });
    const none = previousLeafPoints(links, () => node('0', '0', 'notApplicable'));
    expect(none.get('1.4')).toMatchObject({
      status: 'notApplicable',
      points: null,
      maxPoints: null,
    });
    const some = previousLeafPoints(links, (code) =>
      code === '2.2' ? node('0', '0', 'notApplicable') : published.get(code),
    );
    expect(some.get('2.1')).toMatchObject({ status: 'scored' });
    expect(some.get('2.1')?.maxPoints?.toString()).toBe('2');
  });
});
