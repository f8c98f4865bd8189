import { peerGroupLabel } from '../units/unit-types.js';
import type { UnitResult } from '../results/compute-results.js';
import type { ReportOptions } from './report-options.js';

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
}

/**
 * The blocks in the order the report names them, then any other group in the order its first
 * unit came in the request. A group the report does not name is called by its unit type's
 * Vietnamese name ("UBND xã"), or by its code.
 */
export function reportBlocks(
  units: readonly UnitResult[],
  inputOrder: readonly (string | undefined)[],
  options: ReportOptions,
): ReportBlock[] {
  const byGroup = new Map<string, UnitResult[]>();
  for (const unit of units) {
    const key = unit.group ?? '';
    const list = byGroup.get(key);
    if (list) list.push(unit);
    else byGroup.set(key, [unit]);
  }
  const order = [...options.blocks.map((b) => b.group), ...inputOrder.map((g) => g ?? '')];
  const seen = new Set<string>();
  const blocks: ReportBlock[] = [];
  for (const group of order) {
    const members = byGroup.get(group);
    if (seen.has(group) || !members) continue;
    seen.add(group);
    const named = options.blocks.find((b) => b.group === group);
    const name = named?.name ?? defaultName(group);
    blocks.push({
      group,
      name,
      heads: named?.heads ?? `người đứng đầu ${name}`,
      letter: String.fromCharCode(65 + blocks.length),
      units: members,
    });
  }
  return blocks;
}

function defaultName(group: string): string {
  const label = peerGroupLabel(group);
  return label === '' ? 'các cơ quan, đơn vị' : `khối ${label}`;
}
