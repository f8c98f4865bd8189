import { summarizeMonitoring, unitTypeLabel } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { loadFramework, type StoredFramework } from '../../repositories/frameworks.js';
import { latestSnapshotsOfYear, listRowsOfSnapshots } from '../../repositories/monitoring.js';
import { listUnits } from '../../repositories/units.js';
import { authorize } from '../authorize.js';
import { rowOf } from './snapshot-view.js';

/**
 * The province's view of a year: every unit's latest snapshot, its expected index and the
 * points at risk per area; units without a snapshot listed as such.
 */
export async function monitoringOverview(ctx: UseCaseContext, year: number) {
  authorize(ctx, 'readImprovement', {});
  const { db } = ctx.deps;
  const [units, latest] = await Promise.all([listUnits(db), latestSnapshotsOfYear(db, year)]);
  const byUnit = new Map(latest.map((snapshot) => [snapshot.unitId, snapshot]));
  // The shown snapshots' rows in one query, not one query per unit.
  const shown = new Set(units.filter((unit) => unit.activeTo === null).map((unit) => unit.id));
  const rowsOf = await listRowsOfSnapshots(
    db,
    latest.filter((snapshot) => shown.has(snapshot.unitId)).map((snapshot) => snapshot.id),
  );
  const frameworks = new Map<string, StoredFramework | undefined>();
  const rows = [];
  for (const unit of units) {
    if (unit.activeTo !== null) continue;
    const snapshot = byUnit.get(unit.id);
    const base = {
      unitId: unit.id,
      unitName: unit.name,
      unitType: unit.type,
      unitTypeLabel: unitTypeLabel(unit.type),
    };
    if (!snapshot) {
      rows.push({ ...base, snapshot: null });
      continue;
    }
    if (!frameworks.has(snapshot.frameworkId)) {
      frameworks.set(snapshot.frameworkId, await loadFramework(db, snapshot.frameworkId));
    }
    const tree = frameworks.get(snapshot.frameworkId)?.framework;
    if (!tree) continue;
    const summary = summarizeMonitoring(tree, (rowsOf.get(snapshot.id) ?? []).map(rowOf));
    rows.push({
      ...base,
      snapshot: {
        id: snapshot.id,
        title: snapshot.title,
        asOf: snapshot.asOf,
        maxPoints: summary.maxPoints.toString(),
        expectedPoints: summary.expectedPoints.toString(),
        atRisk: summary.atRisk.toString(),
        expectedIndex: summary.expectedIndex?.round(6).toString() ?? null,
        areas: summary.areas.map((area) => ({
          code: area.code,
          title: area.title,
          atRisk: area.atRisk.toString(),
          maxPoints: area.maxPoints.toString(),
        })),
      },
    });
  }
  return { year, units: rows };
}
