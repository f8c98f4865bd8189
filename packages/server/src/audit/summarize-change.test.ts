import { describe, expect, it } from 'vitest';
import { summarizeChange } from './summarize-change.js';

describe('summarizeChange', () => {
  it('reads a change of points and state in Vietnamese, decimals with a comma', () => {
    expect(
      summarizeChange({ status: 'draft', points: 1.5 }, { status: 'submitted', points: 2 }),
    ).toBe('trạng thái: draft → submitted; điểm: 1,5 → 2');
  });

  it('names the account-security fields and their codes in words, not their stored names', () => {
    expect(summarizeChange(null, { method: 'totp' })).toBe(
      'cách xác thực: mã từ ứng dụng xác thực',
    );
    expect(summarizeChange(null, { secondFactor: 'pending' })).toBe(
      'bước thứ hai: chờ mã xác thực',
    );
    expect(
      summarizeChange(
        { mustChangePassword: true },
        { passwordChanged: true, otherSessionsEnded: true },
      ),
    ).toBe('phải đổi mật khẩu: có → bỏ; đã đổi mật khẩu: có; các phiên khác đã kết thúc: có');
    expect(summarizeChange(null, { method: 'recoveryCode', recoveryCodesLeft: 9 })).toBe(
      'cách xác thực: mã khôi phục; mã khôi phục còn lại: 9',
    );
  });

  it('keeps an unknown field by its stored name and a code of another field as it is', () => {
    expect(summarizeChange(null, { somethingNew: 'totp' })).toBe('somethingNew: totp');
  });
});
