import { ROLES } from '@chiso/core';
import { z } from 'zod';
import { isoDateTime } from './common.js';

export const loginBody = z.object({
  username: z.string().trim().min(1, 'nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'nhập mật khẩu').max(200),
});

/** Who is signed in, as the web app keeps it. */
export const sessionUser = z.strictObject({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  /** An administrator set the password: nothing else opens until its owner changes it (0036). */
  mustChangePassword: z.boolean(),
});

/** A signed-in session: the person, the CSRF token to echo on changes, when it ends. */
export const signedInResponse = z.strictObject({
  user: sessionUser,
  csrfToken: z.string(),
  expiresAt: isoDateTime,
});

/**
 * The password was right but the account has two-factor sign-in: the session opens nothing but
 * POST /auth/totp/verify (and sign-out) until a code completes it (decision 0036).
 */
export const pendingSecondFactorResponse = z.strictObject({
  user: z.null(),
  csrfToken: z.string(),
  expiresAt: isoDateTime,
  secondFactor: z.literal('totp'),
});

/** POST /auth/login: signed in, or waiting for the second factor. */
export const loginResponse = z.union([signedInResponse, pendingSecondFactorResponse]);

/** GET /auth/session: the same, or nulls for a visitor without an account (200, not 401). */
export const sessionResponse = z.union([
  signedInResponse,
  pendingSecondFactorResponse,
  z.strictObject({ user: z.null(), csrfToken: z.null(), expiresAt: z.null() }),
]);

export type LoginBody = z.input<typeof loginBody>;
export type SessionUser = z.output<typeof sessionUser>;
export type SignedIn = z.output<typeof signedInResponse>;
export type LoginResponse = z.output<typeof loginResponse>;
export type PendingSecondFactor = z.output<typeof pendingSecondFactorResponse>;
export type Session = z.output<typeof sessionResponse>;
