import {
  Decimal,
  DomainError,
  ERROR_CODES,
  PeerGroup,
  Ratio,
  type FrameworkNode,
  type PlanUnit,
  type ResultsJson,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import { loadFramework, type StoredFramework } from '../../repositories/frameworks.js';
import { findPeriod, type PeriodRow } from '../../repositories/periods.js';
import { publishedForPlan } from '../../repositories/plans.js';
import { currentPublication, listPublished } from '../../repositories/results.js';

type UnitJson = ResultsJson['units'][number];

/** Millionths as the published JSON holds them (exact doubles) back to exact decimals. */
const exact = (value: number | null | undefined) =>
  value === null || value === undefined ? Decimal.ZERO : Decimal.of(value);
/** The exact index, as computeResults ranks it: 100 × points ÷ max. */
const indexOf = (points: Decimal, max: Decimal) =>
  max.units <= 0 ? undefined : Ratio.of(BigInt(points.units) * 100n, BigInt(max.units));

/**
 * A published unit as the core's plan reads it (decision 0016). Points and maxima are exact in
 * the publication, so the index and the what-if ranks are those of the results; the area's
 * change against last year was published to the millionth of a percent, which the line shows.
 */
export function planUnitOf(unit: UnitJson): PlanUnit {
  const byCode = new Map(unit.nodes.map((n) => [n.code, n]));
  const points = exact(unit.points);
  const maxPoints = exact(unit.maxPoints);
  return {
    id: unit.id,
    name: unit.name,
    group: unit.group ?? undefined,
    points,
    maxPoints,
    percent: unit.percent === null ? undefined : indexOf(points, maxPoints),
    rank: unit.rank ?? undefined,
    groupSize: unit.groupSize,
    areas: unit.areas.map((area) => ({
      code: area.code,
      rank: area.rank ?? undefined,
      percentChange:
        area.percentChange === null
          ? undefined
          : Ratio.of(BigInt(Decimal.of(area.percentChange).units), 1_000_000n),
    })),
    score: {
      pointsOf(node: FrameworkNode) {
        const stored = byCode.get(node.code);
        return {
          points: exact(stored?.points),
          maxPoints: exact(stored?.maxPoints),
          applicable: stored?.applicable ?? false,
        };
      },
    },
  };
}

/** The peer groups of a published type's units: each group's exact indexes, sorted once. */
export function peerGroupsOf(units: readonly UnitJson[]): Map<string, PeerGroup> {
  const percents = new Map<string, Ratio[]>();
  for (const unit of units) {
    if (unit.percent === null) continue;
    const key = unit.group ?? '';
    const list = percents.get(key) ?? [];
    const index = indexOf(exact(unit.points), exact(unit.maxPoints));
    if (index) list.push(index);
    percents.set(key, list);
  }
  return new Map([...percents].map(([key, list]) => [key, new PeerGroup(list)]));
}

export interface PublishedSource {
  period: PeriodRow;
  publicationVersion: number;
  stored: StoredFramework;
  units: UnitJson[];
  /** The same units by id: a plan per unit looks its own up without a search of the list. */
  unitsById: ReadonlyMap<string, UnitJson>;
  peers: Map<string, PeerGroup>;
}

/** The period and its publication in force; INVALID_STATE before publication. */
async function publicationOf(db: Db, periodId: string) {
  const period = await findPeriod(db, periodId);
  if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
  const publication = period.status === 'published' && (await currentPublication(db, periodId));
  if (!publication) {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      `Kết quả kỳ "${period.name}" chưa được công bố; kế hoạch cải thiện lập sau khi công bố`,
    );
  }
  return { period, publication };
}

const notPublishedFor = (period: PeriodRow) =>
  new DomainError(
    ERROR_CODES.NOT_FOUND,
    `Kỳ "${period.name}" không công bố kết quả cho loại đơn vị này`,
  );

/**
 * What the plans of a unit type answer: the period's publication in force for that type, its
 * framework and every unit's result (the administrator's generation for every unit).
 */
export async function publishedSource(
  db: Db,
  periodId: string,
  unitType: string,
): Promise<PublishedSource> {
  const { period, publication } = await publicationOf(db, periodId);
  const group = (await listPublished(db, periodId, publication.version)).find(
    (row) => row.unitType === unitType,
  );
  const frameworkId = (group?.framework as { id?: string } | undefined)?.id;
  const stored = frameworkId === undefined ? undefined : await loadFramework(db, frameworkId);
  if (!group || !stored) throw notPublishedFor(period);
  const units = (group.results as ResultsJson).units;
  return {
    period,
    publicationVersion: publication.version,
    stored,
    units,
    unitsById: new Map(units.map((u) => [u.id, u])),
    peers: peerGroupsOf(units),
  };
}

/**
 * What one unit's plan answers: its own published result and its peer group's indexes only,
 * read out of the stored publication by the database (the same figures as `publishedSource`).
 */
export async function publishedUnitSource(
  db: Db,
  periodId: string,
  unit: { id: string; type: string },
): Promise<PublishedSource> {
  const { period, publication } = await publicationOf(db, periodId);
  const found = await publishedForPlan(db, {
    periodId,
    version: publication.version,
    unitType: unit.type,
    unitId: unit.id,
  });
  const stored =
    found.frameworkId === null ? undefined : await loadFramework(db, found.frameworkId);
  if (!stored) throw notPublishedFor(period);
  const percents = found.peers.flatMap((p) => indexOf(exact(p.points), exact(p.maxPoints)) ?? []);
  return {
    period,
    publicationVersion: publication.version,
    stored,
    units: found.unit ? [found.unit] : [],
    unitsById: new Map(found.unit ? [[found.unit.id, found.unit]] : []),
    peers: new Map([[found.unit?.group ?? '', new PeerGroup(percents)]]),
  };
}

/** One unit's published result; NOT_FOUND when the unit was not in the publication. */
export function publishedUnit(source: PublishedSource, unitId: string): UnitJson {
  const unit = source.unitsById.get(unitId);
  if (!unit) {
    throw new DomainError(
      ERROR_CODES.NOT_FOUND,
      `Đơn vị ${unitId} không có trong kết quả đã công bố của kỳ "${source.period.name}"`,
    );
  }
  return unit;
}
