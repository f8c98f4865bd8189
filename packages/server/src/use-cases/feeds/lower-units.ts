import {
  Decimal,
  lowerSourceKinds,
  type Framework,
  type LowerUnitsRule,
  type LowerUnitsSource,
  type ResultsJson,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import { listTypePublications, type TypePublication } from '../../repositories/lower-results.js';
import { findUnits } from '../../repositories/units.js';
import { scoringRule, type SurveyOverride } from '../survey-results/period-surveys.js';

type PublishedUnit = ResultsJson['units'][number];

/** One lower unit whose published index fed the leaf. */
export interface LowerFeedUnit {
  id: string;
  name: string;
  /** The index % exactly as the source publication holds it (canonical decimal, "85.5"). */
  indexPercent: string;
  band: string | null;
}

/** What a leaf fed by lower units' results shows: where from, which units, which version. */
export interface LowerFeedStory {
  /** In Vietnamese: the source's words, or what the leaf is waiting for. */
  source: string;
  published: boolean;
  units: LowerFeedUnit[];
  publication: { periodId: string; periodName: string; version: number; publishedAt: Date } | null;
  /** The source's version now in force, when later than the one taken (an erratum since). */
  latestVersion: number | null;
}

export interface LowerUnitsOverride extends SurveyOverride {
  stories: ReadonlyMap<string, LowerFeedStory>;
}

/** One source period's publication a leaf takes, and its later version if corrected since. */
interface SourceVersion {
  used: TypePublication;
  latestVersion: number | null;
}

interface LeafSource {
  rule: LowerUnitsRule;
  waiting: string;
  /**
   * Per source period (each district runs its own communes' period), the version taken;
   * the periods most recently published first.
   */
  versions: SourceVersion[];
}

/** The lower units' sources of a framework's fed leaves, loaded once for many higher units. */
export interface LowerSources {
  leaves: Map<string, LeafSource>;
  parentOf: Map<string, string | null>;
}

export const NO_LOWER_SOURCES: LowerSources = { leaves: new Map(), parentOf: new Map() };

/**
 * The period the higher unit sits in: its year, and when published the instant its results
 * froze (the source version then in force is the one its figures keep).
 */
export interface HigherPeriod {
  id: string;
  year: number;
  status: string;
  publishedAt: Date | null;
}

/**
 * For every leaf of the framework scored by a 'lowerUnits' rule with a source, the source
 * publication it takes: the latest publication of a period of that unit type (the exact period,
 * or one of the year) — in force now for an open higher period, in force when it was published
 * for a published one.
 */
export async function loadLowerSources(
  db: Db,
  period: HigherPeriod,
  framework: Framework,
): Promise<LowerSources> {
  const leaves = new Map<string, LeafSource>();
  const asOf = period.status === 'published' ? period.publishedAt : null;
  for (const leaf of framework.leaves) {
    const rule = scoringRule(leaf.rule);
    if (rule?.kind !== 'lowerUnits' || rule.source === undefined) continue;
    const { source } = rule;
    const year = source.year ?? period.year;
    const all = (
      await sourcePublications(
        db,
        source,
        source.periodId !== undefined ? { periodId: source.periodId } : { year },
      )
    ).filter((p) => p.periodId !== period.id);
    const versions: SourceVersion[] = [];
    for (const periodId of new Set(all.map((p) => p.periodId))) {
      const ofPeriod = all.filter((p) => p.periodId === periodId);
      const used =
        asOf === null
          ? ofPeriod.find((p) => p.supersededAt === null)
          : ofPeriod.find((p) => p.publishedAt.getTime() <= asOf.getTime());
      if (used === undefined) continue;
      const newest = ofPeriod.find((p) => p.supersededAt === null);
      versions.push({
        used,
        latestVersion:
          newest !== undefined && newest.version > used.version ? newest.version : null,
      });
    }
    versions.sort((a, b) => b.used.publishedAt.getTime() - a.used.publishedAt.getTime());
    const kind = lowerSourceKinds(source);
    leaves.set(leaf.code, {
      rule,
      waiting:
        source.periodId !== undefined
          ? `Chưa có kết quả công bố của kỳ đánh giá ${kind} đã chọn`
          : `Chưa có kết quả công bố của ${kind} năm ${year}`,
      versions,
    });
  }
  const ids = new Set<string>();
  for (const s of leaves.values())
    for (const v of s.versions) for (const u of unitsOf(v.used)) ids.add(u.id);
  const rows = await findUnits(db, [...ids]);
  return { leaves, parentOf: new Map(rows.map((r) => [r.id, r.parentId])) };
}

/**
 * The publications holding results of the source's unit types, newest first; one publication
 * holding several of them (communes and wards) counts once, with all their units.
 */
async function sourcePublications(
  db: Db,
  source: LowerUnitsSource,
  where: { periodId: string } | { year: number },
): Promise<TypePublication[]> {
  const merged = new Map<string, TypePublication>();
  for (const unitType of [source.unitType, ...(source.alsoUnitTypes ?? [])]) {
    for (const p of await listTypePublications(db, unitType, where)) {
      const key = `${p.periodId}/${p.version}`;
      const seen = merged.get(key);
      merged.set(
        key,
        seen === undefined ? p : { ...seen, results: { units: [...unitsOf(seen), ...unitsOf(p)] } },
      );
    }
  }
  return [...merged.values()].sort(
    (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || b.version - a.version,
  );
}

function unitsOf(publication: TypePublication | undefined): PublishedUnit[] {
  return publication === undefined ? [] : (publication.results as ResultsJson).units;
}

/**
 * One higher unit's fed leaves: the lower units directly under it (parentId) in the source
 * publication, each with its published index and band, become the leaf's facts. A fed leaf
 * whose source is not published yet has no facts: it scores nothing.
 */
export function lowerUnitsOverrideOf(sources: LowerSources, unitId: string): LowerUnitsOverride {
  const facts = new Map<string, unknown>();
  const stories = new Map<string, LowerFeedStory>();
  const byParent = childrenByParent(sources);
  const childrenIn = (publication: TypePublication | undefined): LowerFeedUnit[] =>
    (publication === undefined ? undefined : byParent.get(publication)?.get(unitId)) ?? [];
  for (const [code, source] of sources.leaves) {
    // The unit's own lower period: the most recently published one that ranked its children.
    const version =
      source.versions.find((v) => childrenIn(v.used).length > 0) ?? source.versions[0];
    const used = version?.used;
    const units = childrenIn(used);
    if (used !== undefined && units.length > 0) {
      facts.set(code, {
        percents: units.map((u) => u.indexPercent),
        bands: units.map((u) => u.band),
      });
    }
    stories.set(code, {
      source:
        used === undefined
          ? source.waiting
          : `Kết quả công bố của kỳ "${used.periodName}" (phiên bản ${used.version}), ${units.length} đơn vị trực thuộc`,
      published: used !== undefined,
      units,
      publication:
        used === undefined
          ? null
          : {
              periodId: used.periodId,
              periodName: used.periodName,
              version: used.version,
              publishedAt: used.publishedAt,
            },
      latestVersion: version?.latestVersion ?? null,
    });
  }
  return { leaves: new Set(sources.leaves.keys()), facts, stories };
}

const grouped = new WeakMap<LowerSources, Map<TypePublication, Map<string, LowerFeedUnit[]>>>();

/**
 * Each source publication's ranked units under their parent, grouped once per loaded sources:
 * a province's districts each asking for their communes would otherwise each read every
 * commune of every source publication.
 */
function childrenByParent(sources: LowerSources) {
  let byPublication = grouped.get(sources);
  if (byPublication !== undefined) return byPublication;
  byPublication = new Map();
  for (const source of sources.leaves.values()) {
    for (const { used } of source.versions) {
      if (byPublication.has(used)) continue;
      const byParent = new Map<string, LowerFeedUnit[]>();
      for (const u of unitsOf(used)) {
        const parent = sources.parentOf.get(u.id);
        if (u.percent === null || parent === undefined || parent === null) continue;
        const child = {
          id: u.id,
          name: u.name,
          indexPercent: Decimal.of(u.percent ?? 0).toString(),
          band: u.band ?? null,
        };
        const list = byParent.get(parent);
        if (list === undefined) byParent.set(parent, [child]);
        else list.push(child);
      }
      byPublication.set(used, byParent);
    }
  }
  grouped.set(sources, byPublication);
  return byPublication;
}

/** The feed for one unit: its sources loaded and applied. */
export async function loadLowerUnitsFeed(
  db: Db,
  period: HigherPeriod,
  framework: Framework,
  unitId: string,
): Promise<LowerUnitsOverride> {
  return lowerUnitsOverrideOf(await loadLowerSources(db, period, framework), unitId);
}

/** The Vietnamese line a leaf shows when its source was corrected after the higher results. */
export function changedLine(story: LowerFeedStory | undefined): string | null {
  return story === undefined || story.latestVersion === null
    ? null
    : `Kết quả của cấp dưới đã được đính chính sau khi công bố (phiên bản ${story.latestVersion})`;
}
