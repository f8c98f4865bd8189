import {
  can,
  Decimal,
  PARTICIPATION_LABELS,
  presentUnitDetail,
  presentUnitSummary,
  submissionProblems,
  WINDOW_KINDS,
  WINDOW_LABELS,
  type ParticipationStatus,
} from '@chiso/core';
import type { CurrentActor, UseCaseContext } from '../../context.js';
import { listEntries, type EntryRow } from '../../repositories/entries.js';
import type { StoredFramework } from '../../repositories/frameworks.js';
import { listAssessmentEvidence, listUnitLinks } from '../../repositories/evidence.js';
import { authorize } from '../authorize.js';
import { presentFramework } from '../frameworks/present-framework.js';
import { combineOverrides } from '../feeds/combine.js';
import { loadLowerUnitsFeed } from '../feeds/lower-units.js';
import { presentLowerFeed } from '../feeds/present-lower-feed.js';
import {
  loadStatisticsFeed,
  NO_STATISTICS,
  statisticFedLeaves,
  statisticFeedOf,
  withStatistics,
} from '../feeds/statistics.js';
import { loadPeriodSurveys, surveyOverrideOf } from '../survey-results/period-surveys.js';
import {
  APPRAISAL_KIND_LABELS,
  visibilityIn,
  isDisputed,
  type AppraisalKind,
} from './appraisal-outcome.js';
import { presentEvidence } from './evidence.js';
import { presentPrevious, previousPointsOf } from './previous-points.js';
import { accessTarget, loadUnitScope, windowOpen, type UnitScope } from './scope.js';
import { canAddEvidence } from './self-edit.js';
import { servedTasksOf } from './served-tasks.js';
import { offeredTaskEvidence, type OfferedEvidence } from './task-evidence.js';
import { unitResultOf } from './unit-result.js';

/**
 * A unit's whole assessment in a period: the framework with guidance, each leaf's entry and
 * evidence, points computed by the core (self and, when visible, appraised), progress per area,
 * the windows, and what still blocks submission. Units see appraisals only once they are sent.
 */
export async function getAssessment(
  ctx: UseCaseContext,
  key: { periodId: string; unitId: string },
) {
  const actor = authorize(ctx, 'readAssessment', await accessTarget(ctx, key.periodId, key.unitId));
  return (await assessmentAnswer(ctx, actor, key)).answer;
}

/**
 * The page for a reader already authorised, with what a cached copy of it depends on besides
 * its rows (cached-assessment.ts): the framework, whether it takes lower units' results, and
 * the instants at which the clock changes something (windows, supplement deadlines).
 */
export async function assessmentAnswer(
  ctx: UseCaseContext,
  actor: CurrentActor,
  key: { periodId: string; unitId: string },
) {
  const { db } = ctx.deps;
  const scope = await loadUnitScope(db, key.periodId, key.unitId);
  const [entries, evidence, links] = await Promise.all([
    listEntries(db, key.periodId, key.unitId),
    listAssessmentEvidence(db, key.periodId, key.unitId),
    listUnitLinks(db, key.periodId, key.unitId),
  ]);
  const status = scope.participation.status as ParticipationStatus;
  const appraisalVisible = visibilityIn(actor.role, scope).appraisal;
  const { framework } = scope.stored;
  // Leaves fed by the period's surveys show the points counted from the answers (surveyFed).
  const lower = await loadLowerUnitsFeed(db, scope.period, framework, scope.unit.id);
  // A framework that takes no procedure statistics has nothing to read for them.
  const statistics =
    statisticFedLeaves(framework).size === 0
      ? NO_STATISTICS
      : await loadStatisticsFeed(db, key.periodId, key.unitId);
  const surveys = withStatistics(
    combineOverrides(
      surveyOverrideOf(
        await loadPeriodSurveys(db, key.periodId, key.unitId, { computedAt: false }),
        framework,
        scope.unit,
      ),
      lower,
    ),
    framework,
    statistics,
    scope.unit.id,
  );
  const compute = (phase: 'self' | 'effective') => {
    const result = unitResultOf(scope.stored, scope.unit, entries, phase, surveys);
    return { ...presentUnitSummary(result), ...presentUnitDetail(framework, result) };
  };
  const self = compute('self');
  // Before any leaf is appraised the effective points are the unit's own: computed once.
  const appraised = !appraisalVisible
    ? null
    : entries.some((e) => e.appraisalKind !== null)
      ? compute('effective')
      : self;
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const linksByCode = groupLinks(links);
  const served = await servedTasksOf(db, framework, scope.unit.id, scope.period.year, ctx.now);
  // Finished tasks' files are offered to whoever may attach them: the unit's officer and head.
  const offered = can(actor, 'editSelfAssessment', { unitId: scope.unit.id })
    ? await offeredTaskEvidence(
        db,
        framework,
        scope.unit.id,
        scope.period.year,
        ctx.now,
        linksByCode,
      )
    : new Map<string, OfferedEvidence[]>();
  const previous = await previousPointsOf(db, {
    year: scope.period.year,
    unitId: scope.unit.id,
    stored: scope.stored,
  });
  const answer = {
    period: {
      id: scope.period.id,
      name: scope.period.name,
      year: scope.period.year,
      status: scope.period.status,
    },
    unit: {
      id: scope.unit.id,
      name: scope.unit.name,
      type: scope.unit.type,
      peerGroup: scope.unit.peerGroup,
    },
    participation: {
      status,
      statusLabel: PARTICIPATION_LABELS[status],
      submittedAt: scope.participation.submittedAt,
      appraisedAt: scope.participation.appraisedAt,
      finalisedAt: scope.participation.finalisedAt,
    },
    windows: presentWindows(scope, ctx.now),
    canAddEvidence: canAddEvidence(scope, ctx.now, entries),
    framework: presentedFramework(scope.stored),
    entries: framework.leaves.map((leaf) => {
      const entry = byCode.get(leaf.code);
      const statisticFeed = statisticFeedOf(framework, statistics, scope.unit.id, leaf.code);
      return {
        ...presentEntry(
          leaf.code,
          entry,
          linksByCode.get(leaf.code) ?? [],
          appraisalVisible,
          ctx.now,
          entry !== undefined && isDisputed(leaf, entry, framework.pointsDecimals),
        ),
        // Fed by surveys only: lower units' results and statistics say so in their own fields.
        surveyFed:
          surveys.leaves.has(leaf.code) && !lower.leaves.has(leaf.code) && statisticFeed === null,
        lowerUnitsFeed: presentLowerFeed(lower.stories.get(leaf.code)),
        statisticFeed,
        previous: presentPrevious(previous, leaf.code),
        tasks: served.get(leaf.code) ?? null,
        taskEvidence: offered.get(leaf.code) ?? [],
      };
    }),
    previousSource: previous
      ? { year: previous.year, unitId: previous.unitId, unitName: previous.unitName }
      : null,
    evidence: evidence.filter((e) => e.periodId !== null).map(presentEvidence),
    taskEvidence: evidence.filter((e) => e.periodId === null).map(presentEvidence),
    self,
    appraised,
    progress: framework.areas.map((area) => {
      const leaves = framework.leaves.filter(
        (l) => l.code.startsWith(`${area.code}.`) || l.code === area.code,
      );
      return {
        code: area.code,
        title: area.title,
        leaves: leaves.length,
        filled: leaves.filter(
          (l) => surveys.leaves.has(l.code) || (byCode.get(l.code)?.facts ?? null) !== null,
        ).length,
      };
    }),
    submissionProblems: submissionProblems(
      entries
        .filter((e) => !surveys.leaves.has(e.code))
        .map((e) => ({
          code: e.code,
          hasPositivePoints: e.selfPoints !== null && Decimal.of(e.selfPoints).gt(Decimal.ZERO),
          evidenceCount: linksByCode.get(e.code)?.length ?? 0,
          hasExplanation: (e.selfExplanation ?? '').trim() !== '',
        })),
    ),
  };
  return {
    answer,
    frameworkId: scope.stored.row.id,
    lowerUnits: lower.leaves.size > 0,
    instants: [
      ...scope.windows.flatMap((w) => [w.opensAt, w.closesAt]),
      ...scope.extensions.values(),
      ...entries.flatMap((e) => (e.supplementDeadline ? [e.supplementDeadline.getTime()] : [])),
    ],
  };
}

