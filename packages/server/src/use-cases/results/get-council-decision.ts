import {
  buildCouncilDecision,
  Decimal,
  DomainError,
  ERROR_CODES,
  issuerInSentence,
  Ratio,
  type CouncilDecisionView,
  type DecisionBlock,
  type DecisionUnit,
  type ResultsJson,
} from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { findPeriod } from '../../repositories/periods.js';
import { findPeriodReport } from '../../repositories/reports.js';
import { currentPublication, listPublished } from '../../repositories/results.js';
import { computePeriodResults } from './period-results.js';
import { authorizeIn } from '../reach.js';

type UnitJson = ResultsJson['units'][number];

/** The published JSON's points (exact millionths as doubles) back to exact decimals. */
const exact = (value: number | null) => (value === null ? Decimal.ZERO : Decimal.of(value));
/** The exact index 100 × points ÷ max, as the results ranked it. */
const indexOf = (points: Decimal, max: Decimal) =>
  max.units <= 0 ? undefined : Ratio.of(BigInt(points.units) * 100n, BigInt(max.units));

function decisionUnit(unit: UnitJson): DecisionUnit {
  const points = exact(unit.points);
  const maxPoints = exact(unit.maxPoints);
  const areas = new Map(unit.areas.map((a) => [a.code, a]));
  return {
    name: unit.name,
    rank: unit.rank ?? undefined,
    points,
    maxPoints,
    percent: unit.percent === null ? undefined : indexOf(points, maxPoints),
    band: unit.band ?? undefined,
    headRating: unit.headRating ?? undefined,
    flags: unit.flagDetails.map((flag) => ({
      label: flag.label,
      areas: flag.areaCodes.flatMap((code) => {
        const area = areas.get(code);
        const percent = area && indexOf(exact(area.points), exact(area.maxPoints));
        return area && percent ? [{ title: area.title, percent }] : [];
      }),
    })),
  };
}

/**
 * The blocks of the decision: each unit type in the period's order and, inside it, each peer
 * group in the order its first unit comes (the results are sorted by group, then rank).
 */
function blocksOf(groups: readonly { unitType: string; units: readonly UnitJson[] }[]) {
  const blocks: DecisionBlock[] = [];
  for (const group of groups) {
    const byPeer = new Map<string, DecisionUnit[]>();
    for (const unit of group.units) {
      const key = unit.group ?? group.unitType;
      const list = byPeer.get(key) ?? [];
      list.push(decisionUnit(unit));
      byPeer.set(key, list);
    }
    for (const [peer, units] of byPeer) blocks.push({ group: peer, units });
  }
  return blocks;
}

export interface CouncilDecisionOptions {
  issuer: string | undefined;
  signerName: string | undefined;
  parentAuthority?: string | undefined;
  place?: string | undefined;
}

/** What the secretariat stored for the period's report (saved through reportOptionsSchema). */
interface StoredReport {
  issuer?: string;
  parentAuthority?: string;
  place?: string;
  blocks?: { group: string; name: string; heads?: string }[];
  signature?: { name?: string };
}

/**
 * The report's blocks in its order and with its words; other blocks keep the period's order
 * after them. One source for the report and the decision, so both name the blocks alike.
 */
function ordered(blocks: DecisionBlock[], stored: StoredReport): DecisionBlock[] {
  const named = stored.blocks ?? [];
  const position = (group: string) => {
    const i = named.findIndex((b) => b.group === group);
    return i === -1 ? named.length : i;
  };
  return blocks
    .map((block, i) => ({ block, i }))
    .sort((a, b) => position(a.block.group) - position(b.block.group) || a.i - b.i)
    .map(({ block }) => {
      const words = named.find((b) => b.group === block.group);
      return words ? { ...block, name: words.name, heads: words.heads } : block;
    });
}

/**
 * The council's decision approving and publishing the period's index (decision 0021): from
 * the publication in force once published; from the results computed now, marked a draft,
 * once approved; refused before the council approves. The administrator and the council read it.
 */
export async function getCouncilDecision(
  ctx: UseCaseContext,
  periodId: string,
  options: CouncilDecisionOptions,
): Promise<{
  year: number;
  view: CouncilDecisionView;
  parentAuthority: string | undefined;
  place: string | undefined;
}> {
  await authorizeIn(ctx, 'readCouncilDecision', { periodId });
  const { db } = ctx.deps;
  const period = await findPeriod(db, periodId);
  if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
  let groups: { unitType: string; units: UnitJson[]; flagRules: string[] }[];
  let erratum: { number: string | undefined; date: string | undefined } | undefined;
  if (period.status === 'published') {
    const publication = await currentPublication(db, periodId);
    if (!publication) {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        'Kỳ đánh giá chưa có lần công bố nào đang có hiệu lực',
      );
    }
    groups = (await listPublished(db, periodId, publication.version)).map((row) => ({
      unitType: row.unitType,
      units: (row.results as ResultsJson).units,
      flagRules: (
        (row.framework as { policy?: { flags?: { label: string }[] } }).policy?.flags ?? []
      ).map((f) => f.label),
    }));
    erratum =
      publication.version > 1
        ? {
            number: publication.decisionNumber ?? undefined,
            date: publication.decisionDate ?? undefined,
          }
        : undefined;
  } else if (period.status === 'approved') {
    groups = (await computePeriodResults(db, periodId, period.year)).map((t) => ({
      unitType: t.unitType,
      units: t.json.units,
      flagRules: t.policy.flags.map((f) => f.label),
    }));
  } else {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      `Hội đồng chưa thông qua kết quả kỳ "${period.name}"; quyết định phê duyệt và công bố lập sau khi thông qua`,
    );
  }
  const flagRules = [...new Set(groups.flatMap((g) => g.flagRules))];
  // What the query does not give comes from the report's stored text (decision 0021).
  const stored = ((await findPeriodReport(db, periodId))?.options ?? {}) as StoredReport;
  const storedIssuer = stored.issuer === undefined ? undefined : issuerInSentence(stored.issuer);
  return {
    year: period.year,
    parentAuthority: options.parentAuthority ?? stored.parentAuthority,
    place: options.place ?? stored.place,
    view: buildCouncilDecision({
      year: period.year,
      issuer: options.issuer ?? storedIssuer,
      number: period.councilDecisionNumber ?? undefined,
      date: period.councilDecisionDate ?? undefined,
      blocks: ordered(blocksOf(groups), stored),
      flagRules,
      draft: period.status === 'approved',
      erratum,
      signerName: options.signerName ?? stored.signature?.name,
    }),
  };
}
