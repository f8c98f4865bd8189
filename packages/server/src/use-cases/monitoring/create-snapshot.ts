import {
  DomainError,
  ERROR_CODES,
  scoreUnit,
  prefillMonitoring,
  type LeafKnowledge,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { listEntries } from '../../repositories/entries.js';
import {
  listFrameworkRows,
  listNodes,
  loadFramework,
  type StoredFramework,
} from '../../repositories/frameworks.js';
import {
  insertSnapshot,
  listSnapshotRows,
  periodOfUnitFramework,
} from '../../repositories/monitoring.js';
import { findPeriod } from '../../repositories/periods.js';
import type { UnitRow } from '../../repositories/units.js';
import { previousPointsOf } from '../assessment/previous-points.js';
import { unitInputOf } from '../assessment/unit-input.js';
import { loadLowerUnitsFeed } from '../feeds/lower-units.js';
import { loadStatisticsFeed, withStatistics } from '../feeds/statistics.js';
import { NO_SURVEYS } from '../survey-results/period-surveys.js';
import { authorize } from '../authorize.js';
import { unitNodeOffices } from '../offices/resolve-offices.js';
import { requireUnit } from '../offices/unit-of.js';
import { presentSnapshot } from './snapshot-view.js';

export interface NewSnapshot {
  title: string;
  /** "2026-09-30" */
  asOf: string;
  frameworkId?: string | undefined;
}

/** The framework of the unit's type for the snapshot's year, or the one asked for. */
async function frameworkFor(db: Db, unit: UnitRow, year: number, asked: string | undefined) {
  const candidates = (await listFrameworkRows(db))
    .filter((row) => row.unitType === unit.type && (asked ? row.id === asked : row.year === year))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const chosen = candidates[0];
  const stored = chosen && (await loadFramework(db, chosen.id));
  if (!stored) {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      asked
        ? 'Bộ chỉ số đã chọn không dùng cho loại đơn vị này'
        : `Chưa có bộ chỉ số năm ${year} cho loại đơn vị này; hãy sao chép bộ chỉ số năm trước sang năm ${year}`,
    );
  }
  return stored;
}

/** What the unit's current self-assessment facts score, per leaf, if it has any. */
async function selfScores(db: Db, unit: UnitRow, stored: StoredFramework) {
  const periodId = await periodOfUnitFramework(db, unit.id, stored.row.id);
  if (!periodId) return undefined;
  const entries = await listEntries(db, periodId, unit.id);
  if (entries.length === 0) return undefined;
  const period = await findPeriod(db, periodId);
  // The points the unit will get: leaves fed by the lower units' results or by statistics
  // count what they are fed, as on the assessment page.
  const lower = period
    ? await loadLowerUnitsFeed(db, period, stored.framework, unit.id)
    : NO_SURVEYS;
  const statistics = await loadStatisticsFeed(db, periodId, unit.id);
  const fed = withStatistics(lower, stored.framework, statistics, unit.id);
  const input = unitInputOf(stored.framework, unit, entries, 'self', fed);
  try {
    return scoreUnit(stored.framework, input);
  } catch {
    // Facts that no longer fit the rule (edited framework) tell nothing: start from last year.
    return undefined;
  }
}

/**
 * Starts a monitoring snapshot at a date: every leaf pre-filled from the unit's current
 * self-assessment facts, else last year's published points, else the max, with the office that
 * leads it (decision 0016). Audited.
 */
export async function createSnapshot(ctx: UseCaseContext, unitId: string, input: NewSnapshot) {
  const actor = authorize(ctx, 'editImprovement', { unitId });
  const year = Number(input.asOf.slice(0, 4));
  return ctx.deps.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, unitId);
    const stored = await frameworkFor(tx, unit, year, input.frameworkId);
    const [scores, previous, who] = await Promise.all([
      selfScores(tx, unit, stored),
      previousPointsOf(tx, { year: stored.row.year, unitId, stored }),
      listNodes(tx, stored.row.id).then((nodes) =>
        unitNodeOffices(tx, unitId, stored.row.id, nodes),
      ),
    ]);
    const knowledge = (code: string): LeafKnowledge => {
      const node = scores?.node(code);
      // A leaf without facts yet ("missing") tells nothing: last year's points stand in.
      const self =
        node?.status === 'scored' || node?.status === 'notApplicable'
          ? { status: node.status, points: node.points }
          : undefined;
      return {
        self,
        lastYear: previous?.leaves.get(code)?.points ?? null,
        officeId: who.resolved.get(code)?.lead?.id ?? null,
      };
    };
    const rows = prefillMonitoring(stored.framework, knowledge);
    const snapshot = await insertSnapshot(
      tx,
      {
        unitId,
        frameworkId: stored.row.id,
        year: stored.row.year,
        title: input.title,
        asOf: input.asOf,
        createdBy: actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
      rows.map((row, position) => ({
        code: row.code,
        position,
        expectedPoints: row.expectedPoints?.toString() ?? null,
        source: row.source,
        reason: row.reason,
        reasonText: row.reasonText,
        officeId: row.officeId,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'monitoring.create',
      entityType: 'monitoringSnapshot',
      entityId: snapshot.id,
      unitId,
      after: { title: snapshot.title, asOf: snapshot.asOf, frameworkId: snapshot.frameworkId },
    });
    return presentSnapshot(tx, snapshot, await listSnapshotRows(tx, snapshot.id), stored.framework);
  });
}
