import { describe, expect, it } from 'vitest';
import { DomainError, formatIssue } from '../errors.js';
import { parseAccountsTable, roleOf } from './accounts-table.js';
import type { Cell } from './table.js';

const HEADER: Cell[] = ['STT', 'Tên đăng nhập', 'Họ và tên', 'Vai trò', 'Mã đơn vị'];
const parse = (rows: Cell[][]) => parseAccountsTable({ sheet: 'Tài khoản', rows });
const rejection = (rows: Cell[][]) => {
  try {
    parse(rows);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).issues.map(formatIssue);
  }
  throw new Error('expected the table to be rejected');
};

describe('parseAccountsTable', () => {
  it('reads roles as offices write them, under a title line', () => {
    const accounts = parse([
      ['DANH SÁCH TÀI KHOẢN'],
      HEADER,
      [1, 'CB.SNV', 'Nguyễn Thị Lan', 'Cán bộ đầu mối', 'SNV'],
      [2, 'tt.snv', 'Trần Văn Hùng', 'Thủ trưởng', 'SNV'],
      [3, 'td1', 'Đỗ Thị Thẩm', 'Thành viên Tổ thẩm định', null],
      [],
      [4, 'hd1', 'Vũ Đức Hội', 'councilMember', ''],
    ]);
    expect(accounts).toEqual([
      {
        username: 'cb.snv',
        fullName: 'Nguyễn Thị Lan',
        role: 'unitOfficer',
        unitId: 'SNV',
        email: undefined,
        row: 3,
      },
      {
        username: 'tt.snv',
        fullName: 'Trần Văn Hùng',
        role: 'unitHead',
        unitId: 'SNV',
        email: undefined,
        row: 4,
      },
      {
        username: 'td1',
        fullName: 'Đỗ Thị Thẩm',
        role: 'appraiser',
        unitId: undefined,
        email: undefined,
        row: 5,
      },
      {
        username: 'hd1',
        fullName: 'Vũ Đức Hội',
        role: 'councilMember',
        unitId: undefined,
        email: undefined,
        row: 7,
      },
    ]);
  });

  it('reads an optional e-mail column and names a bad address', () => {
    const header = [...HEADER, 'Thư điện tử'];
    const accounts = parse([
      header,
      [1, 'cb.snv', 'Nguyễn Thị Lan', 'Cán bộ đầu mối', 'SNV', 'lan.nt@snv.hoaan.gov.vn'],
      [2, 'td1', 'Đỗ Thị Thẩm', 'Thẩm định', null, ''],
    ]);
    expect(accounts.map((a) => a.email)).toEqual(['lan.nt@snv.hoaan.gov.vn', undefined]);
    expect(
      rejection([header, [1, 'cb.snv', 'Nguyễn Thị Lan', 'Cán bộ đầu mối', 'SNV', 'lan.nt@snv']]),
    ).toEqual([
      'Trang "Tài khoản", dòng 2, cột F (Thư điện tử): địa chỉ thư điện tử "lan.nt@snv" không hợp lệ (ví dụ: ten@donvi.gov.vn)',
    ]);
  });

  it('names every bad cell and returns nothing', () => {
    expect(
      rejection([
        HEADER,
        [1, 'cb snv', 'Nguyễn Thị Lan', 'Cán bộ đầu mối', 'SNV'],
        [2, 'tt.snv', '', 'Thủ trưởng', null],
        [3, 'tt.snv', 'Trần Văn Hùng', 'Giám đốc', 'SNV'],
      ]),
    ).toEqual([
      'Trang "Tài khoản", dòng 2, cột B (Tên đăng nhập): tên đăng nhập "cb snv" cần 3–60 ký tự: chữ không dấu, số, ".", "_", "-"',
      'Trang "Tài khoản", dòng 3, cột C (Họ và tên): thiếu họ và tên',
      'Trang "Tài khoản", dòng 3, cột E (Mã đơn vị): cán bộ đầu mối và thủ trưởng phải có mã đơn vị',
      'Trang "Tài khoản", dòng 4, cột B (Tên đăng nhập): tên đăng nhập "tt.snv" trùng với dòng 3',
      'Trang "Tài khoản", dòng 4, cột D (Vai trò): vai trò "Giám đốc" không rõ (quản trị, cán bộ đầu mối, thủ trưởng, thẩm định, hội đồng, người xem)',
    ]);
  });

  it('says which columns it looked for when there is no header', () => {
    expect(rejection([['a', 'b']])[0]).toMatch(/không tìm thấy dòng tiêu đề: cần .*Tên đăng nhập/);
  });

  it('refuses an empty list', () => {
    expect(rejection([HEADER])).toEqual(['Trang "Tài khoản": bảng không có tài khoản nào']);
  });
});

describe('roleOf', () => {
  it('knows the role codes and the Vietnamese words', () => {
    expect(roleOf('administrator')).toBe('administrator');
    expect(roleOf('Quản trị')).toBe('administrator');
    expect(roleOf('Hội đồng')).toBe('councilMember');
    expect(roleOf('Người xem')).toBe('viewer');
    expect(roleOf('Phó giám đốc')).toBeUndefined();
  });

  it('checks a first password the administrator wrote by the policy, naming row and column', () => {
    const header = [...HEADER, 'Mật khẩu'];
    expect(
      rejection([
        header,
        [1, 'cb.snv', 'Nguyễn Thị Lan', 'Cán bộ đầu mối', 'SNV', 'ngan'],
        [2, 'tt.snv', 'Trần Văn Hùng', 'Thủ trưởng', 'SNV', 'matkhau@2025'],
        [3, 'td1', 'Đỗ Thị Thẩm', 'Thẩm định', null, 'td1-rat-kho-doan'],
        [4, 'td2', 'Lê Văn Định', 'Thẩm định', null, 'sông Hồng mùa lũ'],
      ]),
    ).toEqual([
      'Trang "Tài khoản", dòng 2, cột F (Mật khẩu): mật khẩu cần ít nhất 10 ký tự (mới có 4)',
      'Trang "Tài khoản", dòng 3, cột F (Mật khẩu): mật khẩu này phổ biến hoặc đã bị lộ trong các vụ rò rỉ dữ liệu; hãy chọn mật khẩu khác',
      'Trang "Tài khoản", dòng 4, cột F (Mật khẩu): mật khẩu không được chứa tên đăng nhập',
    ]);
    const [account] = parse([
      header,
      [1, 'td2', 'Lê Văn Định', 'Thẩm định', null, 'sông Hồng mùa lũ'],
    ]);
    expect(account?.password).toBe('sông Hồng mùa lũ');
  });
});
