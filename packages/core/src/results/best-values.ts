import type { Decimal } from '../decimal/decimal.js';
import type { Framework, FrameworkNode } from '../framework/framework.js';
import { FACTS_SCHEMAS } from '../rules/facts-schema.js';
import { bestValue } from '../rules/kinds/scaled.js';
import type { RelativeToBestRule, Rule } from '../rules/rule.js';
import { groupBy } from './group-by.js';
import type { BestValues, UnitInput } from './score-unit.js';

/**
 * For each peer group, the best value of each relativeToBest leaf among the units it applies
 * to. Facts that do not parse are skipped here; scoring reports them.
 */
export function bestValues(
  framework: Framework,
  units: readonly UnitInput[],
  groupOf: (unit: UnitInput) => string,
): Map<string, BestValues> {
  const leaves = framework.leaves.flatMap((leaf) => {
    const rule = relativeRule(leaf.rule);
    return rule ? [{ leaf, rule }] : [];
  });
  const result = new Map<string, Map<string, Decimal>>();
  if (leaves.length === 0) return result;
  for (const [group, members] of groupBy(units, groupOf)) {
    const bests = new Map<string, Decimal>();
    for (const { leaf, rule } of leaves) {
      const values = members.flatMap((unit) => {
        if (!appliesTo(framework, leaf, unit)) return [];
        const value = relativeValue(unit.facts.get(leaf.code));
        return value === undefined ? [] : [value];
      });
      const best = bestValue(rule, values);
      if (best !== undefined) bests.set(leaf.code, best);
    }
    result.set(group, bests);
  }
  return result;
}

function relativeRule(rule: Rule | undefined): RelativeToBestRule | undefined {
  if (rule === undefined) return undefined;
  if (rule.kind === 'relativeToBest') return rule;
  if (rule.kind === 'noneArose' || rule.kind === 'notApplicableWhen')
    return relativeRule(rule.otherwise);
  return undefined;
}

/** The value a unit entered, unless a wrapper's flag (none arose, not applicable) took over. */
function relativeValue(facts: unknown): Decimal | undefined {
  if (facts === null || typeof facts !== 'object') return undefined;
  const { noneArose, notApplicable, ...rest } = facts as Record<string, unknown>;
  if (noneArose === true || notApplicable === true) return undefined;
  const parsed = FACTS_SCHEMAS.relativeToBest.safeParse(rest);
  return parsed.success ? parsed.data.value : undefined;
}

function appliesTo(framework: Framework, leaf: FrameworkNode, unit: UnitInput): boolean {
  for (
    let node: FrameworkNode | undefined = leaf;
    node;
    node = node.parent ? framework.byCode.get(node.parent) : undefined
  ) {
    if (unit.notApplicable.has(node.code)) return false;
    if (
      node.appliesTo.length > 0 &&
      (unit.type === undefined || !node.appliesTo.includes(unit.type))
    )
      return false;
  }
  return true;
}
