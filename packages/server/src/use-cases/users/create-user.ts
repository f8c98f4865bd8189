import {
  DomainError,
  ERROR_CODES,
  OFFICE_ROLES,
  passwordProblems,
  SECRETARIAT_ROLES,
  UNIT_ROLES,
  type PasswordOwner,
  type Role,
} from '@chiso/core';
import { findOffice } from '../../repositories/offices.js';
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
import { hashPassword } from '../../security/passwords.js';
import { authorizeIn, reachOf } from '../reach.js';
import { requireAccountInReach } from './account-reach.js';

export interface NewUser {
  username: string;
  fullName: string;
  password: string;
  role: Role;
  unitId?: string | null | undefined;
  officeId?: string | null | undefined;
  /** Empty text or null: no address. */
  email?: string | null | undefined;
}

/** An address as stored: trimmed, lower case, null for none. */
export function emailOf(email: string | null | undefined): string | null {
  const trimmed = (email ?? '').trim().toLowerCase();
  return trimmed === '' ? null : trimmed;
}

/** Where an account belongs: its unit, and for an office's staff its office in that unit. */
export interface RoleScope {
  unitId: string | null;
  officeId: string | null;
}

/**
 * Unit officers, heads and offices' staff belong to a unit, an office's staff also to one of
 * its active offices; the other roles to neither.
 */
export async function checkRoleScope(
  db: Db,
  role: Role,
  unitId: string | null | undefined,
  officeId: string | null | undefined,
): Promise<RoleScope> {
  const unit = await checkRoleUnit(db, role, unitId);
  if (!OFFICE_ROLES.includes(role) || unit === null) return { unitId: unit, officeId: null };
  if (!officeId) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Thiếu phòng, ban', [
      { path: 'officeId', message: 'cán bộ phòng, ban phải thuộc một phòng, ban của đơn vị' },
    ]);
  }
  const office = await findOffice(db, officeId);
  if (!office || office.unitId !== unit || !office.active) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Phòng, ban không hợp lệ', [
      { path: 'officeId', message: 'phòng, ban này không phải của đơn vị đã chọn hoặc đã ngừng' },
    ]);
  }
  return { unitId: unit, officeId };
}

/**
 * Unit officers and heads belong to a unit; a secretariat's account to the unit whose
 * secretariat it is, or to none (the install's); the other roles to none.
 */
export async function checkRoleUnit(
  db: Db,
  role: Role,
  unitId: string | null | undefined,
): Promise<string | null> {
  // A secretariat's account may name the unit whose secretariat it belongs to (decision 0024).
  if (!UNIT_ROLES.includes(role) && !(SECRETARIAT_ROLES.includes(role) && unitId)) return null;
  if (!unitId) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Thiếu đơn vị', [
      {
        path: 'unitId',
        message: 'cán bộ đầu mối, thủ trưởng và cán bộ phòng, ban phải thuộc một đơn vị',
      },
    ]);
  }
  if (!(await findUnit(db, unitId))) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Đơn vị không tồn tại', [
      { path: 'unitId', message: `không có đơn vị mã "${unitId}"` },
    ]);
  }
  return unitId;
}

/** The core's policy (decision 0036) wherever a password is set; each problem on `path`. */
export function checkPassword(password: string, owner: PasswordOwner, path = 'password'): void {
  const problems = passwordProblems(password, owner);
  if (problems.length > 0) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Mật khẩu chưa đạt yêu cầu',
      problems.map((message) => ({ path, message })),
    );
  }
}

/**
 * Creates an account (administrators only, or the command line without an actor). Audited. The
 * password meets the policy; unlike a reset, it need not be changed at first sign-in (0036).
 */
export async function createUser(
  ctx: UseCaseContext,
  input: NewUser,
  viaCommandLine = false,
): Promise<PublicUser> {
  if (!viaCommandLine) await authorizeIn(ctx, 'administer', 'ownSecretariat');
  checkPassword(input.password, input);
  const { db } = ctx.deps;
  const scope = await checkRoleScope(db, input.role, input.unitId, input.officeId);
  if (!viaCommandLine) requireAccountInReach(await reachOf(ctx), input.role, scope.unitId);
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
      ...scope,
      email: emailOf(input.email),
      passwordChangedAt: ctx.now,
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
