import { describe, expect, it } from 'vitest';
import { DomainError, formatIssue } from '../errors.js';
import { frameworkOf, SMALL_FRAMEWORK } from '../test-support/factories.js';
import { parseLineageTable } from './lineage-table.js';
import { parsePreviousTable } from './previous-table.js';
import { headerCode, parseScoresTable } from './scores-table.js';
import type { Cell, Table } from './table.js';

const framework = frameworkOf(SMALL_FRAMEWORK);
const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).issues.map(formatIssue);
  }
  throw new Error('expected a rejection');
};
const sheet = (rows: Cell[][]): Table => ({ sheet: 'Điểm', rows });

describe('headerCode', () => {
  it.each([
    [1.1, '1.1'],
    ['1.1', '1.1'],
    ['3.4 Một cửa', '3.4'],
    ['Lĩnh vực 3', '3'],
    ['TC 2.1:', '2.1'],
    ['Tên đơn vị', undefined],
    ['Năm 2023', undefined],
  ])('%j → %j', (cell, code) => {
    expect(headerCode(cell)).toBe(code);
  });
});

describe('parseScoresTable', () => {
  it('reads one row per unit, one column per code, with KAD for not applicable', () => {
    const result = parseScoresTable(
      sheet([
        ['BẢNG ĐIỂM NĂM 2023'],
        ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', '1.1', '1.2', '1', '2.1'],
        ['h1', 'UBND huyện A', 'huyen', '3,5', 6, '9.5', 'KAD'],
        ['h2', 'UBND huyện B', 'huyen', 4, null, null, 7],
      ]),
      framework,
    );
    expect(
      result.units.map((u) => [
        u.id,
        u.name,
        u.group,
        Object.fromEntries([...u.points].map(([k, v]) => [k, v.toString()])),
        [...u.notApplicable],
      ]),
    ).toEqual([
      ['h1', 'UBND huyện A', 'huyen', { '1.1': '3.5', '1.2': '6' }, ['2.1']],
      ['h2', 'UBND huyện B', 'huyen', { '1.1': '4', '2.1': '7' }, []],
    ]);
    expect(result.rows.get('h2')).toBe(4);
  });

  it('refuses the whole table, naming every bad cell', () => {
    expect(
      issuesOf(() =>
        parseScoresTable(
          sheet([
            ['Mã đơn vị', 'Tên đơn vị', '1.1', '1.2', '1', '9.9'],
            ['h1', 'A', 'bốn', 6, 10, null],
            ['h1', 'B', 1, 1, null, null],
            ['h3', 'C', 1, 1, 3, null],
          ]),
          framework,
        ),
      ),
    ).toEqual([
      'Trang "Điểm", dòng 1, cột F (9.9): mã 9.9 không có trong bộ chỉ số "Bộ chỉ số thử nghiệm"',
      'Trang "Điểm", dòng 2, cột C (1.1): "bốn" không phải là số (nhập số điểm, "KAD" nếu không áp dụng, hoặc để trống)',
      'Trang "Điểm", dòng 2, cột E (1): 1 có mục con: nhập điểm cho từng mục con (còn thiếu 1.1); cột này chỉ dùng để đối chiếu tổng',
      'Trang "Điểm", dòng 3, cột A: đơn vị "h1" trùng với dòng 2',
      'Trang "Điểm", dòng 4, cột E (1): ghi 3 nhưng tổng điểm các mục con là 2',
    ]);
  });

  it('needs a unit column and code columns', () => {
    expect(issuesOf(() => parseScoresTable(sheet([['Ghi chú'], ['x']]), framework))[0]).toContain(
      'không tìm thấy dòng tiêu đề',
    );
  });
});

describe('parsePreviousTable', () => {
  it('reads the exported ranking sheet: id, %, rank and area %', () => {
    const previous = parsePreviousTable(
      sheet([
        [
          'Nhóm',
          'Hạng',
          'Mã đơn vị',
          'Tên đơn vị',
          'Chỉ số (%)',
          'Lĩnh vực 1 (%)',
          'Lĩnh vực 2 (điểm)',
        ],
        ['huyen', 5, 'h1', 'A', 84.2, '92,5', 9],
      ]),
    );
    expect(previous.map((p) => [p.id, p.rank, p.percent?.toString(), [...p.areas.keys()]])).toEqual(
      [['h1', 5, '84.2', ['1']]],
    );
    expect(previous[0]!.areas.get('1')!.toString()).toBe('92.5');
  });

  it('refuses a bad rank', () => {
    expect(
      issuesOf(() =>
        parsePreviousTable(
          sheet([
            ['Mã đơn vị', 'Chỉ số (%)', 'Xếp hạng'],
            ['a', 80, 'nhất'],
          ]),
        ),
      ),
    ).toEqual(['Trang "Điểm", dòng 2, cột C (Xếp hạng): hạng phải là số nguyên từ 1']);
  });
});

describe('parseLineageTable', () => {
  it('reads merged units with their predecessors', () => {
    expect(
      parseLineageTable(
        sheet([
          ['Mã đơn vị', 'Hình thành từ', 'Đơn vị chính'],
          ['xa-moi', 'xa-a, xa-b; xa-c', 'xa-b'],
        ]),
      ),
    ).toEqual([{ id: 'xa-moi', from: ['xa-a', 'xa-b', 'xa-c'], primary: 'xa-b' }]);
  });

  it('refuses a primary that is not a predecessor', () => {
    expect(
      issuesOf(() =>
        parseLineageTable(
          sheet([
            ['Mã đơn vị', 'Hình thành từ', 'Đơn vị chính'],
            ['x', 'a', 'z'],
          ]),
        ),
      ),
    ).toEqual([
      'Trang "Điểm", dòng 2, cột C (Đơn vị chính): "z" không nằm trong danh sách đơn vị cũ',
    ]);
  });
});
