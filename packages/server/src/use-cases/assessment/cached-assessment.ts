import { assessmentResponse } from '@chiso/contract';
import { can, VIETNAM_OFFSET_MS } from '@chiso/core';
import type { CurrentActor, UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { BoundedCache } from '../../http/bounded-cache.js';
import { contractJson, type CachedBody } from '../../http/public-cache.js';
import { onPostgresServer } from '../../db/raw-statement.js';
import {
  readAssessmentFingerprint,
  readAssessmentFingerprintIn,
  readSnapshot,
  type FingerprintKey,
} from '../../repositories/assessment-fingerprint.js';
import { markReadOnly } from '../../repositories/framework-at.js';
import { authorize } from '../authorize.js';
import { assessmentAnswer } from './get-assessment.js';
import { accessTarget } from './scope.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One reader class's answer, as JSON bytes, with what proves it current (decision 0051). */
interface CachedAssessment extends CachedBody {
  fingerprint: string;
  frameworkId: string;
  lowerUnits: boolean;
  /** The instant it was built at: a clock set back may not reuse it. */
  builtAt: number;
  /** The first instant at which the clock may change it (a window, a deadline, a new day). */
  validUntil: number;
  /**
   * The database's snapshot when the fingerprint was last found equal, and until when that
   * proof stands by the snapshot alone (decision 0061): no transaction finished since, and no
   * source moves with the clock before it.
   */
  snapshot: string;
  quietUntil: number;
}

/** Per database handle: one server process serves one database, a test may open several. */
const caches = new WeakMap<Db, BoundedCache<CachedAssessment>>();

/** How the cache answered, per database handle (the tests' proof that it was used). */
export interface AssessmentCacheCounts {
  hits: number;
  misses: number;
  /** Built answers kept (a miss whose snapshot moved during the build is not kept). */
  kept: number;
}

const counts = new WeakMap<Db, AssessmentCacheCounts>();

export function assessmentCacheCounts(db: Db): AssessmentCacheCounts {
  let found = counts.get(db);
  if (found === undefined) counts.set(db, (found = { hits: 0, misses: 0, kept: 0 }));
  return found;
}

function cacheOf(db: Db): BoundedCache<CachedAssessment> {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new BoundedCache<CachedAssessment>(
      { maxEntries: 4096, maxSize: 128 * 1024 * 1024 },
      // The body and room for its compressed copies, made later and always smaller than it.
      (entry) => 2 * entry.body.length,
    );
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The earliest instant after `now` at which an output read at `now` may differ: each boundary
 * and the millisecond after it (a window open from its opening, a deadline passed only after
 * it), and the next midnight in Vietnam (tasks late or overdue by the day).
 */
export function validUntilOf(now: number, instants: readonly number[]): number {
  const vietnam = now + VIETNAM_OFFSET_MS;
  let until = vietnam - (((vietnam % DAY_MS) + DAY_MS) % DAY_MS) + DAY_MS - VIETNAM_OFFSET_MS;
  for (const instant of instants) {
    if (instant > now && instant < until) until = instant;
    else if (instant + 1 > now && instant + 1 < until) until = instant + 1;
  }
  return until;
}

/**
 * What the fingerprint of a page counts: the page's unit and period at the request's instant,
 * and what the answer found (its framework, whether that takes lower units' results). One
 * place, so that the check of a kept answer and the build's own read cannot count differently.
 */
function fingerprintKey(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string },
  answer: { frameworkId: string; lowerUnits: boolean },
): FingerprintKey {
  return {
    periodId: key.periodId,
    unitId: key.unitId,
    now: ctx.now,
    lowerUnits: answer.lowerUnits,
    frameworkId: answer.frameworkId,
  };
}

/**
 * A unit's assessment page as JSON bytes, from this process's cache when one statement proves
 * the kept answer current, else built. Authorization runs first on every request, exactly as
 * the uncached page's: the cache is never asked for a reader the page would refuse. The key
 * is everything of the reader the answer depends on: the role (what each phase shows it) and
 * whether it edits the unit's self-assessment (task files offered).
 */
export async function cachedAssessment(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string },
  /** The snapshot the request's session was read under, when it was (decision 0061). */
  sessionSnapshot?: string,
): Promise<{ entry: CachedBody; hit: boolean }> {
  const actor = authorize(ctx, 'readAssessment', await accessTarget(ctx, key.periodId, key.unitId));
  const { db, config } = ctx.deps;
  const prepared = config.preparedStatements;
  const edits = can(actor, 'editSelfAssessment', { unitId: key.unitId });
  const cacheKey = `${key.periodId}|${key.unitId}|${actor.role}|${edits ? 'edits' : 'reads'}`;
  const cache = cacheOf(db);
  const now = ctx.now.getTime();
  const kept = cache.get(cacheKey);
  if (kept !== undefined && now >= kept.builtAt && now < kept.validUntil) {
    // No transaction finished since the fingerprint was last found equal: the same rows. The
    // session's own statement read the snapshot already; the answer is then as of that instant.
    if (
      now < kept.quietUntil &&
      (sessionSnapshot ?? (await readSnapshot(db, prepared))) === kept.snapshot
    ) {
      assessmentCacheCounts(db).hits += 1;
      return { entry: kept, hit: true };
    }
    const read = await readAssessmentFingerprint(db, fingerprintKey(ctx, key, kept), prepared);
    if (read.fingerprint === kept.fingerprint) {
      kept.snapshot = read.snapshot;
      kept.quietUntil = read.quietUntil ?? Number.POSITIVE_INFINITY;
      assessmentCacheCounts(db).hits += 1;
      return { entry: kept, hit: true };
    }
  }
  assessmentCacheCounts(db).misses += 1;
  const { built, proof, keep } = await buildProven(ctx, actor, key);
  const body = contractJson(
    assessmentResponse,
    built.answer,
    config.validateResponses,
    'GET /api/periods/:periodId/units/:unitId/assessment',
  );
  const entry: CachedAssessment = {
    tag: '',
    type: 'application/json; charset=utf-8',
    body,
    encoded: {},
    compressible: true,
    fingerprint: proof.fingerprint,
    frameworkId: built.frameworkId,
    lowerUnits: built.lowerUnits,
    builtAt: now,
    validUntil: validUntilOf(now, built.instants),
    snapshot: proof.snapshot,
    quietUntil: proof.quietUntil ?? Number.POSITIVE_INFINITY,
  };
  if (keep) {
    cache.set(cacheKey, entry);
    assessmentCacheCounts(db).kept += 1;
  }
  return { entry, hit: false };
}

