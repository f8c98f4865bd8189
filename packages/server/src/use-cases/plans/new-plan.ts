import { buildPlan, type NodeOffices } from '@chiso/core';
import type { Db } from '../../db/database.js';
import { listNodes } from '../../repositories/frameworks.js';
import type { PlanRowRecord } from '../../repositories/plans.js';
import type { UnitRow } from '../../repositories/units.js';
import { unitNodeOffices } from '../offices/resolve-offices.js';
import { planUnitOf, publishedUnit, type PublishedSource } from './published-source.js';
import { targetTotal } from './plan-view.js';

/** Who leads each node of a unit, as the offices' screen resolves it; empty without offices. */
export async function leadOffices(
  db: Db,
  source: PublishedSource,
  unitIds: readonly string[],
): Promise<Map<string, Map<string, NodeOffices>>> {
  const nodes = await listNodes(db, source.stored.row.id);
  const out = new Map<string, Map<string, NodeOffices>>();
  for (const unitId of unitIds) {
    out.set(unitId, (await unitNodeOffices(db, unitId, source.stored.row.id, nodes)).resolved);
  }
  return out;
}

/**
 * A new plan of a unit on a publication: no target given (the core's default: the max), the
 * nodes' resolved lead and supporting offices pre-filled (rows stored only for those); and
 * the total the default targets reach, for the province's list.
 */
export function newPlan(
  source: PublishedSource,
  unit: Pick<UnitRow, 'id'>,
  offices: ReadonlyMap<string, NodeOffices> | undefined,
  meta: { createdBy: string | null; now: Date },
) {
  const published = publishedUnit(source, unit.id);
  const plan = buildPlan({
    framework: source.stored.framework,
    unit: planUnitOf(published),
    peers: source.peers.get(published.group ?? '')!,
  });
  const target = targetTotal(plan);
  // Only nodes with an office to pre-fill get a row; the rest are the core's defaults.
  const rows: Omit<PlanRowRecord, 'planId'>[] = source.stored.framework.nodes.flatMap(
    (node, position) => {
      const who = offices?.get(node.code);
      if (!who?.lead && (who?.supporting.length ?? 0) === 0) return [];
      return [
        {
          code: node.code,
          position,
          target: null,
          tasks: null,
          leadOfficeId: who?.lead?.id ?? null,
          supportingOfficeIds: (who?.supporting ?? []).map((o) => o.id),
          timeFrame: null,
          deadline: null,
        },
      ];
    },
  );
  return {
    plan: {
      unitId: unit.id,
      periodId: source.period.id,
      frameworkId: source.stored.row.id,
      planYear: source.period.year + 1,
      targetPoints: target.points.toString(),
      targetPercent: target.percent,
      createdAt: meta.now,
      createdBy: meta.createdBy,
      updatedAt: meta.now,
    },
    rows,
  };
}
