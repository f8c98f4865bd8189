import { Decimal, DomainError, ERROR_CODES, formatExact, type LossReason } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { loadFramework } from '../../repositories/frameworks.js';
import {
  listSnapshotRows,
  touchSnapshot,
  updateSnapshotRow as writeRow,
} from '../../repositories/monitoring.js';
import { findOffice } from '../../repositories/offices.js';
import { authorize } from '../authorize.js';
import { lockOwnSnapshot } from './get-snapshot.js';
import { presentSnapshot } from './snapshot-view.js';

export interface RowChange {
  /** Decimal text; null: the leaf does not apply to the unit. */
  expectedPoints: string | null;
  reason: LossReason | null;
  reasonText: string | null;
  officeId: string | null;
  /** The snapshot version the change was made on. */
  version: number;
}

/**
 * Sets one leaf of a snapshot: the points expected (within 0 and the leaf's max), why less,
 * which office. A reason is asked for whenever points are expected lost. Audited.
 */
export async function updateSnapshotRow(
  ctx: UseCaseContext,
  key: { unitId: string; snapshotId: string; code: string },
  change: RowChange,
) {
  authorize(ctx, 'editImprovement', { unitId: key.unitId });
  return ctx.deps.db.transaction(async (tx) => {
    const snapshot = await lockOwnSnapshot(tx, key.unitId, key.snapshotId, change.version);
    const stored = await loadFramework(tx, snapshot.frameworkId);
    const leaf = stored?.framework.byCode.get(key.code);
    const rows = await listSnapshotRows(tx, key.snapshotId);
    const before = rows.find((row) => row.code === key.code);
    if (!stored || !leaf || !before) {
      throw new DomainError(ERROR_CODES.NOT_FOUND, `Bản theo dõi không có tiêu chí ${key.code}`);
    }
    const issues = [];
    const points = change.expectedPoints === null ? null : Decimal.of(change.expectedPoints);
    if (points && (points.units < 0 || points.gt(leaf.maxPoints))) {
      issues.push({
        path: 'expectedPoints',
        message: `điểm dự kiến phải từ 0 đến ${formatExact(leaf.maxPoints)}`,
      });
    }
    const losing = points !== null && points.lt(leaf.maxPoints);
    if (losing && change.reason === null && !change.reasonText?.trim()) {
      issues.push({ path: 'reason', message: 'hãy chọn lý do dự kiến mất điểm' });
    }
    if (change.reason === 'other' && !change.reasonText?.trim()) {
      issues.push({ path: 'reasonText', message: 'hãy ghi rõ lý do khác' });
    }
    if (change.officeId) {
      const office = await findOffice(tx, change.officeId);
      if (!office || office.unitId !== key.unitId || !office.active) {
        issues.push({
          path: 'officeId',
          message: 'không phải phòng, ban đang hoạt động của đơn vị',
        });
      }
    }
    if (issues.length > 0) {
      throw new DomainError(
        ERROR_CODES.VALIDATION_FAILED,
        `Tiêu chí ${key.code} chưa lưu được`,
        issues,
      );
    }
    const after = {
      expectedPoints: points?.toString() ?? null,
      source: 'entered',
      reason: losing ? change.reason : null,
      reasonText: change.reasonText?.trim() || null,
      officeId: change.officeId,
    };
    await writeRow(tx, key, after);
    const touched = await touchSnapshot(tx, key.snapshotId, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'monitoring.row.update',
      entityType: 'monitoringSnapshot',
      entityId: key.snapshotId,
      unitId: key.unitId,
      code: key.code,
      before: {
        expectedPoints: before.expectedPoints,
        reason: before.reason,
        reasonText: before.reasonText,
        officeId: before.officeId,
      },
      after,
    });
    return presentSnapshot(
      tx,
      touched ?? snapshot,
      await listSnapshotRows(tx, key.snapshotId),
      stored.framework,
    );
  });
}
