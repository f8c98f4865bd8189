import { createHash, randomInt } from 'node:crypto';
import { DomainError, ERROR_CODES, SECOND_FACTOR_ROLES, type Role } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { findUserById, type UserRow } from '../../repositories/users.js';
import { spendTotpStep } from '../../repositories/second-factor.js';
import { matchTotp } from '../../security/totp.js';
import { requireActor } from '../authorize.js';

/** How many recovery codes an enrolment gives, each good once. */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export const WRONG_CODE =
  'không đúng, đã hết hạn hoặc đã được dùng; hãy nhập mã mới đang hiện trên ứng dụng';

/** The signed-in person's row, when their role is offered two-factor sign-in (0036). */
export async function offeredAccount(ctx: UseCaseContext): Promise<UserRow> {
  const actor = requireActor(ctx);
  if (!isOffered(actor.role)) {
    throw new DomainError(
      ERROR_CODES.FORBIDDEN,
      'Xác thực hai bước dành cho quản trị viên, thành viên Tổ thẩm định và thành viên Hội đồng',
    );
  }
  const user = await findUserById(ctx.deps.db, actor.userId);
  if (!user) throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Phiên đăng nhập đã hết');
  return user;
}

export function isOffered(role: Role): boolean {
  return SECOND_FACTOR_ROLES.includes(role);
}

/** A code of the account's app, its step spent so that it cannot be used again; else 400. */
export async function spendCode(ctx: UseCaseContext, user: UserRow, code: string): Promise<void> {
  const step = user.totpSecret ? matchTotp(user.totpSecret, code, ctx.now) : undefined;
  if (step === undefined || !(await spendTotpStep(ctx.deps.db, user.id, step))) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Mã xác thực không đúng', [
      { path: 'code', message: WRONG_CODE },
    ]);
  }
}

/** Ten codes like "k7m2p-q9x4a", typed without look-alikes (no l/1, o/0). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
}

/** The SHA-256 kept of a recovery code, as typed in any case, with or without its dash. */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');
}
