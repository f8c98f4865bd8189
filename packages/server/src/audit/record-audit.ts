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
  if (entries.length > 0) await tx.insert(auditLog).values(entries.map((e) => auditRow(ctx, e)));
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
