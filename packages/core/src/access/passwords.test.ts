import { describe, expect, it } from 'vitest';
import {
  isCommonPassword,
  passwordProblems,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from './passwords.js';

const owner = { username: 'nguyen.an', fullName: 'Nguyễn Văn An' };

describe('passwordProblems', () => {
  it('takes a long passphrase, with spaces and Vietnamese letters', () => {
    expect(passwordProblems('đồng lúa chín vàng ven sông', owner)).toEqual([]);
    expect(passwordProblems('Tr4m-con-voi-bay', owner)).toEqual([]);
    expect(passwordProblems('x'.repeat(3) + 'yz-0123456', owner)).toEqual([]);
  });

  it('counts characters as people see them and bounds the length', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(passwordProblems('ngắn quá', owner)).toEqual([
      'mật khẩu cần ít nhất 10 ký tự (mới có 8)',
    ]);
    // "ồ" written as o + two combining marks is still one character.
    expect(passwordProblems('o\u0302\u0300ng-lua-c', owner)).toEqual([
      'mật khẩu cần ít nhất 10 ký tự (mới có 9)',
    ]);
    expect(passwordProblems('a1b2c3d4e5'.repeat(13), owner)).toEqual([
      `mật khẩu dài quá ${PASSWORD_MAX_LENGTH} ký tự (có 130)`,
    ]);
    expect(passwordProblems('a1b2c3d4e5'.repeat(12) + 'f6g7h8i9', owner)).toEqual([]);
  });

  it('refuses the username and the full name, inside the password or as it', () => {
    expect(passwordProblems('Nguyen.An@NguyenVanAn', owner)).toEqual([
      'mật khẩu không được chứa tên đăng nhập',
      'mật khẩu không được là hay chứa họ và tên của bạn',
    ]);
    expect(passwordProblems('nguyen.an-2025!', owner)).toEqual([
      'mật khẩu không được chứa tên đăng nhập',
    ]);
    expect(passwordProblems('NguyenVanAn@hoaan', owner)).toEqual([
      'mật khẩu không được là hay chứa họ và tên của bạn',
    ]);
    expect(
      passwordProblems('tranthihoa', { username: 'hoa.tran', fullName: 'Trần Thị Hoa Mai' }),
    ).toEqual(['mật khẩu không được là hay chứa họ và tên của bạn']);
  });

  it('refuses common and leaked passwords, case and separators aside', () => {
    for (const common of ['qwertyuiop', '1234567890', 'Password123', 'Q1W2E3R4T5', 'basketball']) {
      expect(passwordProblems(common, owner), common).toEqual([
        'mật khẩu này phổ biến hoặc đã bị lộ trong các vụ rò rỉ dữ liệu; hãy chọn mật khẩu khác',
      ]);
    }
  });

  it('refuses Vietnamese habits: matkhau, chiso, abc@123 and years', () => {
    for (const common of [
      'matkhau123',
      'Mật khẩu 123',
      'mat-khau@2025',
      'chiso@2025',
      'chiso2025!',
      'cchc@12345',
      '123456a@123',
      'abc@123456',
      'anhyeuem2024',
      'ubndtinh@123',
    ]) {
      expect(isCommonPassword(common), common).toBe(true);
    }
    // The shorter ones are refused by length before the list is read.
    for (const short of ['matkhau', '123456a@', 'abc@123', 'chiso2025']) {
      expect(passwordProblems(short, owner)[0], short).toMatch(/^mật khẩu cần ít nhất 10 ký tự/);
    }
  });

  it('refuses a password of too few different characters', () => {
    expect(passwordProblems('aaaaaaaaaaaa', owner)).toEqual([
      'mật khẩu lặp lại quá ít ký tự khác nhau (ví dụ "aaaaaaaaaa", "1212121212")',
    ]);
    expect(passwordProblems('!@#$%^&*()-+', owner)).toEqual([]);
  });
});
