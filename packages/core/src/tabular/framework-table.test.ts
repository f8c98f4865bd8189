import { describe, expect, it } from 'vitest';
import { DomainError, formatIssue } from '../errors.js';
import { SEED_004_HEADER, SEED_004_TABLE } from '../test-support/seed-004.js';
import { parseFrameworkTable } from './framework-table.js';
import type { Cell } from './table.js';

const parse = (rows: Cell[][]) => parseFrameworkTable({ sheet: 'Phụ lục', rows }, { name: 'Thử' });
const rejection = (rows: Cell[][]) => {
  try {
    parse(rows);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).issues.map(formatIssue);
  }
  throw new Error('expected the file to be rejected');
};

describe('parseFrameworkTable: the appendix of seed 004', () => {
  const table = parse(SEED_004_TABLE);

  it('finds the header under the title lines and reads every node', () => {
    expect(table.framework.nodes).toHaveLength(53);
    expect(table.framework.nodes.filter((n) => !n.code.includes('.'))).toHaveLength(8);
    expect(table.rows.get('1')).toBe(5);
  });

  it('accepts "4,5" and "4.5" alike', () => {
    const node = table.framework.nodes.find((n) => n.code === '2.3');
    expect(node?.maxPoints.toString()).toBe('4.5');
    expect(table.achieved.get('2.3')?.toString()).toBe('4.5');
    expect(table.achieved.get('3.7')?.toString()).toBe('0.5');
  });

  it('keeps points achieved, targets, tasks and lead units', () => {
    expect(table.achieved.get('3')?.toString()).toBe('13.567');
    expect(table.targets.get('2.1')?.toString()).toBe('2.5');
    expect(table.tasks.get('1.2')).toBe('Thực hiện đầy đủ các báo cáo.');
    expect(table.leadUnits.get('2.1')).toBe('Phòng Tư pháp');
  });
});

describe('parseFrameworkTable: a bad file names sheet, row and column, and imports nothing', () => {
  const header: Cell[] = ['Stt', 'Tiêu chí', 'Điểm chuẩn', 'Điểm đạt được'];

  it('a word in a number column', () => {
    expect(rejection([header, ['1', 'A', '2', null], ['1.1', 'B', '2 điểm', null]])).toEqual([
      'Trang "Phụ lục", dòng 3, cột C (Điểm chuẩn): "2 điểm" không phải là số',
    ]);
  });

  it("a parent's max that is not its children's sum", () => {
    expect(
      rejection([
        header,
        ['1', 'A', '3', null],
        ['1.1', 'B', '1', null],
        ['1.2', 'C', '1,5', null],
      ]),
    ).toEqual([
      'Trang "Phụ lục", dòng 2, cột C (Điểm chuẩn): lĩnh vực 1 có điểm tối đa 3 nhưng tổng điểm tối đa các mục con là 2,5',
    ]);
  });

  it('a code Excel turned from 1.10 into 1.1', () => {
    const rows: Cell[][] = [header, ['1', 'A', 2, null], [1.1, 'B', 1, null], [1.1, 'C', 1, null]];
    expect(rejection(rows)[0]).toContain('dòng 4, cột A (Stt): mã 1.1 trùng với dòng 3');
  });

  it('a missing max, a missing parent, a points total that does not add up', () => {
    expect(
      rejection([
        header,
        ['1', 'A', '2', '1,5'],
        ['1.1', 'B', null, null],
        ['2.1', 'C', '1', null],
        ['1.2', 'D', '2', '1'],
      ]),
    ).toEqual([
      'Trang "Phụ lục", dòng 3, cột C (Điểm chuẩn): thiếu giá trị',
      'Trang "Phụ lục", dòng 4, cột A (Stt): mã 2.1 không có mục cha 2',
    ]);
    expect(
      rejection([header, ['1', 'A', '2', '1,5'], ['1.1', 'B', '1', '1'], ['1.2', 'D', '1', '1']]),
    ).toEqual([
      'Trang "Phụ lục", dòng 2, cột D (Điểm đạt được): điểm đạt 1,5 khác tổng điểm đạt các mục con là 2',
    ]);
  });

  it('a total row that disagrees', () => {
    const rows = [
      ...SEED_004_TABLE.slice(0, -1),
      [null, 'TỔNG ĐIỂM', '100', '78,43', '100', null, null],
    ];
    expect(rejection(rows)).toEqual([
      'Trang "Phụ lục", dòng 58, cột D (Điểm 2023 đạt được): dòng tổng ghi 78,43 nhưng tổng điểm đạt các lĩnh vực là 78,422',
    ]);
  });

  it('no recognisable header', () => {
    expect(
      rejection([
        ['Tên', 'Giá trị'],
        ['a', 1],
      ]),
    ).toEqual([
      'Trang "Phụ lục": không tìm thấy dòng tiêu đề: cần cột "Stt" (mã 1, 1.1, 1.1.1) và cột "Lĩnh vực/Tiêu chí" (tên) và cột "Điểm chuẩn" (hoặc "Điểm tối đa") trong 30 dòng đầu',
    ]);
  });

  it('a rule cell that is not a rule', () => {
    const rows: Cell[][] = [
      [...header, 'Quy tắc chấm'],
      ['1', 'A', '1', null, '{"kind":"ratioBands","bands":[]}'],
      ['2', 'B', '1', null, 'đúng hạn'],
    ];
    expect(rejection(rows)).toEqual([
      'Trang "Phụ lục", dòng 2, cột E (Quy tắc chấm): quy tắc chấm (bands): cần ít nhất 1 phần tử',
      'Trang "Phụ lục", dòng 3, cột E (Quy tắc chấm): quy tắc chấm phải viết dạng JSON, ví dụ {"kind":"passFail"}',
    ]);
  });

  it('keeps the seed header intact', () => {
    expect(SEED_004_HEADER[0]).toBe('Stt');
  });
});

