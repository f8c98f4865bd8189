import { Decimal } from '../decimal/decimal.js';
import { Ratio } from '../decimal/ratio.js';
import { SIPAS_DEFAULT_TARGETS } from './parse-questionnaire.js';
import { SIPAS_ELEMENTS, type Questionnaire, type SipasSettings } from './questionnaire.js';
import type { Tally } from './tally.js';

export interface SipasElementIndex {
  key: string;
  label: string;
  /** Answers choosing an option that counts as satisfied. */
  satisfied: number;
  /** Answers to the element's questions (blanks left out). */
  answered: number;
  /** satisfied ÷ answered in %; undefined without answers. */
  percent: Ratio | undefined;
}

export interface SipasIndex {
  responses: number;
  /** In the order the questionnaire first asks about them. */
  elements: SipasElementIndex[];
  /** The overall index in %, by the questionnaire's formula; undefined without answers. */
  overall: Ratio | undefined;
  target: Decimal;
  /** Overall strictly above the target ("trên 95%"); undefined without answers. */
  met: boolean | undefined;
}

const DEFAULT_SETTINGS: SipasSettings = {
  formula: 'meanOfElements',
  mode: 'regular',
  target: SIPAS_DEFAULT_TARGETS.regular,
  leafCode: undefined,
};

/**
 * The satisfaction index of one unit from one SIPAS form's tally: per element, the share of
 * satisfied answers; overall, the mean of the elements that have answers ('meanOfElements') or
 * satisfied ÷ answers over all elements ('pooled'). Questions without an element do not count.
 */
export function sipasIndex(q: Questionnaire, tally: Tally): SipasIndex {
  const settings = q.sipas ?? DEFAULT_SETTINGS;
  const byKey = new Map<string, SipasElementIndex>();
  q.questions.forEach((question, i) => {
    if (question.element === undefined) return;
    let element = byKey.get(question.element);
    if (element === undefined) {
      element = {
        key: question.element,
        label: SIPAS_ELEMENTS[question.element] ?? question.element,
        satisfied: 0,
        answered: 0,
        percent: undefined,
      };
      byKey.set(question.element, element);
    }
    const counts = tally.counts[i] ?? [];
    question.options.forEach((option, o) => {
      const count = counts[o] ?? 0;
      element.answered += count;
      if (option.satisfied) element.satisfied += count;
    });
  });
  const elements = [...byKey.values()].map((element) => ({
    ...element,
    percent:
      element.answered === 0
        ? undefined
        : Ratio.of(BigInt(element.satisfied) * 100n, BigInt(element.answered)),
  }));
  let overall: Ratio | undefined;
  if (settings.formula === 'pooled') {
    const answered = elements.reduce((sum, e) => sum + e.answered, 0);
    const satisfied = elements.reduce((sum, e) => sum + e.satisfied, 0);
    overall = answered === 0 ? undefined : Ratio.of(BigInt(satisfied) * 100n, BigInt(answered));
  } else {
    const percents = elements.flatMap((e) => (e.percent === undefined ? [] : [e.percent]));
    overall =
      percents.length === 0
        ? undefined
        : percents.reduce((a, b) => a.plus(b)).dividedBy(Decimal.fromInt(percents.length));
  }
  return {
    responses: tally.responses,
    elements,
    overall,
    target: settings.target,
    met: overall === undefined ? undefined : overall.gt(settings.target),
  };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The facts of the externalIndex leaf the index feeds: its exact value in %, as a fraction. */
export function sipasFacts(
  index: SipasIndex,
): { numerator: string; denominator: string } | undefined {
  if (index.overall === undefined) return undefined;
  const { num, den } = index.overall;
  const divisor = gcd(num, den) || 1n;
  return { numerator: (num / divisor).toString(), denominator: (den / divisor).toString() };
}
