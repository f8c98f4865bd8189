import {
  computeResults,
  Decimal,
  DomainError,
  ERROR_CODES,
  type Framework,
  type ReportSource,
  type ResultsJson,
  type ResultsPolicy,
  type UnitInput,
  type UnitScore,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import { loadFramework } from '../../repositories/frameworks.js';
import type { PeriodRow } from '../../repositories/periods.js';
import { currentPublication, listPublished } from '../../repositories/results.js';
import type { LeafStory } from '../results/leaf-stories.js';
import { computePeriodResults } from '../results/period-results.js';
import type { PublishedDetails } from '../results/publication-rows.js';

type UnitJson = ResultsJson['units'][number];

/** What the report of a period is made from, and how it is marked. */
export interface ReportData {
  /** Computed results of an approved period, not published yet: the document says "DỰ THẢO". */
  draft: boolean;
  publicationVersion: number | null;
  sources: ReportSource[];
}

/** Why a period has no report yet, or undefined when it has one. */
export function reportUnavailable(period: PeriodRow): string | undefined {
  return period.status === 'approved' || period.status === 'published'
    ? undefined
    : `Kỳ "${period.name}" chưa được Hội đồng thông qua kết quả: báo cáo kết quả lập từ kết quả đã thông qua (bản dự thảo) hoặc đã công bố`;
}

/**
 * The report's sources, one per unit type: from the publication in force when published
 * (frozen numbers, the leaf stories it kept), from the computed results when approved;
 * INVALID_STATE before approval.
 */
export async function loadReportData(db: Db, period: PeriodRow): Promise<ReportData> {
  const unavailable = reportUnavailable(period);
  if (unavailable !== undefined) throw new DomainError(ERROR_CODES.INVALID_STATE, unavailable);
  if (period.status === 'published') {
    const publication = await currentPublication(db, period.id);
    if (!publication) {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        `Kỳ "${period.name}" chưa có lần công bố nào đang có hiệu lực`,
      );
    }
    const sources: ReportSource[] = [];
    for (const row of await listPublished(db, period.id, publication.version)) {
      const frameworkId = (row.framework as { id?: string }).id;
      const stored = frameworkId === undefined ? undefined : await loadFramework(db, frameworkId);
      if (!stored) continue;
      sources.push(
        publishedSource(
          stored.framework,
          stored.policy,
          row.results as ResultsJson,
          (row.details as PublishedDetails | null) ?? null,
        ),
      );
    }
    return { draft: false, publicationVersion: publication.version, sources };
  }
  const computed = await computePeriodResults(db, period.id, period.year);
  return {
    draft: true,
    publicationVersion: null,
    sources: computed.map((t) => {
      const units = t.results.units.map((u) => u.score.unit);
      return {
        framework: t.framework,
        policy: t.policy,
        results: t.results,
        inputOrder: units.map((u) => u.group),
        selfScores: selfScoresOf(t.framework, t.policy, units, t.stories),
        reasons: reasonsOf(t.stories),
      };
    }),
  };
}

/**
 * A published unit type as the core's report reads it. The publication holds every node's
 * exact points, whether it applied and its explanation; given back to the core as points
 * per leaf (a peer-relative leaf's too), they score to the same totals, % and ranks, and
 * the explanation published stays the leaf's note. Last year's ranks are the published
 * ones: an erratum of last year issued since does not move this year's report (0014).
 */
function publishedSource(
  framework: Framework,
  policy: ResultsPolicy,
  results: ResultsJson,
  details: PublishedDetails | null,
): ReportSource {
  const inputs = results.units.map((unit) => publishedInput(framework, unit));
  const computed = computeResults({
    framework,
    policy,
    units: inputs,
    previous: results.units.flatMap((u) =>
      u.previousRank === null && u.previousPercent === null
        ? []
        : [
            {
              id: u.id,
              rank: u.previousRank ?? undefined,
              percent: u.previousPercent === null ? undefined : Decimal.of(u.previousPercent),
              areas: new Map(),
            },
          ],
    ),
  });
  const stories = new Map(Object.entries(details ?? {}));
  return {
    framework,
    policy,
    results: computed,
    inputOrder: inputs.map((u) => u.group),
    // Publications made before leaf stories were kept have the final side only (0014).
    selfScores: details === null ? undefined : selfScoresOf(framework, policy, inputs, stories),
    reasons: reasonsOf(stories),
  };
}

function publishedInput(framework: Framework, unit: UnitJson): UnitInput {
  const nodes = new Map(unit.nodes.map((n) => [n.code, n]));
  const points = new Map<string, Decimal>();
  const notApplicable = new Set<string>();
  const notes = new Map<string, string>();
  for (const leaf of framework.leaves) {
    const node = nodes.get(leaf.code);
    if (!node) continue;
    if (!node.applicable) notApplicable.add(leaf.code);
    else if (node.status === 'scored' && node.points !== null) {
      points.set(leaf.code, Decimal.of(node.points));
    }
    if (node.explanation !== null) notes.set(leaf.code, node.explanation);
  }
  return {
    id: unit.id,
    name: unit.name,
    group: unit.group ?? undefined,
    type: unit.type ?? undefined,
    points,
    facts: new Map(),
    notApplicable,
    notes,
  };
}

/**
 * The self-assessed side from the leaf stories: each leaf's own outcome as points (or not
 * applicable), scored among the same peers so that a total is the unit's own.
 */
function selfScoresOf(
  framework: Framework,
  policy: ResultsPolicy,
  units: readonly UnitInput[],
  stories: ReadonlyMap<string, LeafStory[]>,
): Map<string, UnitScore> {
  const inputs = units.flatMap((unit): UnitInput[] => {
    const own = stories.get(unit.id);
    if (!own) return [];
    const points = new Map<string, Decimal>();
    const notApplicable = new Set<string>();
    for (const story of own) {
      if (story.self.status === 'notApplicable') notApplicable.add(story.code);
      else if (story.self.status === 'scored' && story.self.points !== null) {
        points.set(story.code, Decimal.of(story.self.points));
      }
    }
    return [{ ...unit, points, facts: new Map(), notApplicable, notes: undefined }];
  });
  const scored = computeResults({ framework, policy, units: inputs });
  return new Map(scored.units.map((u) => [u.id, u.score]));
}

/** The appraiser's words where a leaf was decided with a comment. */
function reasonsOf(stories: ReadonlyMap<string, LeafStory[]>): Map<string, Map<string, string>> {
  const reasons = new Map<string, Map<string, string>>();
  for (const [unitId, list] of stories) {
    const mine = new Map<string, string>();
    for (const story of list) {
      const comment = story.appraisal?.comment?.trim();
      if (comment) mine.set(story.code, comment);
    }
    if (mine.size > 0) reasons.set(unitId, mine);
  }
  return reasons;
}