/**
 * The framework as the page shows it, once per built framework: a version's cached framework
 * is one object (framework-at.ts), so its rules are worded once, not on every read.
 */
const presented = new WeakMap<StoredFramework, ReturnType<typeof presentFramework>>();

function presentedFramework(stored: StoredFramework) {
  let view = presented.get(stored);
  if (view === undefined) {
    view = presentFramework(stored.row, stored.framework, stored.policy);
    presented.set(stored, view);
  }
  return view;
}

/** The links by leaf code, in their order, grouped once for the page. */
function groupLinks<T extends { code: string }>(links: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const link of links) {
    const list = out.get(link.code);
    if (list) list.push(link);
    else out.set(link.code, [link]);
  }
  return out;
}

export function presentWindows(scope: Pick<UnitScope, 'windows' | 'extensions'>, now: Date) {
  return WINDOW_KINDS.map((kind) => {
    const window = scope.windows.find((w) => w.kind === kind);
    const extendedTo = scope.extensions.get(kind);
    return {
      kind,
      label: WINDOW_LABELS[kind],
      opensAt: window ? new Date(window.opensAt) : null,
      closesAt: window ? new Date(window.closesAt) : null,
      extendedTo: extendedTo === undefined ? null : new Date(extendedTo),
      open: windowOpen(scope, kind, now).open,
    };
  });
}

/** Facts as stored (jsonb): objects by fact name, written from the rules' facts schemas. */
type Facts = Record<string, unknown>;

function presentEntry(
  code: string,
  entry: EntryRow | undefined,
  links: { evidenceId: string; pageRef: string | null }[],
  appraisalVisible: boolean,
  now: Date,
  disputed: boolean,
) {
  const kind = (entry?.appraisalKind ?? null) as AppraisalKind | null;
  const deadline = entry?.supplementDeadline ?? null;
  const supplementOpen = deadline !== null && now < deadline;
  return {
    code,
    version: entry?.version ?? 0,
    facts: (entry?.facts ?? null) as Facts | null,
    selfPoints: entry?.selfPoints ?? null,
    explanation: entry?.selfExplanation ?? null,
    evidence: links.map((l) => ({ evidenceId: l.evidenceId, pageRef: l.pageRef })),
    appraisal:
      appraisalVisible || supplementOpen
        ? {
            kind: appraisalVisible ? kind : null,
            kindLabel: appraisalVisible && kind ? APPRAISAL_KIND_LABELS[kind] : null,
            points: appraisalVisible ? (entry?.appraisedPoints ?? null) : null,
            facts: appraisalVisible ? ((entry?.appraisedFacts ?? null) as Facts | null) : null,
            // The reason belongs to the decision: a unit reads it once the round is sent to it.
            comment: appraisalVisible ? (entry?.appraisalComment ?? null) : null,
            supplementDeadline: entry?.supplementDeadline ?? null,
            supplementNote: entry?.supplementNote ?? null,
            disputed: appraisalVisible && disputed,
          }
        : null,
    response: entry?.response ?? null,
  };
}
