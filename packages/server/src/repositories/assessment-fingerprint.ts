import { sql, type SQL } from 'drizzle-orm';
import { runRaw, type RawStatement } from '../db/raw-statement.js';
import type { Db } from '../db/database.js';
import type { SourceFingerprint } from '../db/xmin-fingerprint.js';
import { ENTRIES_READ } from './entries.js';
import { EVIDENCE_READS } from './evidence.js';
import { CODE_LINKS_READ } from './framework-copy.js';
import { PUBLICATIONS_READS } from './lower-results.js';
import { LAST_PUBLICATION_READS } from './previous-publication.js';
import { UNIT_STATISTICS_READ } from './statistics.js';
import { UNIT_TALLIES_READ } from './survey-tallies.js';
import { PERIOD_SURVEYS_READ } from './surveys.js';
import { OFFERED_TASK_FILES_READ } from './task-evidence-offers.js';
import { UNIT_TASKS_NEXT_INSTANT, UNIT_TASKS_READS } from './tasks.js';
import { UNIT_SCOPE_READS } from './unit-scope.js';
import { LINEAGE_READ, LOWER_UNIT_CHANGES_READ, LOWER_UNITS_READ } from './units.js';

/**
 * Every source a unit's assessment page reads (use-cases/assessment/get-assessment.ts), each
 * mirrored next to its loader; the same table and WHERE named twice is counted once.
 */
export const ASSESSMENT_SOURCES: readonly SourceFingerprint[] = uniqueBySql([
  ...UNIT_SCOPE_READS,
  ENTRIES_READ,
  ...EVIDENCE_READS,
  UNIT_STATISTICS_READ,
  PERIOD_SURVEYS_READ,
  UNIT_TALLIES_READ,
  ...UNIT_TASKS_READS,
  OFFERED_TASK_FILES_READ,
  LINEAGE_READ,
  LOWER_UNITS_READ,
  LOWER_UNIT_CHANGES_READ,
  ...PUBLICATIONS_READS,
  ...LAST_PUBLICATION_READS,
  CODE_LINKS_READ,
]);

function uniqueBySql(sources: SourceFingerprint[]): SourceFingerprint[] {
  const seen = new Set<string>();
  return sources.filter((s) => !seen.has(s.sql) && seen.add(s.sql));
}

/**
 * One statement: the fingerprint of every source, the database's snapshot (which transactions
 * had finished) and the next instant at which the clock alone moves a source (decision 0061).
 * Two equal snapshots mean that no transaction finished between them, so every statement run
 * in between saw the same committed rows, and a fingerprint read under the first still holds
 * under the second until that instant.
 */
const ASSESSMENT_FINGERPRINT: RawStatement = {
  name: 'chiso_assessment_fingerprint',
  text: `SELECT concat_ws('|', ${ASSESSMENT_SOURCES.map((s) => s.sql).join(', ')}) AS fingerprint, pg_current_snapshot()::text AS snapshot, ${UNIT_TASKS_NEXT_INSTANT}::text AS quiet_until`,
};

const SNAPSHOT: RawStatement = {
  name: 'chiso_snapshot',
  text: 'SELECT pg_current_snapshot()::text',
};

export interface FingerprintKey {
  periodId: string;
  unitId: string;
  now: Date;
  /** Whether the framework takes lower units' results (their rows are then counted too). */
  lowerUnits: boolean;
  frameworkId: string;
}

const valuesOf = (key: FingerprintKey) => [
  key.periodId,
  key.unitId,
  key.now.toISOString(),
  key.lowerUnits ? 't' : 'f',
  key.frameworkId,
];

/** What the statement answers: `quietUntil` is null when no instant ahead moves a source. */
export interface AssessmentFingerprint {
  fingerprint: string;
  snapshot: string;
  quietUntil: number | null;
}

const fingerprintOf = (row: readonly (string | null)[] | undefined): AssessmentFingerprint => ({
  fingerprint: row?.[0] ?? '',
  snapshot: row?.[1] ?? '',
  quietUntil: row?.[2] ? Number(row[2]) : null,
});

/** The statement's text cut at its $n: text and parameter numbers alternate (split once). */
const FINGERPRINT_PIECES = ASSESSMENT_FINGERPRINT.text.split(/\$([1-5])\b/);

/**
 * The same statement inside a transaction (the build's snapshot on PostgreSQL), through drizzle:
 * its $n become drizzle's parameters, in the same order.
 */
export async function readAssessmentFingerprintIn(
  tx: Db,
  key: FingerprintKey,
): Promise<AssessmentFingerprint> {
  const values = valuesOf(key);
  const parts: SQL[] = FINGERPRINT_PIECES.map((part, i) =>
    i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`,
  );
  const result = await tx.execute<{
    fingerprint: string;
    snapshot: string;
    quiet_until: string | null;
  }>(sql`SELECT f.fingerprint, f.snapshot, f.quiet_until FROM (${sql.join(parts)}) AS f`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    fingerprint: string;
    snapshot: string;
    quiet_until: string | null;
  }[];
  const row = rows[0];
  return fingerprintOf(row && [row.fingerprint, row.snapshot, row.quiet_until]);
}

export async function readAssessmentFingerprint(
  db: Db,
  key: FingerprintKey,
  prepared: boolean,
): Promise<AssessmentFingerprint> {
  const [row] = await runRaw(db, ASSESSMENT_FINGERPRINT, valuesOf(key), prepared);
  return fingerprintOf(row);
}

/** The database's snapshot now (see ASSESSMENT_FINGERPRINT). */
export async function readSnapshot(db: Db, prepared: boolean): Promise<string> {
  const [row] = await runRaw(db, SNAPSHOT, [], prepared);
  return row?.[0] ?? '';
}
