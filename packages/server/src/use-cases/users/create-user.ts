import { DomainError, ERROR_CODES, UNIT_ROLES, type Role } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { findUnit } from '../../repositories/units.js';
import {
  findUserByUsername,
  insertUser,
  presentUser,
  type PublicUser,
} from '../../repositories/users.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../security/passwords.js';
import { authorize } from '../authorize.js';

export interface NewUser {
  username: string;
  fullName: string;
  password: string;
  role: Role;
  unitId?: string | null | undefined;
  /** Empty text or null: no address. */
  email?: string | null | undefined;
}

/** An address as stored: trimmed, lower case, null for none. */
export function emailOf(email: string | null | undefined): string | null {
  const trimmed = (email ?? '').trim().toLowerCase();
  return trimmed === '' ? null : trimmed;
}

/** Unit officers and heads belong to a unit; the other roles to none. */
export async function checkRoleUnit(
  db: Db,
  role: Role,
  unitId: string | null | undefined,
): Promise<string | null> {
  if (!UNIT_ROLES.includes(role)) return null;
  if (!unitId) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Thiếu đơn vị', [
      { path: 'unitId', message: 'cán bộ đầu mối và thủ trưởng phải thuộc một đơn vị' },
    ]);
  }
  if (!(await findUnit(db, unitId))) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Đơn vị không tồn tại', [
      { path: 'unitId', message: `không có đơn vị mã "${unitId}"` },
    ]);
  }
  return unitId;
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Mật khẩu quá ngắn', [
      { path: 'password', message: `mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự` },
    ]);
  }
}

/** Creates an account (administrators only, or the command line without an actor). Audited. */
export async function createUser(
  ctx: UseCaseContext,
  input: NewUser,
  viaCommandLine = false,
): Promise<PublicUser> {
  if (!viaCommandLine) authorize(ctx, 'administer');
  checkPassword(input.password);
  const { db } = ctx.deps;
  const unitId = await checkRoleUnit(db, input.role, input.unitId);
  if (await findUserByUsername(db, input.username)) {
    throw new DomainError(
      ERROR_CODES.CONFLICT,
      `Tên đăng nhập "${input.username}" đã có người dùng`,
    );
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const row = await insertUser(tx, {
      username: input.username,
      fullName: input.fullName,
      passwordHash,
      role: input.role,
      unitId,
      email: emailOf(input.email),
    });
    const user = presentUser(row);
    await recordAudit(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: user,
    });
    return user;
  });
}
