import {
  API_TOKEN_SCOPES,
  DEFAULT_ROTATION_GRACE_DAYS,
  MAX_ROTATION_GRACE_DAYS,
  MEASURE_KEYS,
} from '@chiso/core';
import { z } from 'zod';
import { isoDate, isoDateTime, unitIdText, uuidOf } from './common.js';

// API tokens of source systems (issue 12): issued, listed, rotated and revoked by a
// secretariat's administrator; a provincial system pushes procedure statistics with one.

export const apiTokenScope = z.enum(API_TOKEN_SCOPES);

export const apiTokenParams = z.object({ id: uuidOf('mã API') });

export const issueApiTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'cần tên của mã').max(120),
  scopes: z.array(apiTokenScope).min(1, 'cần ít nhất một quyền'),
  /** The last day the token works (Vietnam time, through 24:00); none: until revoked. */
  expiresOn: isoDate.optional(),
});

export const rotateApiTokenBody = z.strictObject({
  /** Days the old token keeps working; 0 stops it at once. */
  graceDays: z
    .number()
    .int('phải là số ngày nguyên')
    .min(0)
    .max(MAX_ROTATION_GRACE_DAYS)
    .default(DEFAULT_ROTATION_GRACE_DAYS),
});

export const apiTokenStatus = z.enum(['active', 'rotating', 'rotated', 'expired', 'revoked']);

/** A token as lists show it: never its secret nor its hash. */
export const apiTokenView = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(apiTokenScope),
  ownerUnitId: z.string().nullable(),
  ownerUnitName: z.string().nullable(),
  createdAt: isoDateTime,
  createdByName: z.string().nullable(),
  lastUsedAt: isoDateTime.nullable(),
  expiresAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
  rotatedFromId: z.uuid().nullable(),
  rotatedFromPrefix: z.string().nullable(),
  status: apiTokenStatus,
  statusLabel: z.string(),
});

export const apiTokenListResponse = z.strictObject({ tokens: z.array(apiTokenView) });

/** The answer of an issue or a rotation: the only time the secret is shown. */
export const issuedApiTokenResponse = z.strictObject({
  token: apiTokenView,
  secret: z.string(),
});

export const apiTokenResponse = z.strictObject({ token: apiTokenView });

const pushedMeasures = Object.fromEntries(
  MEASURE_KEYS.map((key) => [key, z.number().nullable().optional()]),
) as Record<(typeof MEASURE_KEYS)[number], z.ZodOptional<z.ZodNullable<z.ZodNumber>>>;

/**
 * A push of procedure statistics: one row per unit with its figures by measure key (whole
 * numbers ≥ 0; a measure left out is one the system does not count). The figures are checked
 * as a file's are, and every row is stored or none.
 */
export const pushStatisticsBody = z.strictObject({
  countedTo: isoDate.optional(),
  rows: z
    .array(z.strictObject({ unitId: unitIdText, ...pushedMeasures }))
    .min(1, 'cần ít nhất một dòng')
    .max(10_000),
});

export const pushStatisticsResponse = z.strictObject({
  stored: z.number().int(),
  periodId: z.uuid(),
});

export type ApiTokenView = z.output<typeof apiTokenView>;
export type ApiTokenList = z.output<typeof apiTokenListResponse>;
export type IssuedApiToken = z.output<typeof issuedApiTokenResponse>;
export type IssueApiTokenBody = z.input<typeof issueApiTokenBody>;
