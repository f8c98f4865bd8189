import {
  Decimal,
  peerGroupLabel,
  UNIT_TYPES,
  unitTypeLabel,
  type ResultsJson,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import type { PublishedVersionRow } from '../../repositories/public-results.js';
import { listPublished } from '../../repositories/results.js';
import type { FrameworkView } from '../frameworks/present-framework.js';
import type { PublishedDetails } from '../results/publication-rows.js';

export type PublishedUnit = ResultsJson['units'][number];

/** A block (nhóm xếp hạng) of a publication: its units in rank order, unranked last. */
export interface BlockModel {
  group: string;
  label: string;
  unitType: string;
  framework: FrameworkView;
  units: PublishedUnit[];
  meanPercent: number | null;
  /** Per area code, the mean % of the block's units where the area applies. */
  areaMeans: Map<string, number | null>;
}

/** One publication of a period as the portal reads it: parsed once, indexed by block and unit. */
export interface PeriodModel {
  state: PublishedVersionRow;
  blocks: BlockModel[];
  units: Map<string, { block: BlockModel; unit: PublishedUnit }>;
  details: PublishedDetails;
}

const TYPE_ORDER = Object.keys(UNIT_TYPES);
const collator = new Intl.Collator('vi');

/** "Khối sở, ban, ngành", "Khối UBND cấp huyện": a block named as the report names it. */
export function blockLabel(group: string): string {
  const name = peerGroupLabel(group);
  // Lower the first letter of a word ("Sở" → "sở"), never of an abbreviation ("UBND").
  const lowered = /^\p{Lu}\p{Ll}/u.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
  return `Khối ${lowered}`;
}

/** The exact mean of percentages (given to the millionth), to the millionth again. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  return Decimal.sum(present.map((v) => Decimal.of(v)))
    .toRatio()
    .dividedBy(Decimal.fromInt(present.length))
    .round(6)
    .toNumber();
}

const byRank = (a: PublishedUnit, b: PublishedUnit) =>
  (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
  collator.compare(a.name, b.name) ||
  collator.compare(a.id, b.id);

/**
 * Reads the frozen rows of the publication in force and groups them into blocks. A unit
 * without a peer group is ranked with the others of its type without one, so its block is
 * keyed by the type; a group code found under two unit types (two separate rankings) gets the
 * type added, so that each key names one ranking.
 */
export async function loadPeriodModel(db: Db, state: PublishedVersionRow): Promise<PeriodModel> {
  const rows = await listPublished(db, state.id, state.version);
  const drafts: { group: string; unitType: string; framework: FrameworkView; units: PublishedUnit[] }[] =
    [];
  const details: PublishedDetails = {};
  for (const row of rows) {
    const results = row.results as ResultsJson;
    const framework = row.framework as FrameworkView;
    Object.assign(details, (row.details as PublishedDetails | null) ?? {});
    const groups = new Map<string, PublishedUnit[]>();
    for (const unit of results.units) {
      const key = unit.group ?? row.unitType;
      let list = groups.get(key);
      if (list === undefined) groups.set(key, (list = []));
      list.push(unit);
    }
    for (const [group, units] of groups)
      drafts.push({ group, unitType: row.unitType, framework, units: units.sort(byRank) });
  }
  const seen = new Map<string, number>();
  for (const d of drafts) seen.set(d.group, (seen.get(d.group) ?? 0) + 1);
  const blocks = drafts
    .map((d): BlockModel => {
      const group = (seen.get(d.group) ?? 0) > 1 ? `${d.group}-${d.unitType}` : d.group;
      const areaCodes = d.framework.nodes.filter((n) => n.depth === 1).map((n) => n.code);
      return {
        ...d,
        group,
        label:
          group === d.group ? blockLabel(group) : `${blockLabel(d.group)} (${unitTypeLabel(d.unitType)})`,
        meanPercent: meanOf(d.units.map((u) => u.percent)),
        areaMeans: new Map(
          areaCodes.map((code) => [
            code,
            meanOf(
              d.units.map((u) => {
                const area = u.areas.find((a) => a.code === code);
                return area?.applicable ? area.percent : null;
              }),
            ),
          ]),
        ),
      };
    })
    .sort(
      (a, b) =>
        rankOfType(a.unitType) - rankOfType(b.unitType) || collator.compare(a.group, b.group),
    );
  const units = new Map<string, { block: BlockModel; unit: PublishedUnit }>();
  for (const block of blocks) for (const unit of block.units) units.set(unit.id, { block, unit });
  return { state, blocks, units, details };
}

function rankOfType(unitType: string): number {
  const i = TYPE_ORDER.indexOf(unitType);
  return i === -1 ? TYPE_ORDER.length : i;
}