describe('parseFrameworkTable: lead and supporting offices', () => {
  it('reads "Đơn vị chủ trì" as written and "Đơn vị phối hợp" split on ";" or ","', () => {
    const table = parse([
      ['Stt', 'Tiêu chí', 'Điểm chuẩn', 'Đơn vị chủ trì', 'Đơn vị phối hợp'],
      ['1', 'Chỉ đạo, điều hành', '2', null, null],
      [
        '1.1',
        'Kế hoạch',
        '1',
        'Phòng Nội vụ',
        'Văn phòng HĐND và UBND; Phòng Tư pháp, UBND các xã',
      ],
      ['1.2', 'Báo cáo', '1', 'Phòng Nội vụ, các cơ quan, đơn vị', null],
    ]);
    expect(table.framework.nodes.map((n) => [n.code, n.leadOffice, n.supportingOffices])).toEqual([
      ['1', undefined, undefined],
      ['1.1', 'Phòng Nội vụ', ['Văn phòng HĐND và UBND', 'Phòng Tư pháp', 'UBND các xã']],
      ['1.2', 'Phòng Nội vụ, các cơ quan, đơn vị', undefined],
    ]);
  });

  it("takes seed 004's lead offices onto the node input", () => {
    const table = parse(SEED_004_TABLE);
    expect(table.framework.nodes.find((n) => n.code === '2.1')?.leadOffice).toBe('Phòng Tư pháp');
  });
});

describe("parseFrameworkTable: the API's text limits (updateNodeBody)", () => {
  const header: Cell[] = [
    'Stt',
    'Tiêu chí',
    'Điểm chuẩn',
    'Hướng dẫn',
    'Đơn vị chủ trì',
    'Đơn vị phối hợp',
  ];
  const row = (title: string, guidance: string, lead: string, supporting: string): Cell[] => [
    '1',
    title,
    '1',
    guidance,
    lead,
    supporting,
  ];

  it('accepts every text exactly at its limit', () => {
    // 30 offices, the first one 200 characters long.
    const supporting = ['s'.repeat(200), ...Array.from({ length: 29 }, (_, i) => `Phòng ${i + 1}`)];
    const table = parse([
      header,
      row('t'.repeat(1000), 'h'.repeat(5000), 'p'.repeat(200), supporting.join('; ')),
    ]);
    const [node] = table.framework.nodes;
    expect(node?.title).toHaveLength(1000);
    expect(node?.guidance).toHaveLength(5000);
    expect(node?.leadOffice).toHaveLength(200);
    expect(node?.supportingOffices).toHaveLength(30);
  });

  it('refuses a longer text, naming sheet, row and column, and imports nothing', () => {
    expect(
      rejection([header, row('t'.repeat(1001), 'h'.repeat(5001), 'p'.repeat(201), '')]),
    ).toEqual([
      'Trang "Phụ lục", dòng 2, cột B (Tiêu chí): dài 1.001 ký tự, tối đa 1.000 ký tự',
      'Trang "Phụ lục", dòng 2, cột D (Hướng dẫn): dài 5.001 ký tự, tối đa 5.000 ký tự',
      'Trang "Phụ lục", dòng 2, cột E (Đơn vị chủ trì): dài 201 ký tự, tối đa 200 ký tự',
    ]);
  });

  it('refuses a supporting office over 200 characters and more than 30 offices', () => {
    const many = Array.from({ length: 31 }, (_, i) => `Phòng ${i + 1}`).join('; ');
    expect(rejection([header, row('A', '', '', `${'s'.repeat(201)}`)])).toEqual([
      `Trang "Phụ lục", dòng 2, cột F (Đơn vị phối hợp): đơn vị phối hợp "${'s'.repeat(40)}…" dài 201 ký tự, tối đa 200 ký tự`,
    ]);
    expect(rejection([header, row('A', '', '', many)])).toEqual([
      'Trang "Phụ lục", dòng 2, cột F (Đơn vị phối hợp): có 31 đơn vị phối hợp, nhiều nhất 30 đơn vị',
    ]);
  });
});
