import { auditActionLabel } from '@chiso/core';
import type { AuditRow as AuditRowResponse } from '@chiso/contract';
import type { AuditTrailRow } from '../repositories/audit-trail.js';
import { summarizeChange } from './summarize-change.js';

/** A row of the administrator's trail as the contract answers it; the address only if shown. */
export function presentTrailRow(row: AuditTrailRow, showIp: boolean): AuditRowResponse {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorName,
    actorId: row.actorId,
    actorUsername: row.actorUsername,
    ip: showIp ? row.ip : null,
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    entityType: row.entityType,
    entityId: row.entityId,
    periodId: row.periodId,
    periodName: row.periodName,
    unitId: row.unitId,
    unitName: row.unitName,
    code: row.code,
    before: row.before,
    after: row.after,
    summary: summarizeChange(row.before, row.after),
  };
}
