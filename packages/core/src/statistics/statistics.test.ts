import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { describeRule } from '../rules/describe-rule.js';
import { evaluateRule } from '../rules/evaluate-rule.js';
import { ruleSchema } from '../rules/rule-schema.js';
import type { Table } from '../tabular/table.js';
import {
  figuresOf,
  MEASURE_KEYS,
  MEASURE_LABELS,
  STATISTICS,
  STATISTIC_KEYS,
  statisticFacts,
} from './catalogue.js';
import {
  checkMapping,
  guessMapping,
  parseCount,
  readStatisticsTable,
  tableHeaders,
  type StatisticsMapping,
} from './statistics-table.js';

const UNITS = [
  { id: 'vb-huyen', name: 'UBND huyện Văn Bàn' },
  { id: 'xa-khanh-yen', name: 'UBND xã Khánh Yên Hạ' },
  { id: 'xa-tham-duong', name: 'UBND xã Thẩm Dương' },
];

/** A province's export: two title rows, the header row, units, a totals row. */
function exportTable(rows: Table['rows'] = []): Table {
  return {
    sheet: 'Thống kê',
    rows: [
      ['BÁO CÁO TÌNH HÌNH GIẢI QUYẾT TTHC', null, null, null, null],
      ['Kỳ báo cáo: 9 tháng năm 2022', null, null, null, null],
      [
        'Tên đơn vị',
        'Số hồ sơ tiếp nhận',
        'Số hồ sơ đã giải quyết',
        'Giải quyết đúng hạn',
        'Quá hạn',
        'Số TTHC có hồ sơ trực tuyến',
        'Tổng số TTHC',
      ],
      ...rows,
    ],
  };
}

describe('the statistics catalogue', () => {
  it('labels every measure and builds every statistic from two catalogued measures', () => {
    for (const key of MEASURE_KEYS) expect(MEASURE_LABELS[key]).toMatch(/^Số /);
    for (const key of STATISTIC_KEYS) {
      const { numerator, denominator, label } = STATISTICS[key];
      expect(MEASURE_KEYS).toContain(numerator);
      expect(MEASURE_KEYS).toContain(denominator);
      expect(label).toMatch(/^Tỷ lệ /);
    }
  });

  it('gives ratio facts from the figures (seed 000: 574 of 596 on time) or none when missing', () => {
    expect(statisticFacts('onTimeRate', { resolved: 596, resolvedOnTime: 574 })).toEqual({
      numerator: '574',
      denominator: '596',
    });
    expect(statisticFacts('onlineProcedureRate', { resolved: 596 })).toBeUndefined();
    expect(figuresOf({ resolved: 596, other: 3, late: 'x', resolvedLate: 1.5 })).toEqual({
      resolved: 596,
    });
  });

  it('scores a ratioBands leaf that names a statistic from those facts', () => {
    const rule = ruleSchema.parse({
      kind: 'ratioBands',
      statistic: 'onTimeRate',
      bands: [
        { minPercent: 100, points: 1 },
        { minPercent: 95, points: '0,5' },
      ],
    });
    const facts = statisticFacts('onTimeRate', { resolved: 596, resolvedOnTime: 574 });
    const outcome = evaluateRule(rule, facts, { maxPoints: Decimal.of('1'), pointsDecimals: 3 });
    expect(outcome.status === 'scored' && outcome.points.toString()).toBe('0.5');
    expect(describeRule(rule, Decimal.of('1'))).toContain(
      'theo số liệu thống kê TTHC: Tỷ lệ hồ sơ giải quyết đúng hạn',
    );
    expect(() => ruleSchema.parse({ kind: 'proportional', statistic: 'nope' })).toThrow();
  });
});

