import { Decimal, summarizeMonitoring } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { loadFramework, type StoredFramework } from '../../repositories/frameworks.js';
import { listSnapshotRows, listUnitSnapshots } from '../../repositories/monitoring.js';
import { requireUnit } from '../offices/unit-of.js';
import { rowOf } from './snapshot-view.js';
import { authorizeIn } from '../reach.js';

/** A unit's snapshots, newest first, each with its expected total and index. */
export async function listSnapshots(ctx: UseCaseContext, unitId: string) {
  await authorizeIn(ctx, 'readImprovement', { unitId }, { unitId });
  const { db } = ctx.deps;
  const unit = await requireUnit(db, unitId);
  const snapshots = await listUnitSnapshots(db, unitId);
  const frameworks = new Map<string, StoredFramework | undefined>();
  const out = [];
  for (const snapshot of snapshots) {
    if (!frameworks.has(snapshot.frameworkId)) {
      frameworks.set(snapshot.frameworkId, await loadFramework(db, snapshot.frameworkId));
    }
    const tree = frameworks.get(snapshot.frameworkId)?.framework;
    const summary =
      tree && summarizeMonitoring(tree, (await listSnapshotRows(db, snapshot.id)).map(rowOf));
    out.push({
      id: snapshot.id,
      title: snapshot.title,
      asOf: snapshot.asOf,
      year: snapshot.year,
      updatedAt: snapshot.updatedAt,
      maxPoints: (summary?.maxPoints ?? Decimal.ZERO).toString(),
      expectedPoints: (summary?.expectedPoints ?? Decimal.ZERO).toString(),
      atRisk: (summary?.atRisk ?? Decimal.ZERO).toString(),
      expectedIndex: summary?.expectedIndex?.round(6).toString() ?? null,
    });
  }
  return { unit: { id: unit.id, name: unit.name, type: unit.type }, snapshots: out };
}
