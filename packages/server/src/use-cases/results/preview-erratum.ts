import { DomainError, ERROR_CODES, type ResultsJson } from '@chiso/core';
import { createHash } from 'node:crypto';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { listPeriodActions } from '../../repositories/audit-trail.js';
import { findPeriod, type PeriodRow } from '../../repositories/periods.js';
import { findUnits } from '../../repositories/units.js';
import {
  currentPublication,
  listPublished,
  type PublicationRow,
} from '../../repositories/results.js';
import { compareResults, type UnitChange } from './compare-results.js';
import { computePeriodResults, type TypeResults } from './period-results.js';
import { presentPublication } from './present-publication.js';
import { authorizeIn } from '../reach.js';

export interface ErratumBasis {
  period: PeriodRow;
  current: PublicationRow;
  recomputed: TypeResults[];
  changes: UnitChange[];
  /** Names what the changes are, so that an erratum publishes what was previewed. */
  fingerprint: string;
}

/** The publication in force and what a new computation of the period would change in it. */
export async function erratumBasis(db: Db, period: PeriodRow | undefined): Promise<ErratumBasis> {
  if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
  const current =
    period.status === 'published' ? await currentPublication(db, period.id) : undefined;
  if (!current) {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      'Kỳ đánh giá chưa công bố kết quả; chỉ đính chính kết quả đã công bố',
    );
  }
  const published = (await listPublished(db, period.id, current.version)).map((row) => ({
    unitType: row.unitType,
    results: row.results as ResultsJson,
  }));
  const recomputed = await computePeriodResults(db, period.id, period.year);
  const changes = compareResults(
    published,
    recomputed.map((t) => ({ unitType: t.unitType, results: t.json })),
  );
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ version: current.version, changes }))
    .digest('hex');
  return { period, current, recomputed, changes, fingerprint };
}

/**
 * What an erratum would change: the publication in force, every unit whose figures or leaves
 * differ once the period is computed again (after corrections, or a data repair), and the
 * corrections made since that publication.
 */
export async function previewErratum(ctx: UseCaseContext, periodId: string) {
  await authorizeIn(ctx, 'correctResults', { periodId });
  const { db } = ctx.deps;
  const basis = await erratumBasis(db, await findPeriod(db, periodId));
  // Corrections by people, and repairs made by an upgrade of chiso (decision 0014).
  const corrections = await listPeriodActions(
    db,
    periodId,
    ['entry.correct', 'entry.repair'],
    basis.current.publishedAt,
  );
  const names = new Map(
    (await findUnits(db, [...new Set(corrections.flatMap((r) => r.unitId ?? []))])).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return {
    publication: presentPublication(basis.current),
    changes: basis.changes,
    fingerprint: basis.fingerprint,
    corrections: corrections.map((row) => ({
      at: row.at,
      actor: row.actorName,
      repair: row.action === 'entry.repair',
      unitId: row.unitId,
      unitName: row.unitId === null ? null : (names.get(row.unitId) ?? row.unitId),
      code: row.code,
      reason: (row.after as { reason?: string } | null)?.reason ?? null,
    })),
  };
}