describe('reading a statistics export', () => {
  it('reads whole numbers with thousands separators (seed 000: 22.855 of 23.067)', () => {
    expect(parseCount('22.855')).toBe(22855);
    expect(parseCount('23,067')).toBe(23067);
    expect(parseCount(' 1 234 ')).toBe(1234);
    expect(parseCount(596)).toBe(596);
    for (const bad of ['12,5', '1.5', '-3', 'mười', '1.23', 2.5, true, null]) {
      expect(parseCount(bad)).toBeUndefined();
    }
  });

  it('finds the header row below the titles, guesses the mapping and keys it by the headers', () => {
    const table = exportTable();
    const headers = tableHeaders(table);
    expect(headers.headerRow).toBe(3);
    expect(guessMapping(headers)).toEqual({
      headerRow: 3,
      columns: {
        A: 'unit',
        B: 'received',
        C: 'resolved',
        D: 'resolvedOnTime',
        E: 'resolvedLate',
        F: 'proceduresOnline',
        G: 'procedures',
      },
    });
    expect(headers.headerKey).toBe(
      'A=ten don vi|B=so ho so tiep nhan|C=so ho so da giai quyet|D=giai quyet dung han|E=qua han|F=so tthc co ho so truc tuyen|G=tong so tthc',
    );
    expect(tableHeaders(exportTable([['x']]), 3).headerKey).toBe(headers.headerKey);
  });

  it('guesses postal and online columns as provinces name them', () => {
    const table: Table = {
      sheet: 'S',
      rows: [
        [
          'Đơn vị',
          'Hồ sơ tiếp nhận trực tuyến',
          'Hồ sơ tiếp nhận qua dịch vụ BCCI (bưu chính)',
          'Kết quả trả qua bưu chính',
          'Số TTHC có hồ sơ qua bưu chính',
        ],
      ],
    };
    expect(guessMapping(tableHeaders(table)).columns).toEqual({
      A: 'unit',
      B: 'receivedOnline',
      C: 'receivedByPost',
      D: 'resultsByPost',
      E: 'proceduresByPost',
    });
  });

  it('matches units by id or by name without diacritics, skipping blank and totals rows', () => {
    const table = exportTable([
      ['UBND huyen Van Ban', 600, 596, 574, 22, 37, 301],
      [null, null, null, null, null, null, null],
      ['xa-khanh-yen', '23.100', '23.067', '22.855', '212', null, null],
      ['Tổng cộng', '23.700', '23.663', '23.429', '234', 37, 301],
    ]);
    const { rows, issues } = readStatisticsTable(table, guessMapping(tableHeaders(table)), UNITS);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        unitId: 'vb-huyen',
        row: 4,
        figures: {
          received: 600,
          resolved: 596,
          resolvedOnTime: 574,
          resolvedLate: 22,
          proceduresOnline: 37,
          procedures: 301,
        },
      },
      {
        unitId: 'xa-khanh-yen',
        row: 6,
        figures: { received: 23100, resolved: 23067, resolvedOnTime: 22855, resolvedLate: 212 },
      },
    ]);
  });

  it('names sheet, row, column and header for a bad cell, an unknown unit, a part above its whole', () => {
    const table = exportTable([
      ['Văn Bàn', 600, 596, '574,5', 22, 37, 301],
      ['Xã Không Có', 1, 1, 1, 0, 0, 1],
      ['Thẩm Dương', 10, 9, 10, 0, 40, 30],
      ['Văn Bàn', 1, 1, 1, 0, 0, 1],
    ]);
    const { rows, issues } = readStatisticsTable(table, guessMapping(tableHeaders(table)), UNITS);
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      {
        sheet: 'Thống kê',
        row: 4,
        column: 'D',
        field: 'Giải quyết đúng hạn',
        message: '"574,5" không phải là số nguyên không âm (Số hồ sơ đã giải quyết đúng hạn)',
      },
      {
        sheet: 'Thống kê',
        row: 5,
        column: 'A',
        field: 'Tên đơn vị',
        message: 'Không tìm thấy đơn vị "Xã Không Có" trong các đơn vị tham gia kỳ đánh giá',
      },
      {
        sheet: 'Thống kê',
        row: 6,
        column: 'D',
        field: 'Giải quyết đúng hạn',
        message: 'Số hồ sơ đã giải quyết đúng hạn (10) lớn hơn Số hồ sơ đã giải quyết (9)',
      },
      {
        sheet: 'Thống kê',
        row: 6,
        column: 'F',
        field: 'Số TTHC có hồ sơ trực tuyến',
        message: 'Số TTHC có hồ sơ trực tuyến (40) lớn hơn Số TTHC thực hiện (30)',
      },
      {
        sheet: 'Thống kê',
        row: 7,
        column: 'A',
        field: 'Tên đơn vị',
        message: 'Đơn vị "Văn Bàn" đã có ở dòng 4',
      },
    ]);
  });

  it('refuses a mapping without a unit column or with a measure twice', () => {
    const mapping: StatisticsMapping = { headerRow: 1, columns: { B: 'resolved', C: 'resolved' } };
    expect(checkMapping(mapping, 'S').map((issue) => issue.message)).toEqual([
      'Số hồ sơ đã giải quyết đã được gán cho cột B; mỗi chỉ tiêu chỉ một cột',
      'Chưa chọn cột đơn vị (mã hoặc tên đơn vị)',
    ]);
  });
});
