import {
  buildCouncilDecision,
  computeResults,
  DEFAULT_POLICY,
  type DecisionBlock,
  type UnitResult,
} from '@chiso/core';
import { councilDecisionBytes } from '../../server/dist/documents/council-decision-document.js';
import { measureAsync, report } from './measure.js';
import { benchFramework, benchUnits } from './results-world.js';

const UNITS = 4000;

/** The decision's annex rows come from the results as they are ranked, a block per group. */
function blocksOf(units: readonly UnitResult[]): DecisionBlock[] {
  const byGroup = new Map<string, DecisionBlock>();
  for (const unit of units) {
    const key = unit.group ?? '';
    const block = byGroup.get(key) ?? { group: key, units: [] };
    block.units.push({
      name: unit.name,
      rank: unit.rank,
      points: unit.points,
      maxPoints: unit.maxPoints,
      percent: unit.percent,
      band: unit.band,
      headRating: unit.headRating,
      flags: unit.flags.map((flag) => ({
        label: flag.label,
        areas: unit.areas.flatMap((a) =>
          flag.areaCodes.includes(a.code) && a.percent
            ? [{ title: a.title, percent: a.percent }]
            : [],
        ),
      })),
    });
    byGroup.set(key, block);
  }
  return [...byGroup.values()];
}

/**
 * The council's decision with an annex naming and ranking 4,000 units (national scale): the
 * view model and the .docx with its annex tables written as XML (decision 0021).
 */
export async function benchCouncilDecision(): Promise<string> {
  const framework = benchFramework();
  const { units } = benchUnits(framework, UNITS);
  const results = computeResults({ framework, policy: DEFAULT_POLICY, units });
  const blocks = blocksOf(results.units);
  let bytes = 0;
  const figure = await measureAsync(
    `Quyết định công bố, phụ lục ${UNITS.toLocaleString('vi-VN')} đơn vị (.docx)`,
    3,
    async () => {
      const view = buildCouncilDecision({
        year: 2025,
        issuer: 'UBND tỉnh Hòa An',
        number: '12/QĐ-UBND',
        date: '2026-02-05',
        blocks,
        flagRules: DEFAULT_POLICY.flags.map((f) => f.label),
        draft: false,
        erratum: undefined,
        signerName: undefined,
      });
      bytes = (await councilDecisionBytes(view, { place: 'Hòa An' })).length;
    },
    { target: { milliseconds: 3000 } },
  );
  return `Quyết định phê duyệt và công bố Chỉ số (${Math.round(bytes / 1024)} KB)\n${report([figure])}`;
}
