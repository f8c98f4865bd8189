import type { z } from 'zod';
import { DomainError, ERROR_CODES } from '../errors.js';
import { formatPath, toIssues } from '../validation/parse-input.js';
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
 * Evaluates one leaf's rule on the facts a unit entered. Throws a DomainError naming the
 * offending field (under `path`) when the facts are malformed for this rule.
 */
export function evaluateRule(
  rule: Rule,
  facts: unknown,
  ctx: RuleContext,
  path = 'facts',
): LeafOutcome {
  try {
    return evaluate(rule, facts, ctx, path);
  } catch (error) {
    if (error instanceof FactsError) {
      throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Dữ liệu chấm điểm không hợp lệ', [
        { path: formatPath([error.field], path), message: error.message },
      ]);
    }
    throw error;
  }
}

function parseFacts<S extends z.ZodType>(schema: S, facts: unknown, path: string): z.output<S> {
  const quick = readFactsQuickly(schema, facts ?? {});
  if (quick !== undefined) return quick as z.output<S>;
  const result = schema.safeParse(facts ?? {});
  if (!result.success) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Dữ liệu chấm điểm không hợp lệ',
      toIssues(result.error, path),
    );
  }
  return result.data;
}

/** Splits a wrapper's own flag from the facts meant for its inner rule. */
function takeFlag(facts: unknown, flag: string, path: string): [boolean, unknown] {
  if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) return [false, facts];
  const { [flag]: value, ...rest } = facts as Record<string, unknown>;
  if (value !== undefined && typeof value !== 'boolean') {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Dữ liệu chấm điểm không hợp lệ', [
      { path: formatPath([flag], path), message: 'phải là đúng/sai (true/false)' },
    ]);
  }
  return [value === true, rest];
}

function evaluate(rule: Rule, facts: unknown, ctx: RuleContext, path: string): LeafOutcome {
  switch (rule.kind) {
    case 'passFail':
      return evaluatePassFail(rule, parseFacts(FACTS_SCHEMAS.passFail, facts, path), ctx);
    case 'timeliness':
      return evaluateTimeliness(rule, parseFacts(FACTS_SCHEMAS.timeliness, facts, path), ctx);
    case 'countOnTime':
      return evaluateCountOnTime(rule, parseFacts(FACTS_SCHEMAS.countOnTime, facts, path), ctx);
    case 'ratioBands':
      return evaluateRatioBands(rule, parseFacts(FACTS_SCHEMAS.ratioBands, facts, path), ctx);
    case 'proportional':
      return evaluateProportional(rule, parseFacts(FACTS_SCHEMAS.proportional, facts, path), ctx);
    case 'relativeToBest':
      return evaluateRelativeToBest(
        rule,
        parseFacts(FACTS_SCHEMAS.relativeToBest, facts, path),
        ctx,
      );
    case 'perItem':
      return evaluatePerItem(rule, parseFacts(FACTS_SCHEMAS.perItem, facts, path), ctx);
    case 'deduction':
      return evaluateDeduction(rule, parseFacts(FACTS_SCHEMAS.deduction, facts, path), ctx);
    case 'bonusPenalty':
      return evaluateBonusPenalty(rule, parseFacts(FACTS_SCHEMAS.bonusPenalty, facts, path));
    case 'noneArose': {
      const [noneArose, rest] = takeFlag(facts, 'noneArose', path);
      if (noneArose) return scored(ctx.maxPoints, ctx, () => 'Không phát sinh, đạt điểm tối đa');
      return evaluate(rule.otherwise, rest, ctx, path);
    }
    case 'notApplicableWhen': {
      const [notApplicable, rest] = takeFlag(facts, 'notApplicable', path);
      if (notApplicable) {
        return notApplicableOutcome(
          () =>
            `Không áp dụng (${rule.condition}): ${exact(ctx.maxPoints)} điểm không tính vào điểm tối đa`,
        );
      }
      return evaluate(rule.otherwise, rest, ctx, path);
    }
    case 'survey':
      return evaluateSurvey(rule, parseFacts(FACTS_SCHEMAS.survey, facts, path), ctx);
    case 'externalIndex':
      return evaluateExternalIndex(rule, parseFacts(FACTS_SCHEMAS.externalIndex, facts, path), ctx);
    case 'lowerUnits':
      return evaluateLowerUnits(rule, parseFacts(FACTS_SCHEMAS.lowerUnits, facts, path), ctx);
    case 'manual':
      return evaluateManual(rule, parseFacts(FACTS_SCHEMAS.manual, facts, path), ctx);
    default:
      return assertNever(rule);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled rule kind: ${JSON.stringify(value)}`);
}
