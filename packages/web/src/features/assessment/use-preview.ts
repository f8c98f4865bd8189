import { Decimal, DomainError, evaluateRule, ruleSchema } from '@chiso/core';
import { useMemo } from 'react';
import type { FrameworkNodeView } from '../../api/types';
import type { Facts } from './rule-inputs';

/** What the core makes of the facts as typed: the same maths the server will apply. */
export function usePreview(node: FrameworkNodeView, facts: Facts, pointsDecimals: number) {
  return useMemo(() => {
    if (!node.rule || Object.keys(facts).length === 0)
      return { text: null, problems: [] as string[] };
    try {
      const rule = ruleSchema.parse(node.rule);
      const outcome = evaluateRule(rule, facts, {
        maxPoints: Decimal.of(node.maxPoints),
        pointsDecimals,
      });
      return { text: outcome.explain(), problems: [] as string[] };
    } catch (error) {
      if (error instanceof DomainError)
        return { text: null, problems: error.issues.map((i) => `${i.path ?? ''}: ${i.message}`) };
      return { text: null, problems: [String(error)] };
    }
  }, [node, facts, pointsDecimals]);
}
