import { Decimal } from '../decimal/decimal.js';
import type { Ratio } from '../decimal/ratio.js';
import type { Questionnaire } from './questionnaire.js';

/**
 * A survey's answers for one rated unit, counted: `counts[q][o]` answers chose option o + 1 of
 * question q + 1; blanks are not counted. `responses` is the number of forms.
 */
export interface Tally {
  responses: number;
  counts: number[][];
}

/** One respondent group's answers to one survey leaf, exact (accepted by FACTS_SCHEMAS.survey). */
export interface SurveyGroupFacts {
  /** Σ of the chosen options' weights in %, as an exact decimal string. */
  weightSum: string;
  answers: number;
  responses: number;
}

/** The facts of a survey leaf for one unit: the groups that answered questions feeding it. */
export interface SurveyFacts {
  groups: Record<string, SurveyGroupFacts>;
}

/** A tally with no answers, shaped for the questionnaire. */
export function emptyTally(q: Questionnaire): Tally {
  return { responses: 0, counts: q.questions.map((question) => question.options.map(() => 0)) };
}

/** Counts responses (answers in questionnaire order, 0 = blank) as the database tally does. */
export function tallyResponses(q: Questionnaire, responses: readonly (readonly number[])[]): Tally {
  const tally = emptyTally(q);
  for (const answers of responses) {
    tally.responses += 1;
    answers.forEach((answer, i) => {
      const row = tally.counts[i];
      if (row !== undefined && answer >= 1 && answer <= row.length) {
        row[answer - 1] = (row[answer - 1] ?? 0) + 1;
      }
    });
  }
  return tally;
}

/** Adds tallies of the same questionnaire (e.g. several batches). */
export function addTallies(a: Tally, b: Tally): Tally {
  const length = Math.max(a.counts.length, b.counts.length);
  const counts: number[][] = [];
  for (let q = 0; q < length; q++) {
    const x = a.counts[q] ?? [];
    const y = b.counts[q] ?? [];
    counts.push(
      Array.from({ length: Math.max(x.length, y.length) }, (_, o) => (x[o] ?? 0) + (y[o] ?? 0)),
    );
  }
  return { responses: a.responses + b.responses, counts };
}

/** Millionths as an exact decimal string: 12_500_000n → "12.5". */
function unitsText(units: bigint): string {
  const whole = units / 1_000_000n;
  const fraction = (units % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}

interface LeafSum {
  /** Σ weight × count in millionths of a percent. */
  units: bigint;
  answers: number;
  responses: number;
}

/**
 * The facts of every survey leaf for ONE rated unit, from the tallies of the PAR forms rating
 * it. A group's weightSum and answers add up over all its forms' questions feeding the leaf;
 * its responses are the forms that have at least one such question.
 */
export function surveyLeafFacts(
  inputs: readonly { questionnaire: Questionnaire; tally: Tally }[],
): Map<string, SurveyFacts> {
  const sums = new Map<string, Map<string, LeafSum>>();
  for (const { questionnaire, tally } of inputs) {
    if (questionnaire.kind !== 'par') continue;
    const leaves = new Set<string>();
    questionnaire.questions.forEach((question, q) => {
      if (question.leafCode === undefined) return;
      let groups = sums.get(question.leafCode);
      if (groups === undefined) sums.set(question.leafCode, (groups = new Map<string, LeafSum>()));
      let sum = groups.get(questionnaire.group);
      if (sum === undefined) {
        groups.set(questionnaire.group, (sum = { units: 0n, answers: 0, responses: 0 }));
      }
      if (!leaves.has(question.leafCode)) {
        leaves.add(question.leafCode);
        sum.responses += tally.responses;
      }
      const counts = tally.counts[q] ?? [];
      question.options.forEach((option, o) => {
        const count = counts[o] ?? 0;
        sum.units += BigInt(option.weight.units) * BigInt(count);
        sum.answers += count;
      });
    });
  }
  const facts = new Map<string, SurveyFacts>();
  for (const [leaf, groups] of sums) {
    const record: Record<string, SurveyGroupFacts> = {};
    for (const [group, sum] of groups) {
      record[group] = {
        weightSum: unitsText(sum.units),
        answers: sum.answers,
        responses: sum.responses,
      };
    }
    facts.set(leaf, { groups: record });
  }
  return facts;
}

/** The exact mean answer score (in %) of one group's facts; undefined without answers. */
export function groupMean(facts: SurveyGroupFacts): Ratio | undefined {
  if (facts.answers === 0) return undefined;
  return Decimal.of(facts.weightSum).toRatio().dividedBy(Decimal.fromInt(facts.answers));
}
