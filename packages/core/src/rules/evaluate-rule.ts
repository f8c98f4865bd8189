import type { z } from 'zod';
import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import { formatPath, toIssues } from '../validation/parse-input.js';
import { factLabel, nameField } from './fact-labels.js';
import { FACTS_SCHEMAS } from './facts-schema.js';
import { readFactsQuickly } from './quick-facts.js';
import {
  evaluateCountOnTime,
  evaluateManual,
  evaluatePassFail,
  evaluateTimeliness,
} from './kinds/completion.js';
import { evaluateBonusPenalty, evaluateDeduction, evaluatePerItem } from './kinds/count.js';
import { evaluateProportional, evaluateRatioBands } from './kinds/ratio.js';
import {
  evaluateExternalIndex,
  evaluateLowerUnits,
  evaluateRelativeToBest,
  evaluateSurvey,
} from './kinds/scaled.js';
import {
  exact,
  FactsError,
  notApplicable as notApplicableOutcome,
  scored,
  type LeafOutcome,
  type RuleContext,
} from './outcome.js';
import type { Rule } from './rule.js';

/**
 * Evaluates one leaf's rule on the facts a unit entered. Throws a DomainError when the facts
 * are malformed for this rule: each issue keeps the field's JSON path (under `path`) for
 * machines, and its message names the field by the label the officer's form shows.
 */
export function evaluateRule(
  rule: Rule,
  facts: unknown,
  ctx: RuleContext,
  path = 'facts',
): LeafOutcome {
  return evaluate(rule, facts, ctx, path);
}

const invalidFacts = (issues: Issue[]) =>
  new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Dữ liệu chấm điểm không hợp lệ', issues);

/** An issue about the fact at `keys`, its message led by that fact's label when it has one. */
function factIssue(rule: Rule, keys: readonly PropertyKey[], path: string, problem: string): Issue {
  const label = factLabel(rule, keys);
  return {
    path: formatPath(keys, path),
    message: label === undefined ? problem : nameField(label, problem),
  };
}

function parseFacts<S extends z.ZodType>(
  rule: Rule,
  schema: S,
  facts: unknown,
  path: string,
): z.output<S> {
  const quick = readFactsQuickly(schema, facts ?? {});
  if (quick !== undefined) return quick as z.output<S>;
  const result = schema.safeParse(facts ?? {});
  if (!result.success) {
    const messages = toIssues(result.error).map((i) => i.message);
    throw invalidFacts(
      result.error.issues.map((issue, i) => factIssue(rule, issue.path, path, messages[i] ?? '')),
    );
  }
  return result.data;
}

/** Splits a wrapper's own flag from the facts meant for its inner rule. */
function takeFlag(rule: Rule, facts: unknown, flag: string, path: string): [boolean, unknown] {
  if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) return [false, facts];
  const { [flag]: value, ...rest } = facts as Record<string, unknown>;
  if (value !== undefined && typeof value !== 'boolean') {
    throw invalidFacts([factIssue(rule, [flag], path, 'phải là đúng/sai (true/false)')]);
  }
  return [value === true, rest];
}

function evaluate(rule: Rule, facts: unknown, ctx: RuleContext, path: string): LeafOutcome {
  switch (rule.kind) {
    case 'passFail':
      return evaluatePassFail(rule, parseFacts(rule, FACTS_SCHEMAS.passFail, facts, path), ctx);
    case 'timeliness':
      return evaluateTimeliness(rule, parseFacts(rule, FACTS_SCHEMAS.timeliness, facts, path), ctx);
    case 'countOnTime':
      return evaluateCountOnTime(
        rule,
        parseFacts(rule, FACTS_SCHEMAS.countOnTime, facts, path),
        ctx,
      );
    case 'ratioBands':
      return evaluateRatioBands(rule, parseFacts(rule, FACTS_SCHEMAS.ratioBands, facts, path), ctx);
    case 'proportional':
      return evaluateProportional(
        rule,
        parseFacts(rule, FACTS_SCHEMAS.proportional, facts, path),
        ctx,
      );
    case 'relativeToBest':
      return evaluateRelativeToBest(
        rule,
        parseFacts(rule, FACTS_SCHEMAS.relativeToBest, facts, path),
        ctx,
      );
    case 'perItem':
      return evaluatePerItem(rule, parseFacts(rule, FACTS_SCHEMAS.perItem, facts, path), ctx);
    case 'deduction':
      return evaluateDeduction(rule, parseFacts(rule, FACTS_SCHEMAS.deduction, facts, path), ctx);
    case 'bonusPenalty':
      return evaluateBonusPenalty(rule, parseFacts(rule, FACTS_SCHEMAS.bonusPenalty, facts, path));
    case 'noneArose': {
      const [noneArose, rest] = takeFlag(rule, facts, 'noneArose', path);
      if (noneArose) return scored(ctx.maxPoints, ctx, () => 'Không phát sinh, đạt điểm tối đa');
      return evaluate(rule.otherwise, rest, ctx, path);
    }
    case 'notApplicableWhen': {
      const [notApplicable, rest] = takeFlag(rule, facts, 'notApplicable', path);
      if (notApplicable) {
        return notApplicableOutcome(
          () =>
            `Không áp dụng (${rule.condition}): ${exact(ctx.maxPoints)} điểm không tính vào điểm tối đa`,
        );
      }
      return evaluate(rule.otherwise, rest, ctx, path);
    }
    case 'survey':
      return evaluateSurvey(rule, parseFacts(rule, FACTS_SCHEMAS.survey, facts, path), ctx);
    case 'externalIndex':
      return evaluateExternalIndex(
        rule,
        parseFacts(rule, FACTS_SCHEMAS.externalIndex, facts, path),
        ctx,
      );
    case 'lowerUnits':
      return evaluateLowerUnits(rule, parseFacts(rule, FACTS_SCHEMAS.lowerUnits, facts, path), ctx);
    case 'manual':
      try {
        return evaluateManual(rule, parseFacts(rule, FACTS_SCHEMAS.manual, facts, path), ctx);
      } catch (error) {
        // Facts that parse but do not fit the leaf (points above its max, off the step).
        if (error instanceof FactsError) {
          throw invalidFacts([factIssue(rule, [error.field], path, error.message)]);
        }
        throw error;
      }
    default:
      return assertNever(rule);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled rule kind: ${JSON.stringify(value)}`);
}
