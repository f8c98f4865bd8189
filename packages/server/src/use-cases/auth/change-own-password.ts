import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { deleteOtherSessions, setOwnPassword } from '../../repositories/second-factor.js';
import { findUserById } from '../../repositories/users.js';
import { hashPassword, verifyPassword } from '../../security/passwords.js';
import { requireActor } from '../authorize.js';
import { checkPassword } from '../users/create-user.js';
import { claimCodeAttempt, releaseCodeAttempt } from './code-attempts.js';

/**
 * One's own new password (decision 0036): the current one checked (counted like sign-in), the
 * new one by the policy; every other session of the account ends, this one stays. Audited,
 * without either password.
 */
export async function changeOwnPassword(
  ctx: UseCaseContext,
  sessionHash: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = requireActor(ctx);
  const { db } = ctx.deps;
  const user = await findUserById(db, actor.userId);
  if (!user) throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Phiên đăng nhập đã hết');
  checkPassword(input.newPassword, user, 'newPassword');
  const claim = await claimCodeAttempt(
    ctx,
    [`password-change:account:${user.id}`],
    'mật khẩu hiện tại',
  );
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAudit(db, ctx, {
      action: 'auth.password.change.failed',
      entityType: 'user',
      entityId: user.id,
    });
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Mật khẩu hiện tại không đúng', [
      { path: 'currentPassword', message: 'mật khẩu hiện tại không đúng' },
    ]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Mật khẩu chưa đạt yêu cầu', [
      { path: 'newPassword', message: 'mật khẩu mới phải khác mật khẩu hiện tại' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await releaseCodeAttempt(tx, claim);
    await setOwnPassword(tx, user.id, passwordHash, ctx.now);
    await deleteOtherSessions(tx, user.id, sessionHash);
    await recordAudit(tx, ctx, {
      action: 'auth.password.change',
      entityType: 'user',
      entityId: user.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { passwordChanged: true, otherSessionsEnded: true },
    });
  });
}
