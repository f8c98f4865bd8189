import {
  areaSentence,
  Decimal,
  EXPECTATION_SOURCE_LABELS,
  LOSS_REASON_LABELS,
  leafSentence,
  summarizeMonitoring,
  type ExpectationSource,
  type Framework,
  type LossReason,
  type MonitoringRow,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import { loadFramework } from '../../repositories/frameworks.js';
import type { MonitoringRowRecord, SnapshotRow } from '../../repositories/monitoring.js';
import { listOffices, presentOffice } from '../../repositories/offices.js';
import { findUnit } from '../../repositories/units.js';

export function rowOf(record: MonitoringRowRecord): MonitoringRow {
  return {
    code: record.code,
    expectedPoints: record.expectedPoints === null ? null : Decimal.of(record.expectedPoints),
    source: record.source as ExpectationSource,
    reason: record.reason as LossReason | null,
    reasonText: record.reasonText,
    officeId: record.officeId,
  };
}

const text = (value: Decimal | undefined | null) =>
  value === null || value === undefined ? null : value.toString();

/** A snapshot as the unit reads it: every leaf, each area's sums, seed 000's sentences. */
export async function presentSnapshot(
  db: Db,
  snapshot: SnapshotRow,
  records: readonly MonitoringRowRecord[],
  framework?: Framework,
) {
  const tree = framework ?? (await loadFramework(db, snapshot.frameworkId))?.framework;
  if (!tree)
    throw new Error(`framework ${snapshot.frameworkId} of snapshot ${snapshot.id} is gone`);
  const rows = records.map(rowOf);
  const summary = summarizeMonitoring(tree, rows);
  const offices = (await listOffices(db, snapshot.unitId)).map(presentOffice);
  const names = new Map(offices.map((office) => [office.id, office.name]));
  const unit = await findUnit(db, snapshot.unitId);
  const byCode = new Map(rows.map((row) => [row.code, row]));
  return {
    id: snapshot.id,
    unit: { id: snapshot.unitId, name: unit?.name ?? snapshot.unitId },
    framework: { id: snapshot.frameworkId, name: tree.name, year: snapshot.year },
    title: snapshot.title,
    asOf: snapshot.asOf,
    version: snapshot.version,
    updatedAt: snapshot.updatedAt,
    offices,
    reasons: Object.entries(LOSS_REASON_LABELS).map(([key, label]) => ({ key, label })),
    total: {
      maxPoints: summary.maxPoints.toString(),
      expectedPoints: summary.expectedPoints.toString(),
      atRisk: summary.atRisk.toString(),
      expectedIndex: summary.expectedIndex ? summary.expectedIndex.round(6).toString() : null,
    },
    areas: summary.areas.map((area, index) => ({
      code: area.code,
      title: area.title,
      maxPoints: area.maxPoints.toString(),
      expectedPoints: area.expectedPoints.toString(),
      atRisk: area.atRisk.toString(),
      sentence: areaSentence(area, index + 1),
      leaves: area.leaves.map((leaf) => ({ code: leaf.code, sentence: leafSentence(leaf, names) })),
    })),
    nodes: tree.nodes.map((node) => {
      const row = byCode.get(node.code);
      const leaf = node.children.length === 0;
      return {
        code: node.code,
        title: node.title,
        depth: node.depth,
        leaf,
        maxPoints: node.maxPoints.toString(),
        expectedPoints: leaf ? text(row?.expectedPoints) : null,
        applicable: !leaf || (row?.expectedPoints ?? null) !== null,
        atRisk:
          leaf && row?.expectedPoints ? node.maxPoints.minus(row.expectedPoints).toString() : null,
        source: leaf && row ? row.source : null,
        sourceLabel: leaf && row ? EXPECTATION_SOURCE_LABELS[row.source] : null,
        reason: row?.reason ?? null,
        reasonText: row?.reasonText ?? null,
        officeId: row?.officeId ?? null,
      };
    }),
  };
}

export type SnapshotView = Awaited<ReturnType<typeof presentSnapshot>>;
