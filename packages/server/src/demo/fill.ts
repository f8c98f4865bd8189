import type { Decimal } from '@chiso/core';
import { type Rule } from '@chiso/core';

/** A deterministic generator, so that every demo shows the same province. */
export function prng(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const quarter = (value: number) => Math.round(value * 4) / 4;

/**
 * What a unit of a given strength (0–1) would enter for a leaf: facts for its rule, or points
 * for a manually scored one. Strong units mostly earn the max; weak ones lose points here and
 * there, as the seeds' tables show.
 */
export function factsFor(
  rule: Rule,
  max: Decimal,
  strength: number,
  random: () => number,
): Record<string, unknown> {
  const good = random() < strength;
  switch (rule.kind) {
    case 'manual': {
      const share = good ? 1 : Math.max(0, strength - 0.25 + random() * 0.3);
      return { points: String(Math.min(max.toNumber(), quarter(max.toNumber() * share))) };
    }
    case 'timeliness': {
      const year = rule.deadline?.slice(0, 4) ?? '2025';
      return { completedOn: good ? `${year}-01-20` : `${year}-02-10` };
    }
    case 'countOnTime':
      return {
        onTime: good ? rule.required : Math.max(0, rule.required - 1 - Math.floor(random() * 2)),
      };
    case 'ratioBands':
    case 'proportional': {
      const denominator = 80 + Math.floor(random() * 900);
      const share = good
        ? rule.kind === 'ratioBands'
          ? 1
          : 0.9 + random() * 0.1
        : 0.5 + strength * 0.45 * random();
      return { numerator: Math.min(denominator, Math.round(denominator * share)), denominator };
    }
    case 'perItem':
      return { count: good ? 2 : Math.floor(random() * 2) };
    case 'deduction':
      return { occurrences: good ? 0 : 1 + Math.floor(random() * 3) };
    case 'noneArose':
      return random() < 0.4 ? { noneArose: true } : factsFor(rule.otherwise, max, strength, random);
    case 'notApplicableWhen':
      return random() < 0.2
        ? { notApplicable: true }
        : factsFor(rule.otherwise, max, strength, random);
    case 'survey':
      return {
        groups: Object.fromEntries(
          rule.groups.map((g) => [
            g.group,
            {
              mean: (55 + strength * 40 * (0.8 + random() * 0.2)).toFixed(2),
              responses: 4 + Math.floor(random() * 60),
            },
          ]),
        ),
      };
    case 'externalIndex':
      return { value: (70 + strength * 25 + random() * 4).toFixed(2) };
    case 'passFail':
      return { passed: good };
    case 'relativeToBest':
      return { value: Math.round(strength * 100) };
    case 'lowerUnits':
      return { percents: [Math.round(70 + strength * 25)] };
    case 'bonusPenalty':
      return { bonus: good ? '0.5' : '0', penalty: '0' };
  }
}

/**
 * A leaf whose facts come from elsewhere (the lower units' published results, the one-stop
 * statistics): the unit types nothing there and the appraiser has nothing to change.
 */
export function fedFromData(rule: Rule): boolean {
  switch (rule.kind) {
    case 'lowerUnits':
      return rule.source !== undefined;
    case 'ratioBands':
    case 'proportional':
      return rule.statistic !== undefined;
    default:
      return false;
  }
}
