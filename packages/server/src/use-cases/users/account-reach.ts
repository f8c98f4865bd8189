import { DomainError, ERROR_CODES, SECRETARIAT_ROLES, type Role } from '@chiso/core';

/**
 * Why an account may not be given by a unit's secretariat, or null when it may: the account
 * must belong inside the secretariat's subtree, and an account of a secretariat role must name
 * a unit (never the install's own secretariat). `reach` undefined: the install's, anything goes.
 */
export function accountOutOfReach(
  reach: ReadonlySet<string> | undefined,
  role: Role,
  unitId: string | null | undefined,
): string | null {
  if (reach === undefined) return null;
  if (!unitId) {
    return SECRETARIAT_ROLES.includes(role)
      ? 'tài khoản của cơ quan thường trực cấp tỉnh chỉ do quản trị cấp tỉnh tạo: hãy chọn đơn vị thuộc địa bàn của bạn ("Thuộc cơ quan thường trực của")'
      : 'hãy chọn đơn vị thuộc địa bàn của bạn';
  }
  return reach.has(unitId) ? null : `đơn vị mã "${unitId}" không thuộc địa bàn của bạn`;
}

/** FORBIDDEN, naming the field, when the account is out of the secretariat's reach. */
export function requireAccountInReach(
  reach: ReadonlySet<string> | undefined,
  role: Role,
  unitId: string | null | undefined,
): void {
  const message = accountOutOfReach(reach, role, unitId);
  if (message !== null) {
    throw new DomainError(
      ERROR_CODES.FORBIDDEN,
      'Bạn chỉ quản lý được tài khoản thuộc địa bàn của mình',
      [{ path: 'unitId', field: 'Đơn vị', message }],
    );
  }
}
