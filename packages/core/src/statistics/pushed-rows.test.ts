import { describe, expect, it } from 'vitest';
import { readPushedStatistics } from './pushed-rows.js';

const UNITS = [
  { id: 'H01', name: 'UBND huyện Nam Sách' },
  { id: 'H02', name: 'UBND huyện Kim Thành' },
];

describe('pushed statistics rows', () => {
  it('takes the figures of participants, by measure key', () => {
    const { rows, issues } = readPushedStatistics(
      [{ unitId: 'H01', resolved: 596, resolvedOnTime: 574 }],
      UNITS,
    );
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { unitId: 'H01', row: 1, figures: { resolved: 596, resolvedOnTime: 574 } },
    ]);
  });

  it('names the row and the field of every problem, as the file import does', () => {
    const { issues } = readPushedStatistics(
      [
        { unitId: 'H01', resolved: 10, resolvedOnTime: 11 },
        { unitId: 'X9', resolved: 1 },
        { unitId: 'H02', resolved: -1, received: 2.5 },
        { unitId: 'H01', resolved: 1 },
        { unitId: 'H02' },
      ],
      UNITS,
    );
    expect(issues).toEqual([
      {
        path: 'rows[0].resolvedOnTime',
        field: 'Số hồ sơ đã giải quyết đúng hạn',
        message: 'Dòng 1: Số hồ sơ đã giải quyết đúng hạn (11) lớn hơn Số hồ sơ đã giải quyết (10)',
      },
      {
        path: 'rows[1].unitId',
        field: 'Mã đơn vị',
        message: 'Dòng 2: đơn vị "X9" không tham gia kỳ đánh giá',
      },
      {
        path: 'rows[2].received',
        field: 'Số hồ sơ tiếp nhận',
        message: 'Dòng 3: 2.5 không phải là số nguyên không âm (Số hồ sơ tiếp nhận)',
      },
      {
        path: 'rows[2].resolved',
        field: 'Số hồ sơ đã giải quyết',
        message: 'Dòng 3: -1 không phải là số nguyên không âm (Số hồ sơ đã giải quyết)',
      },
      {
        path: 'rows[3].unitId',
        field: 'Mã đơn vị',
        message: 'Dòng 4: đơn vị "H01" đã có ở dòng 1',
      },
      {
        path: 'rows[4].unitId',
        field: 'Mã đơn vị',
        message: 'Dòng 5: đơn vị "H02" đã có ở dòng 3',
      },
    ]);
  });
});
