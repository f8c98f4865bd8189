import { formatIssue, type Cell } from '@chiso/core';
import { describe, expect, it } from 'vitest';
import { parseFrameTable } from './import-frame.js';
import type { RatedUnits } from './survey-units.js';

const units: RatedUnits = {
  rated: new Map(),
  problem: (unitId) => (unitId === 'X01' ? undefined : `không có đơn vị "${unitId}"`),
  name: (unitId) => unitId,
};
const header: Cell[] = ['Mã đơn vị', 'Họ và tên', 'Liên hệ', 'Thủ tục'];
const parse = (row: Cell[]) => parseFrameTable({ sheet: 'Danh sách', rows: [header, row] }, units);

describe("a sampling frame's text limits", () => {
  it('keeps name, contact and procedure exactly at their limits, whole', () => {
    const result = parse(['X01', 'n'.repeat(300), 'c'.repeat(300), 'p'.repeat(500)]);
    expect(result?.issues).toEqual([]);
    expect(
      result?.rows.map((r) => [r.fullName.length, r.contact?.length, r.procedure?.length]),
    ).toEqual([[300, 300, 500]]);
  });

  it('refuses longer texts instead of cutting them, naming sheet, row and column', () => {
    const result = parse(['X01', 'n'.repeat(301), 'c'.repeat(301), 'p'.repeat(501)]);
    expect(result?.issues.map(formatIssue)).toEqual([
      'Trang "Danh sách", dòng 2, cột B (Họ và tên): dài 301 ký tự, tối đa 300 ký tự',
      'Trang "Danh sách", dòng 2, cột C (Liên hệ): dài 301 ký tự, tối đa 300 ký tự',
      'Trang "Danh sách", dòng 2, cột D (Thủ tục): dài 501 ký tự, tối đa 500 ký tự',
    ]);
  });
});
