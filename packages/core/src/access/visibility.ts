import type { ParticipationStatus, PeriodStatus } from '../periods/workflow.js';
import { UNIT_ROLES, type Role } from './policy.js';

/**
 * Where a unit stands in a period's cycle, as far as what may be seen of it (decision 0032):
 * read from the period's status and the unit's participation, never from the clock, so that a
 * window extended for one unit cannot show it what it has not reached yet.
 */
export const VISIBILITY_PHASES = [
  'selfAssessment',
  'appraisal',
  'explanation',
  'council',
  'approved',
  'published',
] as const;

export type VisibilityPhase = (typeof VISIBILITY_PHASES)[number];

/** The phase of one unit: the period's approval and publication first, then the unit's step. */
export function visibilityPhaseOf(
  periodStatus: PeriodStatus,
  participation: ParticipationStatus | undefined,
): VisibilityPhase {
  if (periodStatus === 'published') return 'published';
  if (periodStatus === 'approved') return 'approved';
  switch (participation) {
    case undefined:
    case 'draft':
      return 'selfAssessment';
    case 'submitted':
      return 'appraisal';
    case 'appraised':
      return 'explanation';
    case 'finalised':
      return 'council';
  }
}

/** What a reader may see of one unit in one period. */
export interface Visibility {
  /** The appraiser's points, comments and name (requests to supplement are always shown). */
  appraisal: boolean;
  /** Which points the results show: the unit's own, or the effective (appraised) ones. */
  resultPoints: 'self' | 'effective';
  /** Ranks of the unit and of its areas among peers, and the changes of rank. */
  ranks: boolean;
  /** The appraisers' reasons per leaf in the results (the leaf stories). */
  appraisalDetails: boolean;
  /** The addresses changes came from: personal data, for administrators only. */
  ip: boolean;
}

/** Phases in which the first round has been sent to the unit. */
const SENT: ReadonlySet<VisibilityPhase> = new Set([
  'explanation',
  'council',
  'approved',
  'published',
]);

/**
 * The one visibility rule every read asks (decision 0006, 0032). A unit's own people see the
 * appraisal once the first round is sent to them; until publication the results show them
 * their own self-assessed points only, with no rank of theirs or of their areas among peers.
 * Appraisers, the council and secretariats see what they may reach whole; the addresses changes
 * came from are for administrators only. Which units a reader reaches at all is the policy's.
 */
export function visibilityFor(role: Role, phase: VisibilityPhase): Visibility {
  const ip = role === 'administrator';
  if (!UNIT_ROLES.includes(role)) {
    return { appraisal: true, resultPoints: 'effective', ranks: true, appraisalDetails: true, ip };
  }
  const published = phase === 'published';
  return {
    appraisal: SENT.has(phase),
    resultPoints: published ? 'effective' : 'self',
    ranks: published,
    appraisalDetails: published,
    ip,
  };
}

/**
 * A unit's result without its place among peers: no rank of its own or of its areas, no
 * change of rank (which gives the rank away). Points, %, band, rating and flags stay: they
 * are the unit's own.
 */
export function withoutRanks<T extends RankedUnit>(unit: T): T {
  return {
    ...unit,
    rank: null,
    rankChange: null,
    areas: unit.areas.map((area) => ({ ...area, rank: null })),
  };
}

/** What withoutRanks reads of a presented unit result. */
export interface RankedUnit {
  rank: number | null;
  rankChange: number | null;
  areas: readonly { rank: number | null }[];
}
