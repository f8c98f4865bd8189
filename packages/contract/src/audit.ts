import { z } from 'zod';
import { isoDateTime, unitIdText } from './common.js';

/** A Vietnam-local day ("2027-01-20") or an ISO instant with its offset ("2027-01-20T08:00:00Z"). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const auditTime = z
  .string()
  .trim()
  .refine(
    (value) => DAY.test(value) || z.iso.datetime({ offset: true }).safeParse(value).success,
    'ngày dạng 2027-01-20 (ngày theo giờ Việt Nam) hoặc thời điểm ISO có múi giờ',
  );

/**
 * The filters of the audit trail, for the page (`/audit`) and the spreadsheet (`/audit.xlsx`).
 * `from` and `to` are Vietnam-local days, both included (from 00:00 of `from` to 24:00 of `to`),
 * or ISO instants (`from` included, `to` excluded). `actor` is an account's id, or text found in
 * the name and username recorded with the change (case ignored).
 */
export const auditFilterQuery = z.object({
  actor: z.string().trim().min(1).max(200).optional(),
  unitId: unitIdText.optional(),
  periodId: z.uuid('mã kỳ đánh giá không hợp lệ').optional(),
  action: z.string().trim().min(1).max(100).optional(),
  entityType: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(500).optional(),
  from: auditTime.optional(),
  to: auditTime.optional(),
});

/** One page, newest first; `cursor` is the `nextCursor` of the page before (keyset on (at, id)). */
export const auditQuery = auditFilterQuery.extend({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'con trỏ trang không hợp lệ (lấy từ nextCursor)')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** One row of the audit trail: who, when, from where, what, where, before and after. */
export const auditRowResponse = z.strictObject({
  id: z.number().int(),
  at: isoDateTime,
  /** Who, as recorded with the change: "Họ tên (tên đăng nhập)", or an API token's name. */
  actor: z.string().nullable(),
  actorId: z.uuid().nullable(),
  /** The account's username today (null when no account acted). */
  actorUsername: z.string().nullable(),
  /** The address the change came from: for administrators only (decision 0032). */
  ip: z.string().nullable(),
  action: z.string(),
  /** The action in Vietnamese (core AUDIT_ACTION_LABELS). */
  actionLabel: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  periodId: z.uuid().nullable(),
  periodName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  code: z.string().nullable(),
  /** The changed values as JSON, before and after (null when there was nothing). */
  before: z.unknown(),
  after: z.unknown(),
  /** What changed, in one line ("trạng thái: nháp → đã gửi; …"), empty when nothing was kept. */
  summary: z.string(),
});

export const auditResponse = z.strictObject({
  entries: z.array(auditRowResponse),
  /** The cursor of the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export type AuditFilterQuery = z.input<typeof auditFilterQuery>;
export type AuditQuery = z.input<typeof auditQuery>;
export type AuditRow = z.output<typeof auditRowResponse>;
export type AuditPage = z.output<typeof auditResponse>;
