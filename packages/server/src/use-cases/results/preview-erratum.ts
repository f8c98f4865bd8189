import { DomainError, ERROR_CODES, type ResultsJson } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { listPeriodActions } from '../../repositories/audit-trail.js';
import { findPeriod, type PeriodRow } from '../../repositories/periods.js';
import {
  currentPublication,
  listPublished,
  type PublicationRow,
} from '../../repositories/results.js';
import { authorize } from '../authorize.js';
import { compareResults, type UnitChange } from './compare-results.js';
import { computePeriodResults, type TypeResults } from './period-results.js';
import { presentPublication } from './present-publication.js';

export interface ErratumBasis {
  period: PeriodRow;
  current: PublicationRow;
  recomputed: TypeResults[];
  changes: UnitChange[];
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
  return { period, current, recomputed, changes };
}

/**
 * What an erratum would change: the publication in force, every unit whose figures or leaves
 * differ once the period is computed again (after corrections, or a data repair), and the
 * corrections made since that publication.
 */
export async function previewErratum(ctx: UseCaseContext, periodId: string) {
  authorize(ctx, 'correctResults');
  const { db } = ctx.deps;
  const basis = await erratumBasis(db, await findPeriod(db, periodId));
  const corrections = await listPeriodActions(
    db,
    periodId,
    'entry.correct',
    basis.current.publishedAt,
  );
  return {
    publication: presentPublication(basis.current),
    changes: basis.changes,
    corrections: corrections.map((row) => ({
      at: row.at,
      actor: row.actorName,
      unitId: row.unitId,
      code: row.code,
      reason: (row.after as { reason?: string } | null)?.reason ?? null,
    })),
  };
}
