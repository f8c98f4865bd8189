import { describe, expect, it } from 'vitest';
import { DomainError, formatIssue } from '../errors.js';
import { formatDocumentRef, parseDocumentRef } from './document-ref.js';
import { parseDeadlineCell, parseDispatchTable, type DispatchUnit } from './dispatch-table.js';

const UNITS: DispatchUnit[] = [
  {
    id: 'H01',
    name: 'UBND huyện Hớn Quản',
    offices: [
      { id: 'nv', name: 'Phòng Nội vụ', active: true },
      { id: 'vp', name: 'Văn phòng HĐND và UBND huyện', active: true },
      { id: 'tckh', name: 'Phòng Tài chính - Kế hoạch', active: true },
      { id: 'cu', name: 'Phòng Kinh tế', active: false },
    ],
  },
  {
    id: 'H02',
    name: 'UBND huyện Nam Sách',
    offices: [{ id: 'nv2', name: 'Phòng Nội vụ', active: true }],
  },
];
const HEADER = [
  'Nội dung nhiệm vụ',
  'Đơn vị thực hiện',
  'Phòng/ban chủ trì',
  'Phối hợp',
  'Thời hạn',
  'Văn bản giao',
];

describe("a dispatch's table", () => {
  it('reads tasks as a dispatch writes them, one per unit named', () => {
    const rows = parseDispatchTable(
      {
        sheet: 'Nhiệm vụ',
        rows: [
          ['PHỤ LỤC GIAO NHIỆM VỤ', null],
          HEADER,
          [
            'Rà soát công khai 100% TTHC trên Cổng dịch vụ công',
            'H01; UBND huyện Nam Sách',
            'p. nội vụ',
            null,
            'trước ngày 20/6/2023',
            'Công văn số 1138/UBND-NC ngày 08/06/2023',
          ],
          [
            'Báo cáo kết quả khắc phục tiêu chí đạt điểm thấp',
            'UBND huyện Hớn Quản',
            'Văn phòng HĐND & UBND huyện',
            'Phòng Nội vụ, Phòng Tài chính-Kế hoạch',
            45199,
            '1138/UBND-NC',
          ],
          [null, null, null, null, null, null],
        ],
      },
      UNITS,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        row: 3,
        unitId: 'H01',
        leadOfficeId: 'nv',
        deadline: '2023-06-20',
      }),
      expect.objectContaining({
        row: 3,
        unitId: 'H02',
        leadOfficeId: 'nv2',
        deadline: '2023-06-20',
      }),
      expect.objectContaining({
        row: 4,
        unitId: 'H01',
        leadOfficeId: 'vp',
        supportingOfficeIds: ['nv', 'tckh'],
        deadline: '2023-09-30',
        document: { number: '1138/UBND-NC', date: null },
      }),
    ]);
    expect(rows[0]!.document).toEqual({ number: '1138/UBND-NC', date: '2023-06-08' });
  });

  it('refuses the whole table, naming sheet, row and column of each problem', () => {
    const attempt = () =>
      parseDispatchTable(
        {
          sheet: 'Nhiệm vụ',
          rows: [
            HEADER,
            ['Nhiệm vụ đúng', 'H01', 'Phòng Nội vụ', null, '30/10/2023', null],
            ['Nhiệm vụ sai', 'H09', 'Phòng Nội vụ', null, '31/11/2023', 'không số'],
            ['Nhiệm vụ phòng đã ngừng', 'H01', 'Phòng Kinh tế', null, '30/11/2023', null],
          ],
        },
        UNITS,
      );
    expect(attempt).toThrow(DomainError);
    try {
      attempt();
    } catch (error) {
      const issues = (error as DomainError).issues;
      expect(issues).toEqual([
        expect.objectContaining({
          sheet: 'Nhiệm vụ',
          row: 3,
          column: 'E',
          message: '"31/11/2023" không phải là ngày (dd/mm/yyyy, ví dụ 20/06/2023)',
        }),
        expect.objectContaining({ row: 3, column: 'F' }),
        expect.objectContaining({
          row: 3,
          column: 'B',
          message: 'không có đơn vị "H09" (ghi mã hoặc tên đơn vị như trong hệ thống)',
        }),
        expect.objectContaining({
          row: 4,
          column: 'C',
          message: 'UBND huyện Hớn Quản không có phòng, ban "Phòng Kinh tế"',
        }),
      ]);
    }
  });

  it('reads deadlines and citations as offices type them', () => {
    expect(parseDeadlineCell('2023-11-30')).toBe('2023-11-30');
    expect(parseDeadlineCell('Ngày 30.10.2023')).toBe('2023-10-30');
    expect(parseDeadlineCell('Trước 20-06-2023')).toBe('2023-06-20');
    expect(parseDeadlineCell('quý II')).toBeUndefined();
    expect(parseDocumentRef('Văn bản 4010/UBND-KT ngày 29/8/2022')).toEqual({
      number: '4010/UBND-KT',
      date: '2022-08-29',
    });
    expect(formatDocumentRef({ number: '1138/UBND-NC', date: '2023-06-08' })).toBe(
      '1138/UBND-NC ngày 08/06/2023',
    );
  });
});

describe("a dispatch's table: the API's text limits (dispatchBody)", () => {
  const header = [...HEADER, 'Mục tiêu', 'Cơ quan giao'];
  const table = (title: string, document: string, target: string, authority: string) => ({
    sheet: 'Nhiệm vụ',
    rows: [header, [title, 'H01', null, null, '30/10/2023', document, target, authority]],
  });
  const issuesOf = (attempt: () => unknown) => {
    try {
      attempt();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return (error as DomainError).issues.map(formatIssue);
    }
    throw new Error('expected the table to be rejected');
  };

  it('accepts every text exactly at its limit', () => {
    const [row] = parseDispatchTable(
      table('t'.repeat(1000), `1/${'X'.repeat(98)}`, 'm'.repeat(500), 'c'.repeat(300)),
      UNITS,
    );
    expect(row?.title).toHaveLength(1000);
    expect(row?.document?.number).toHaveLength(100);
    expect(row?.target).toHaveLength(500);
    expect(row?.authority).toHaveLength(300);
  });

  it('refuses a longer text, naming sheet, row and column, and gives nothing', () => {
    expect(
      issuesOf(() =>
        parseDispatchTable(
          table('t'.repeat(1001), `1/${'X'.repeat(99)}`, 'm'.repeat(501), 'c'.repeat(301)),
          UNITS,
        ),
      ),
    ).toEqual([
      'Trang "Nhiệm vụ", dòng 2, cột A (Nội dung nhiệm vụ): dài 1.001 ký tự, tối đa 1.000 ký tự',
      'Trang "Nhiệm vụ", dòng 2, cột G (Mục tiêu): dài 501 ký tự, tối đa 500 ký tự',
      'Trang "Nhiệm vụ", dòng 2, cột H (Cơ quan giao): dài 301 ký tự, tối đa 300 ký tự',
      'Trang "Nhiệm vụ", dòng 2, cột F (Văn bản giao): số, ký hiệu văn bản dài 101 ký tự, tối đa 100 ký tự',
    ]);
  });
});
