import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { xminFingerprint } from '../db/xmin-fingerprint.js';
import { entryEvidence, evidenceFiles } from '../db/schema.js';

export type EvidenceRow = typeof evidenceFiles.$inferSelect;
export type EvidenceLinkRow = typeof entryEvidence.$inferSelect;

export async function findEvidenceByHash(db: Db, periodId: string, unitId: string, sha256: string) {
  const [row] = await db
    .select()
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.periodId, periodId),
        eq(evidenceFiles.unitId, unitId),
        eq(evidenceFiles.sha256, sha256),
      ),
    );
  return row;
}

export async function findEvidence(db: Db, id: string): Promise<EvidenceRow | undefined> {
  const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
  return row;
}

/** File names of evidence by id, for histories that name documents. */
export async function evidenceFileNames(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: evidenceFiles.id, fileName: evidenceFiles.fileName })
    .from(evidenceFiles)
    .where(inArray(evidenceFiles.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.fileName]));
}

export async function insertEvidence(
  db: Db,
  values: typeof evidenceFiles.$inferInsert,
): Promise<EvidenceRow> {
  const [row] = await db.insert(evidenceFiles).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function listUnitEvidence(
  db: Db,
  periodId: string,
  unitId: string,
): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.periodId, periodId), eq(evidenceFiles.unitId, unitId)))
    .orderBy(asc(evidenceFiles.uploadedAt));
}

export async function listUnitLinks(
  db: Db,
  periodId: string,
  unitId: string,
): Promise<EvidenceLinkRow[]> {
  return (
    db
      .select()
      .from(entryEvidence)
      .where(and(eq(entryEvidence.periodId, periodId), eq(entryEvidence.unitId, unitId)))
      // In the order they were attached, so the first proof stays first for the appraiser.
      .orderBy(asc(entryEvidence.linkedAt), asc(entryEvidence.evidenceId))
  );
}

/** The periods in whose self-assessment of the unit a file is linked to some leaf. */
export async function linkedPeriodIds(db: Db, evidenceId: string, unitId: string) {
  const rows = await db
    .selectDistinct({ periodId: entryEvidence.periodId })
    .from(entryEvidence)
    .where(and(eq(entryEvidence.evidenceId, evidenceId), eq(entryEvidence.unitId, unitId)))
    .orderBy(asc(entryEvidence.periodId));
  return rows.map((r) => r.periodId);
}

/**
 * The unit's evidence shown by a period's self-assessment: the period's own files, and the
 * task files (no period) linked to one of its leaves (decision 0020). One query.
 */
export async function listAssessmentEvidence(
  db: Db,
  periodId: string,
  unitId: string,
): Promise<EvidenceRow[]> {
  const linked = db
    .select({ id: entryEvidence.evidenceId })
    .from(entryEvidence)
    .where(and(eq(entryEvidence.periodId, periodId), eq(entryEvidence.unitId, unitId)));
  return db
    .select()
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.unitId, unitId),
        or(
          eq(evidenceFiles.periodId, periodId),
          and(isNull(evidenceFiles.periodId), inArray(evidenceFiles.id, linked)),
        ),
      ),
    )
    .orderBy(asc(evidenceFiles.uploadedAt), asc(evidenceFiles.id));
}

export async function upsertLink(db: Db, values: typeof entryEvidence.$inferInsert) {
  await db
    .insert(entryEvidence)
    .values(values)
    .onConflictDoUpdate({
      target: [
        entryEvidence.periodId,
        entryEvidence.unitId,
        entryEvidence.code,
        entryEvidence.evidenceId,
      ],
      set: { pageRef: values.pageRef, linkedAt: values.linkedAt, linkedBy: values.linkedBy },
    });
}

export async function deleteLink(
  db: Db,
  key: { periodId: string; unitId: string; code: string; evidenceId: string },
) {
  const deleted = await db
    .delete(entryEvidence)
    .where(
      and(
        eq(entryEvidence.periodId, key.periodId),
        eq(entryEvidence.unitId, key.unitId),
        eq(entryEvidence.code, key.code),
        eq(entryEvidence.evidenceId, key.evidenceId),
      ),
    )
    .returning();
  return deleted[0];
}

/**
 * The mirrors of `listUnitLinks` and `listAssessmentEvidence` for a cached answer (decision
 * 0051). The files: all of the unit's, a superset of the page's (its period's and the task
 * files linked or offered, task-evidence-offers.ts), so that a file changing its period or
 * its links is seen whatever it was.
 */
export const EVIDENCE_READS = [
  xminFingerprint('evidence links', 'entry_evidence', 't.period_id = $1 AND t.unit_id = $2'),
  xminFingerprint('evidence files', 'evidence_files', 't.unit_id = $2'),
];
