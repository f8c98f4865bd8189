import { describe, expect, it } from 'vitest';
import { DomainError, formatIssue } from '../errors.js';
import { SEED_004_HEADER, SEED_004_ROWS } from '../test-support/seed-004.js';
import { readPlanTable } from './plan-table.js';
import type { Cell } from './table.js';

const title: Cell[][] = [
  [null, 'PHỤ LỤC'],
  [null, 'MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ CCHC'],
  [],
];
const read = (rows: Cell[][]) => readPlanTable({ sheet: 'Phụ lục', rows });

describe('readPlanTable: seed 004 as offices keep it', () => {
  const plan = read([...title, SEED_004_HEADER, ...SEED_004_ROWS]);

  it('reads every row by code with target, tasks and lead office, and the years of the headers', () => {
    expect(plan.rows.size).toBe(53);
    expect([plan.resultYear, plan.planYear]).toEqual([2023, 2024]);
    expect(plan.rows.get('2.1')).toMatchObject({
      row: 14,
      title: 'Tham mưu xây dựng văn bản quy phạm pháp luật (QPPL) trong năm',

      leadOffice: 'Phòng Tư pháp',
    });
    expect(plan.rows.get('2.1')?.target?.toString()).toBe('2.5');
    expect(plan.rows.get('2.3')?.target?.toString()).toBe('4.5');
    expect(plan.rows.get('1.2')?.tasks).toBe('Thực hiện đầy đủ các báo cáo.');
    expect(plan.rows.get('1')?.tasks).toBeUndefined();
  });

  it('matches headers without diacritics, takes decimal points, supporting offices and broken cells', () => {
    const rows = read([
      [
        'STT',
        'Linh vuc / Tieu chi',
        'Diem chuan',
        'Diem 2025 dat duoc',
        'Muc tieu nam 2026',
        'Nhiem vu, giai phap',
        'Don vi chu tri',
        'Don vi phoi hop',
      ],
      ['1', 'CÔNG TÁC CHỈ ĐẠO', '3', '2.5', '3', null, null, null],
      [
        '1.1',
        'Kế hoạch CCHC',
        3,
        2.5,
        3,
        'Ban hành kế hoạch',
        'Phòng Nội vụ',
        'Văn phòng; Phòng Tư pháp, UBND các xã',
      ],
      [null, null, null, null, null, 'đúng hạn.', null, null],
      [null, 'TỔNG ĐIỂM', '3', '2,5', '3', null, null, null],
    ]);
    expect(rows.rows.get('1.1')).toMatchObject({
      tasks: 'Ban hành kế hoạch đúng hạn.',
      supportingOffices: ['Văn phòng', 'Phòng Tư pháp', 'UBND các xã'],
    });
    expect([rows.resultYear, rows.planYear]).toEqual([2025, 2026]);
  });

  it('rejects the whole table, naming sheet, row and column of every bad cell', () => {
    const bad = SEED_004_ROWS.map((cells) =>
      cells[0] === '1.2'
        ? ['1.2', cells[1] ?? null, '1', '1', 'một', null, null]
        : cells[0] === '1.3'
          ? ['1.3', cells[1] ?? null, '2', '2', '2,5', null, null]
          : cells,
    );
    try {
      read([...title, SEED_004_HEADER, ...bad, ['1.1', 'Lặp lại', '2', '2', '2', null, null]]);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).message).toBe('Không nhập được kế hoạch từ trang "Phụ lục"');
      expect((error as DomainError).issues.map(formatIssue)).toEqual([
        'Trang "Phụ lục", dòng 7, cột E (Mục tiêu năm 2024): "một" không phải là số',
        'Trang "Phụ lục", dòng 8, cột E (Mục tiêu năm 2024): mục tiêu 2,5 điểm vượt điểm chuẩn 2 của mã 1.3',
        'Trang "Phụ lục", dòng 59, cột A (Stt): mã 1.1 trùng với dòng 6',
      ]);
      return;
    }
    throw new Error('expected the table to be rejected');
  });

  it('says which columns it looked for when there is no header', () => {
    expect(() => read([['Mã', 'Tên']])).toThrow(DomainError);
    try {
      read([['Mã', 'Tên']]);
    } catch (error) {
      expect((error as DomainError).issues.map(formatIssue)).toEqual([
        'Trang "Phụ lục": không tìm thấy dòng tiêu đề: cần cột "Stt" (mã 1, 1.1, 1.1.1) và cột "Mục tiêu" trong 30 dòng đầu',
      ]);
    }
  });
});

describe("readPlanTable: the API's limits (planRowBody)", () => {
  const header: Cell[] = ['Stt', 'Mục tiêu', 'Nhiệm vụ/Giải pháp', 'Đơn vị phối hợp'];
  const offices = (count: number) => Array.from({ length: count }, (_, i) => `Phòng ${i + 1}`);
  const rejection = (rows: Cell[][]) => {
    try {
      read(rows);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return (error as DomainError).issues.map(formatIssue);
    }
    throw new Error('expected the plan to be rejected');
  };

  it('accepts tasks of exactly 5.000 characters, broken over two rows, and 50 supporting offices', () => {
    const plan = read([
      header,
      ['1', '2', 'a'.repeat(2999), offices(50).join('; ')],
      [null, null, 'b'.repeat(2000), null],
    ]);
    expect(plan.rows.get('1')?.tasks).toHaveLength(5000);
    expect(plan.rows.get('1')?.supportingOffices).toHaveLength(50);
  });

  it("refuses longer tasks (counting the rows they go on in) and more offices on the code's row", () => {
    expect(
      rejection([
        header,
        ['1', '2', 'a'.repeat(3000), null],
        [null, null, 'b'.repeat(2000), null],
        ['2', '2', null, offices(51).join('; ')],
      ]),
    ).toEqual([
      'Trang "Phụ lục", dòng 2, cột C (Nhiệm vụ/Giải pháp): dài 5.001 ký tự, tối đa 5.000 ký tự',
      'Trang "Phụ lục", dòng 4, cột D (Đơn vị phối hợp): có 51 đơn vị phối hợp, nhiều nhất 50 đơn vị',
    ]);
  });
});