/**
 * The page built with the fingerprint of exactly the rows it read, and whether it may be kept.
 * On a PostgreSQL server, in one read-only REPEATABLE READ transaction: the build and the
 * fingerprint read one snapshot, whatever other sessions (or other databases of the cluster)
 * commit meanwhile. On PGlite (one process, one database) the build runs as always, between two
 * reads of the database's snapshot: equal, no transaction finished in between, so every
 * statement of the build saw the rows the fingerprint counts; else it is not kept.
 */
async function buildProven(
  ctx: UseCaseContext,
  actor: CurrentActor,
  key: { periodId: string; unitId: string },
) {
  const { db, config } = ctx.deps;
  if (onPostgresServer(db)) {
    return db.transaction(
      async (tx) => {
        markReadOnly(tx);
        const built = await assessmentAnswer({ ...ctx, deps: { ...ctx.deps, db: tx } }, actor, key);
        const proof = await readAssessmentFingerprintIn(tx, fingerprintKey(ctx, key, built));
        return { built, proof, keep: true };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  }
  const before = await readSnapshot(db, config.preparedStatements);
  const built = await assessmentAnswer(ctx, actor, key);
  const proof = await readAssessmentFingerprint(
    db,
    fingerprintKey(ctx, key, built),
    config.preparedStatements,
  );
  return { built, proof, keep: proof.snapshot === before };
}
