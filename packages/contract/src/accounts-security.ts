import { z } from 'zod';
import { isoDateTime } from './common.js';

// One's own password and two-factor sign-in (issue 13 item 5, decision 0036).

/** POST /auth/password: the current password, then the new one (checked by the core's policy). */
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, 'nhập mật khẩu hiện tại').max(200),
  newPassword: z.string().min(1, 'nhập mật khẩu mới').max(200),
});

/** A six-digit code as the authenticator app shows it ("123 456" too). */
const totpCode = z
  .string()
  .trim()
  .regex(/^\d{3} ?\d{3}$/, 'mã xác thực gồm 6 chữ số');

/** GET /auth/totp: where the signed-in person's two-factor sign-in stands. */
export const totpStatusResponse = z.strictObject({
  /** The person's role may use it (administrators, appraisers, council members). */
  offered: z.boolean(),
  enabled: z.boolean(),
  enabledAt: isoDateTime.nullable(),
  recoveryCodesLeft: z.number().int(),
});

/** POST /auth/totp/setup: a new secret to scan; two-factor is on only after /enable. */
export const totpSetupResponse = z.strictObject({
  secret: z.string(),
  otpauthUri: z.string(),
});

export const totpEnableBody = z.strictObject({ code: totpCode });

/** The recovery codes, shown once: only their SHA-256 is kept. */
export const totpEnabledResponse = z.strictObject({
  enabledAt: isoDateTime,
  recoveryCodes: z.array(z.string()),
});

/** POST /auth/totp/verify: the code of the app, or one recovery code. */
export const totpVerifyBody = z.union([
  z.strictObject({ code: totpCode }),
  z.strictObject({
    recoveryCode: z.string().trim().min(1, 'nhập mã khôi phục').max(40),
  }),
]);

/** POST /auth/totp/disable: one's own, with a current code. */
export const totpDisableBody = z.strictObject({ code: totpCode });

export type ChangePasswordBody = z.input<typeof changePasswordBody>;
export type TotpStatus = z.output<typeof totpStatusResponse>;
export type TotpSetup = z.output<typeof totpSetupResponse>;
export type TotpEnabled = z.output<typeof totpEnabledResponse>;
export type TotpVerifyBody = z.input<typeof totpVerifyBody>;
