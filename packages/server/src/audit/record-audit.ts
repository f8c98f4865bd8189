import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditLog } from '../db/schema.js';
import type { RequestContext } from '../context.js';

export interface AuditEntry {
  /** What happened, in code terms: "entry.self.save", "window.extend", "user.create"… */
  action: string;
  entityType: string;
  entityId: string;
  periodId?: string | undefined;
  unitId?: string | undefined;
  code?: string | undefined;
  before?: unknown;
  after?: unknown;
  /** Who acted when no account did: an API token, by its name and prefix. */
  actorName?: string | undefined;
}

/**
 * Appends an audit row inside the caller's transaction: the change and its record commit or
 * roll back together. The table refuses updates and deletes (migration 0001).
 */
export async function recordAudit(tx: Db, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(ctx, entry));
}

/** Several audit rows in one statement (a change made to thousands of records at once). */
export async function recordAudits(
  tx: Db,
  ctx: RequestContext,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  if (entries.length < LARGE_BATCH) {
    await tx.insert(auditLog).values(entries.map((e) => auditRow(ctx, e)));
    return;
  }
  await insertAsRecordset(tx, ctx, entries);
}

/** From this many rows on, the batch goes as one jsonb parameter (decision 0034). */
const LARGE_BATCH = 100;

/**
 * The same rows as `auditRow` gives, written by one `INSERT … SELECT … FROM
 * jsonb_to_recordset($1)`: one text parameter instead of thirteen a row, which PGlite parses
 * 3–4× faster. Who and when are the context's, one parameter each; before and after stay jsonb.
 */
async function insertAsRecordset(
  tx: Db,
  ctx: RequestContext,
  entries: readonly AuditEntry[],
): Promise<void> {
  const first = auditRow(ctx, entries[0]!);
  const records = JSON.stringify(
    entries.map((entry) => {
      const row = auditRow(ctx, entry);
      return {
        action: row.action,
        entity_type: row.entityType,
        entity_id: row.entityId,
        period_id: row.periodId,
        unit_id: row.unitId,
        code: row.code,
        // A missing key reads as SQL NULL, as the VALUES path writes an absent before/after.
        ...(row.before === null ? {} : { before: row.before }),
        ...(row.after === null ? {} : { after: row.after }),
      };
    }),
  );
  await tx.execute(sql`
    insert into audit_log
      (at, actor_id, actor_name, ip, action, entity_type, entity_id, period_id, unit_id, code,
       before, after)
    select ${first.at.toISOString()}::timestamptz, ${first.actorId}::uuid, ${first.actorName}::text,
           ${first.ip}::text, r.action, r.entity_type, r.entity_id, r.period_id, r.unit_id, r.code,
           r.before, r.after
      from jsonb_to_recordset(${records}::jsonb)
        as r(action text, entity_type text, entity_id text, period_id uuid, unit_id text,
             code text, before jsonb, after jsonb)`);
}

function auditRow(ctx: RequestContext, entry: AuditEntry) {
  return {
    at: ctx.now,
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor
      ? `${ctx.actor.fullName} (${ctx.actor.username})`
      : (entry.actorName ?? null),
    ip: ctx.ip,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    periodId: entry.periodId ?? null,
    unitId: entry.unitId ?? null,
    code: entry.code ?? null,
    before: entry.before === undefined ? null : toJson(entry.before),
    after: entry.after === undefined ? null : toJson(entry.after),
  };
}

/** Decimals and dates as text (their toJSON), so that audit rows read the same everywhere. */
function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
