import { DomainError, ERROR_CODES } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import {
  findSnapshot,
  listSnapshotRows,
  lockSnapshot,
  type SnapshotRow,
} from '../../repositories/monitoring.js';
import { presentSnapshot } from './snapshot-view.js';
import { authorizeIn } from '../reach.js';

/** The unit's snapshot, or NOT_FOUND (also for another unit's, so ids reveal nothing). */
export async function requireSnapshot(db: Db, unitId: string, id: string): Promise<SnapshotRow> {
  const snapshot = await findSnapshot(db, id);
  if (!snapshot || snapshot.unitId !== unitId) {
    throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy bản theo dõi này của đơn vị');
  }
  return snapshot;
}

/** The unit's snapshot locked for a change made on `version`; NOT_FOUND or CONFLICT otherwise. */
export async function lockOwnSnapshot(
  db: Db,
  unitId: string,
  id: string,
  version: number,
): Promise<SnapshotRow> {
  const snapshot = await lockSnapshot(db, id);
  if (!snapshot || snapshot.unitId !== unitId) {
    throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy bản theo dõi này của đơn vị');
  }
  if (snapshot.version !== version) {
    throw new DomainError(
      ERROR_CODES.CONFLICT,
      'Bản theo dõi vừa được người khác sửa; hãy tải lại để xem bản mới nhất',
    );
  }
  return snapshot;
}

export async function getSnapshot(ctx: UseCaseContext, unitId: string, id: string) {
  await authorizeIn(ctx, 'readImprovement', { unitId }, { unitId });
  const { db } = ctx.deps;
  const snapshot = await requireSnapshot(db, unitId, id);
  return presentSnapshot(db, snapshot, await listSnapshotRows(db, id));
}
