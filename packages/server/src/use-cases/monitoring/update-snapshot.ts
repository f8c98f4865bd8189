import { DomainError, ERROR_CODES } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { listSnapshotRows, touchSnapshot } from '../../repositories/monitoring.js';
import { authorize } from '../authorize.js';
import { lockOwnSnapshot } from './get-snapshot.js';
import { presentSnapshot } from './snapshot-view.js';

/** Renames a snapshot or moves its date within its year. Audited. */
export async function updateSnapshot(
  ctx: UseCaseContext,
  key: { unitId: string; snapshotId: string },
  changes: { title?: string | undefined; asOf?: string | undefined; version: number },
) {
  authorize(ctx, 'editImprovement', { unitId: key.unitId });
  return ctx.deps.db.transaction(async (tx) => {
    const before = await lockOwnSnapshot(tx, key.unitId, key.snapshotId, changes.version);
    if (changes.asOf !== undefined && Number(changes.asOf.slice(0, 4)) !== before.year) {
      throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Ngày theo dõi không hợp lệ', [
        {
          path: 'asOf',
          message: `bản theo dõi năm ${before.year} phải có ngày trong năm ${before.year}`,
        },
      ]);
    }
    const after = await touchSnapshot(tx, key.snapshotId, ctx.now, {
      ...(changes.title === undefined ? {} : { title: changes.title }),
      ...(changes.asOf === undefined ? {} : { asOf: changes.asOf }),
    });
    if (!after) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy bản theo dõi này');
    await recordAudit(tx, ctx, {
      action: 'monitoring.update',
      entityType: 'monitoringSnapshot',
      entityId: key.snapshotId,
      unitId: key.unitId,
      before: { title: before.title, asOf: before.asOf },
      after: { title: after.title, asOf: after.asOf },
    });
    return presentSnapshot(tx, after, await listSnapshotRows(tx, key.snapshotId));
  });
}
