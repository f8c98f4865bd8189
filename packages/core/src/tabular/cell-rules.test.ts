import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { parseAccountsTable } from './accounts-table.js';
import {
  CELL_MAX_LENGTH,
  cellRuleSteps,
  checkCellRules,
  controlCharacterOf,
} from './cell-rules.js';
import type { Table } from './table.js';
import { parseUnitsTable, unitsTableSteps } from './units-table.js';

const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.issues;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('cell rules of imports', () => {
  it('refuses control characters and over-long cells, naming sheet, row and column', () => {
    const table: Table = {
      sheet: 'Đơn vị',
      rows: [
        ['Mã', 'Tên đơn vị', 'Loại'],
        ['SNV', 'Sở Nội vụ\u0007', 'sở'],
        ['SYT', 'x'.repeat(CELL_MAX_LENGTH + 1), 'sở'],
        ['STP', 'Sở Tư pháp\ndòng hai\tcột', 'sở'],
      ],
    };
    expect(checkCellRules([table])).toEqual([
      {
        sheet: 'Đơn vị',
        row: 2,
        column: 'B',
        message: 'ô chứa ký tự điều khiển U+0007, không được phép',
      },
      {
        sheet: 'Đơn vị',
        row: 3,
        column: 'B',
        message: 'ô dài 20.001 ký tự, quá giới hạn 20.000 ký tự',
      },
    ]);
    expect(controlCharacterOf('a\u0000b')).toBe('U+0000');
    expect(controlCharacterOf('tab\tand\r\nlines')).toBeUndefined();
  });

  it('yields while checking many rows', () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => [`ô ${i}`]);
    const steps = cellRuleSteps([{ sheet: 'S', rows }]);
    const yielded: number[] = [];
    for (let next = steps.next(); ; next = steps.next()) {
      if (next.done) {
        expect(next.value).toEqual([]);
        break;
      }
      yielded.push(next.value);
    }
    expect(yielded).toEqual([5000, 10_000]);
  });

  it('applies the API limits of unit names and account names', () => {
    const units: Table = {
      sheet: 'dv.csv',
      rows: [
        ['Mã', 'Tên đơn vị', 'Loại'],
        ['SNV', 'S'.repeat(301), 'sở'],
      ],
    };
    expect(issuesOf(() => parseUnitsTable(units))).toEqual([
      {
        sheet: 'dv.csv',
        row: 2,
        column: 'B',
        field: 'Tên đơn vị',
        message: 'dài 301 ký tự, tối đa 300 ký tự',
      },
    ]);
    const accounts: Table = {
      sheet: 'tk.csv',
      rows: [
        ['Tên đăng nhập', 'Họ và tên', 'Vai trò'],
        ['cb.a', 'H'.repeat(201), 'người xem'],
      ],
    };
    expect(issuesOf(() => parseAccountsTable(accounts))).toEqual([
      {
        sheet: 'tk.csv',
        row: 2,
        column: 'B',
        field: 'Họ và tên',
        message: 'dài 201 ký tự, tối đa 200 ký tự',
      },
    ]);
  });

  it('reads units in steps with the same answer as at once', () => {
    const rows = [
      ['Mã', 'Tên đơn vị', 'Loại'],
      ...Array.from({ length: 4500 }, (_, i) => [`X${i}`, `Xã ${i}`, 'xã']),
    ];
    const steps = unitsTableSteps({ sheet: 'S', rows }, new Set(), 2000);
    const yielded: number[] = [];
    let next = steps.next();
    for (; !next.done; next = steps.next()) yielded.push(next.value);
    expect(yielded).toEqual([2000, 4000]);
    expect(next.value).toHaveLength(4500);
  });
});
