import { ROLES } from '@chiso/core';
import { z } from 'zod';
import { uuidOf } from './common.js';

const unitRef = z.string().trim().min(1).nullable().optional();
/** Where reminders are e-mailed; empty or null for none. */
const emailRef = z
  .string()
  .trim()
  .max(200)
  .pipe(
    z.union([z.literal(''), z.email('địa chỉ thư điện tử không hợp lệ (ví dụ: ten@donvi.gov.vn)')]),
  )
  .nullable()
  .optional();

export const userParams = z.object({ id: uuidOf('tài khoản') });

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(60)
    .regex(/^[a-zA-Z0-9._-]+$/, 'chỉ gồm chữ không dấu, số, ".", "_", "-"'),
  fullName: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
  role: z.enum(ROLES),
  unitId: unitRef,
  officeId: uuidOf('phòng, ban').nullable().optional(),
  email: emailRef,
});

export const updateUserBody = z.object({
  fullName: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  unitId: unitRef,
  officeId: uuidOf('phòng, ban').nullable().optional(),
  active: z.boolean().optional(),
  password: z.string().min(1).max(200).optional(),
  email: emailRef,
});

/** An account without its password hash. */
export const userResponse = z.strictObject({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  /** The office of an office's staff. */
  officeId: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
});

export const usersResponse = z.array(userResponse);

/** Accounts made from a table, each with the first password to hand over (shown once). */
export const importUsersResponse = z.strictObject({
  created: z.array(userResponse.extend({ initialPassword: z.string() })),
});

export type CreateUserBody = z.input<typeof createUserBody>;
export type UpdateUserBody = z.input<typeof updateUserBody>;
export type User = z.output<typeof userResponse>;
export type ImportedUsers = z.output<typeof importUsersResponse>;
