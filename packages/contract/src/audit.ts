import { z } from 'zod';
import { isoDateTime } from './common.js';

export const auditQuery = z.object({
  entityType: z.string().optional(),
  entityId: z.string().optional(),
  periodId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** One row of the audit trail as stored: who, when, from where, what, before and after. */
export const auditRowResponse = z.strictObject({
  id: z.number().int(),
  at: isoDateTime,
  actor: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  periodId: z.uuid().nullable(),
  unitId: z.string().nullable(),
  code: z.string().nullable(),
  /** The changed values as JSON, before and after (null when there was nothing). */
  before: z.unknown(),
  after: z.unknown(),
});

export const auditResponse = z.array(auditRowResponse);

export type AuditQuery = z.input<typeof auditQuery>;
export type AuditRow = z.output<typeof auditRowResponse>;
