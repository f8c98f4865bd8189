import { Decimal, DomainError, evaluateRule, ruleSchema, type Rule } from '@chiso/core';
import { useMemo } from 'react';
import { issueText } from '../../api/issues';
import type { FrameworkNodeView } from '../../api/types';
import type { Facts } from './rule-inputs';

export interface Preview {
  /** The outcome as the core explains it ("574/596 = 96,31% … → 0,95/1"), or null. */
  text: string | null;
  /** Whether the leaf would not count for this unit (its max leaves the denominator). */
  notApplicable?: boolean;
  /** What is wrong with the facts, each naming the field by its label. */
  problems: string[];
}

/** What the core makes of facts for a rule: the same maths the server will apply. */
export function previewRule(
  rule: Rule,
  facts: Facts,
  ctx: { maxPoints: Decimal; pointsDecimals: number; best?: Decimal | undefined },
): Preview {
  try {
    const outcome = evaluateRule(rule, facts, ctx);
    return {
      text: outcome.explain(),
      notApplicable: outcome.status === 'notApplicable',
      problems: [],
    };
  } catch (error) {
    if (error instanceof DomainError) return { text: null, problems: error.issues.map(issueText) };
    return { text: null, problems: [String(error)] };
  }
}

/** The officer's live preview of one leaf as the facts are typed. */
export function usePreview(node: FrameworkNodeView, facts: Facts, pointsDecimals: number) {
  return useMemo((): Preview => {
    if (!node.rule || Object.keys(facts).length === 0) return { text: null, problems: [] };
    return previewRule(ruleSchema.parse(node.rule), facts, {
      maxPoints: Decimal.of(node.maxPoints),
      pointsDecimals,
    });
  }, [node, facts, pointsDecimals]);
}
