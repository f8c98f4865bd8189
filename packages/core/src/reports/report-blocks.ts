import type { Decimal } from '../decimal/decimal.js';
import type { Framework } from '../framework/framework.js';
import { peerGroupLabel } from '../units/unit-types.js';
import type { Results, UnitResult } from '../results/compute-results.js';
import type { ResultsPolicy } from '../results/policy.js';
import type { UnitScore } from '../results/unit-score.js';
import type { ReportOptions } from './report-options.js';

/**
 * The results of one framework, as the report reads them. The command line has one (its
 * request's framework); a period on the server has one per unit type, each type assessed on
 * its own framework and policy.
 */
export interface ReportSource {
  framework: Framework;
  policy: ResultsPolicy;
  results: Results;
  /** The units' groups in the order they came: blocks the report does not name follow it. */
  inputOrder: readonly (string | undefined)[];
  /** Self-assessed points by unit id, then leaf code, scored like the final side (`chiso report`). */
  selfAssessed?: ReadonlyMap<string, ReadonlyMap<string, Decimal>> | undefined;
  /** The self-assessed side already scored, by unit id (the server's leaf stories). */
  selfScores?: ReadonlyMap<string, UnitScore> | undefined;
  /** The appraiser's reasons by unit id, then node code. */
  reasons?: ReadonlyMap<string, ReadonlyMap<string, string>> | undefined;
}

/** A block of the report: one peer group (departments, districts, communes, wards). */
export interface ReportBlock {
  group: string;
  /** Read after "Chỉ số CCHC của": "các sở, ban, ngành tỉnh". */
  name: string;
  /** Read after "Đối với": "Thủ trưởng các sở, ban, ngành tỉnh". */
  heads: string;
  /** The appendix's letter: A for the first block (biểu A1…), B for the second. */
  letter: string;
  /** In rank order (the results' order). */
  units: UnitResult[];
  /** The framework and policy its units were assessed on, and what the appendix adds. */
  source: ReportSource;
}

/**
 * The blocks in the order the report names them, then any other group in the order its first
 * unit came. A group the report does not name is called by its unit type's Vietnamese name
 * ("UBND xã"), or by its code. A group found in two sources (two unit types ranked together
 * under one key) gives one block per source, both under the group's name.
 */
export function reportBlocks(
  sources: readonly ReportSource[],
  options: ReportOptions,
): ReportBlock[] {
  const byGroup = new Map<string, { source: ReportSource; units: UnitResult[] }[]>();
  for (const source of sources) {
    const mine = new Map<string, UnitResult[]>();
    for (const unit of source.results.units) {
      const key = unit.group ?? '';
      const list = mine.get(key);
      if (list) list.push(unit);
      else mine.set(key, [unit]);
    }
    for (const [key, units] of mine) {
      const list = byGroup.get(key) ?? [];
      list.push({ source, units });
      byGroup.set(key, list);
    }
  }
  const order = [
    ...options.blocks.map((b) => b.group),
    ...sources.flatMap((s) => s.inputOrder.map((g) => g ?? '')),
  ];
  const seen = new Set<string>();
  const blocks: ReportBlock[] = [];
  for (const group of order) {
    const parts = byGroup.get(group);
    if (seen.has(group) || !parts) continue;
    seen.add(group);
    const named = options.blocks.find((b) => b.group === group);
    const name = named?.name ?? defaultBlockName(group);
    for (const part of parts) {
      blocks.push({
        group,
        name,
        heads: named?.heads ?? `người đứng đầu ${name}`,
        letter: String.fromCharCode(65 + blocks.length),
        units: part.units,
        source: part.source,
      });
    }
  }
  return blocks;
}

/** What a block not named by the report is called: "khối UBND xã", from its group's type. */
export function defaultBlockName(group: string): string {
  const label = peerGroupLabel(group);
  return label === '' ? 'các cơ quan, đơn vị' : `khối ${label}`;
}
