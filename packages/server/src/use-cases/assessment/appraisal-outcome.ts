import {
  Decimal,
  DomainError,
  ERROR_CODES,
  evaluateRule,
  formatExact,
  pointsRange,
  visibilityFor,
  visibilityPhaseOf,
  type AppraisalKind,
  type FrameworkNode,
  type ParticipationStatus,
  type PeriodStatus,
  type Role,
  type Visibility,
} from '@chiso/core';
import type { EntryRow } from '../../repositories/entries.js';

/**
 * What an appraisal decides for a leaf is a whole outcome, never a bare number: accepting the
 * unit's own outcome keeps "not applicable" not applicable (and a peer-relative leaf relative
 * to its peers), because the accepted facts are evaluated again, not a points copy.
 */
export { APPRAISAL_KIND_LABELS, APPRAISAL_KINDS, type AppraisalKind } from '@chiso/core';

/**
 * What the actor may see of one unit in a period: the core's one visibility rule (decisions
 * 0006, 0032), asked by the assessment page, the appraisal record, the leaf history and the
 * results preview alike.
 */
export function visibilityIn(
  role: Role,
  scope: { period: { status: string }; participation: { status: string } | undefined },
): Visibility {
  return visibilityFor(
    role,
    visibilityPhaseOf(
      scope.period.status as PeriodStatus,
      scope.participation?.status as ParticipationStatus | undefined,
    ),
  );
}

/** A leaf's outcome as far as one leaf alone can tell (no peer group). */
export interface LeafDecision {
  status: 'scored' | 'notApplicable' | 'missing';
  points: Decimal | undefined;
}

/** The entry columns an appraisal writes. */
export interface AppraisalColumns {
  appraisalKind: AppraisalKind;
  appraisedFacts: unknown;
  appraisedPoints: string | null;
}

/** What the appraiser asks for: exactly one of the four. */
export type AppraisalChoice =
  | { kind: 'accepted' }
  | { kind: 'facts'; facts: Record<string, unknown> }
  | { kind: 'points'; points: Decimal }
  | { kind: 'missing' };

type Entry = Pick<EntryRow, 'facts' | 'appraisalKind' | 'appraisedFacts' | 'appraisedPoints'>;

function evaluateAlone(node: FrameworkNode, facts: unknown, pointsDecimals: number): LeafDecision {
  if (facts === null || facts === undefined || !node.rule) {
    return { status: 'missing', points: undefined };
  }
  const outcome = evaluateRule(node.rule, facts, { maxPoints: node.maxPoints, pointsDecimals });
  return {
    status: outcome.status,
    points: outcome.status === 'scored' ? outcome.points : undefined,
  };
}

/** The unit's own outcome of a leaf. */
export function selfDecision(
  node: FrameworkNode,
  entry: Entry | undefined,
  pointsDecimals: number,
): LeafDecision {
  return evaluateAlone(node, entry?.facts ?? null, pointsDecimals);
}

/** The appraisal's outcome of a leaf, or undefined while the leaf is not appraised. */
export function appraisedDecision(
  node: FrameworkNode,
  entry: Entry | undefined,
  pointsDecimals: number,
): LeafDecision | undefined {
  switch (entry?.appraisalKind as AppraisalKind | null | undefined) {
    case undefined:
    case null:
      return undefined;
    case 'accepted':
    case 'facts':
      return evaluateAlone(node, entry?.appraisedFacts ?? null, pointsDecimals);
    case 'points':
      return {
        status: 'scored',
        points:
          entry?.appraisedPoints === null || entry?.appraisedPoints === undefined
            ? Decimal.ZERO
            : Decimal.of(entry.appraisedPoints),
      };
    case 'missing':
      return { status: 'missing', points: undefined };
  }
}

/** JSON with object keys sorted: stored jsonb does not keep the order facts were typed in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function sameFacts(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Whether the appraisal came to another outcome than the unit's own (the leaf is disputed). */
export function isDisputed(
  node: FrameworkNode,
  entry: Entry | undefined,
  pointsDecimals: number,
): boolean {
  const kind = entry?.appraisalKind as AppraisalKind | null | undefined;
  if (!entry || kind === null || kind === undefined || kind === 'accepted') return false;
  if (kind === 'facts' && sameFacts(entry.facts, entry.appraisedFacts)) return false;
  const own = selfDecision(node, entry, pointsDecimals);
  const appraised = appraisedDecision(node, entry, pointsDecimals);
  if (!appraised || own.status !== appraised.status) return true;
  // Two "missing" outcomes of a peer-relative rule cannot be told apart alone: facts decide.
  if (own.status === 'missing') return kind === 'facts' && node.rule?.kind === 'relativeToBest';
  if (own.status === 'notApplicable') return false;
  return !(own.points ?? Decimal.ZERO).equals(appraised.points ?? Decimal.ZERO);
}

/**
 * The columns an appraiser's choice writes, checked against the leaf's rule: points within the
 * rule's range, corrected facts that the rule accepts. Accepting copies the unit's facts as they
 * are at this moment, so that a later change by the unit cannot slip into an accepted leaf.
 */
export function decideAppraisal(
  node: FrameworkNode,
  entry: Entry | undefined,
  choice: AppraisalChoice,
  pointsDecimals: number,
): AppraisalColumns {
  switch (choice.kind) {
    case 'accepted': {
      const facts = entry?.facts ?? null;
      const own = evaluateAlone(node, facts, pointsDecimals);
      return {
        appraisalKind: 'accepted',
        appraisedFacts: facts,
        appraisedPoints: own.points?.toString() ?? null,
      };
    }
    case 'facts': {
      if (!node.rule)
        throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Tiêu chí không có quy tắc');
      const outcome = evaluateRule(
        node.rule,
        choice.facts,
        { maxPoints: node.maxPoints, pointsDecimals },
        'facts',
      );
      return {
        appraisalKind: 'facts',
        appraisedFacts: choice.facts,
        appraisedPoints: outcome.status === 'scored' ? outcome.points.toString() : null,
      };
    }
    case 'points': {
      const range = pointsRange(node.rule, node.maxPoints);
      if (choice.points.lt(range.min) || choice.points.gt(range.max)) {
        throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Điểm thẩm định không hợp lệ', [
          {
            path: 'points',
            message: `Điểm thẩm định phải từ ${formatExact(range.min)} đến ${formatExact(range.max)}`,
          },
        ]);
      }
      return {
        appraisalKind: 'points',
        appraisedFacts: null,
        appraisedPoints: choice.points.toString(),
      };
    }
    case 'missing':
      return { appraisalKind: 'missing', appraisedFacts: null, appraisedPoints: null };
  }
}

/** "Thẩm định 6/8: thiếu báo cáo quý IV": why a leaf the appraiser decided outright came out so. */
export function appraisalNote(
  node: FrameworkNode,
  entry: Pick<EntryRow, 'appraisalKind' | 'appraisedPoints' | 'appraisalComment'>,
): string | undefined {
  const reason = entry.appraisalComment?.trim();
  const tail = reason ? `: ${reason}` : '';
  switch (entry.appraisalKind as AppraisalKind | null) {
    case 'points': {
      const points =
        entry.appraisedPoints === null ? '0' : formatExact(Decimal.of(entry.appraisedPoints));
      return `Thẩm định ${points}/${formatExact(node.maxPoints)}${tail}`;
    }
    case 'missing':
      return `Thẩm định không tính điểm${tail}`;
    default:
      return undefined;
  }
}
