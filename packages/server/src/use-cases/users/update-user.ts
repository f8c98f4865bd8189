import { DomainError, ERROR_CODES, type Role } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { deleteSessionsOfUser } from '../../repositories/sessions.js';
import {
  countActiveAdministrators,
  findUserById,
  presentUser,
  updateUser as writeUser,
  type PublicUser,
} from '../../repositories/users.js';
import { hashPassword } from '../../security/passwords.js';
import { authorizeIn, reachOf } from '../reach.js';
import { requireAccountInReach } from './account-reach.js';
import { checkPassword, checkRoleScope, emailOf } from './create-user.js';

export interface UserChanges {
  fullName?: string | undefined;
  role?: Role | undefined;
  unitId?: string | null | undefined;
  officeId?: string | null | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
  email?: string | null | undefined;
}

/**
 * Changes an account. A new password or a disabled account ends its sessions; the last active
 * administrator cannot be disabled or demoted. Audited (never the password itself). A password
 * reset for someone else is checked by the policy and must be changed at its owner's next sign-in.
 */
export async function updateUser(
  ctx: UseCaseContext,
  id: string,
  changes: UserChanges,
): Promise<PublicUser> {
  await authorizeIn(ctx, 'administer', 'ownSecretariat');
  const { db } = ctx.deps;
  const before = await findUserById(db, id);
  if (!before) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy tài khoản');
  // A unit's secretariat changes only accounts of its subtree, and keeps them there.
  const reach = await reachOf(ctx);
  requireAccountInReach(reach, presentUser(before).role, before.unitId);
  const role = changes.role ?? presentUser(before).role;
  const unitId = changes.unitId === undefined ? before.unitId : changes.unitId;
  const scope = await checkRoleScope(
    db,
    role,
    unitId,
    changes.officeId === undefined && unitId === before.unitId ? before.officeId : changes.officeId,
  );
  requireAccountInReach(reach, role, scope.unitId);
  if (changes.password !== undefined)
    checkPassword(changes.password, {
      username: before.username,
      fullName: changes.fullName ?? before.fullName,
    });
  // A password set for someone else is the administrator's: its owner must change it (0036).
  const mustChange = changes.password !== undefined && ctx.actor?.userId !== id;
  const passwordHash =
    changes.password === undefined ? undefined : await hashPassword(changes.password);
  return db.transaction(async (tx) => {
    const losingAdmin =
      before.role === 'administrator' && (role !== 'administrator' || changes.active === false);
    if (losingAdmin && before.active && (await countActiveAdministrators(tx)) <= 1) {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        'Không thể bỏ quyền hoặc khóa tài khoản quản trị cuối cùng',
      );
    }
    const row = await writeUser(tx, id, {
      ...(changes.fullName === undefined ? {} : { fullName: changes.fullName }),
      role,
      ...scope,
      ...(changes.active === undefined ? {} : { active: changes.active }),
      ...(changes.email === undefined ? {} : { email: emailOf(changes.email) }),
      ...(passwordHash === undefined
        ? {}
        : { passwordHash, passwordChangedAt: ctx.now, mustChangePassword: mustChange }),
    });
    if (!row) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy tài khoản');
    if (passwordHash !== undefined || changes.active === false) await deleteSessionsOfUser(tx, id);
    const after = presentUser(row);
    await recordAudit(tx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: presentUser(before),
      after: {
        ...after,
        ...(passwordHash === undefined
          ? {}
          : { passwordChanged: true, mustChangePassword: mustChange }),
      },
    });
    return after;
  });
}
