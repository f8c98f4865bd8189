import {
  sipasFacts,
  sipasIndex,
  surveyLeafFacts,
  type Framework,
  type Questionnaire,
  type Rule,
  type Tally,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import {
  lastComputedAt,
  listTallies,
  listUnitTallies,
  tallyOf,
} from '../../repositories/survey-tallies.js';
import type { SurveyRow } from '../../repositories/surveys.js';
import { loadedSurveys } from './cached-surveys.js';

export interface LoadedSurvey {
  row: SurveyRow;
  questionnaire: Questionnaire;
}

/** A period's surveys with their last tallies (per survey, then per rated unit). */
export interface PeriodSurveys {
  surveys: LoadedSurvey[];
  tallies: Map<string, Map<string, Tally>>;
  /** When the tallies were last counted; null if never. */
  computedAt: Date | null;
}

/**
 * What the surveys decide for one unit: the leaves they feed (whatever the unit or an
 * appraiser entered there no longer counts) and the facts for those that have answers.
 */
export interface SurveyOverride {
  leaves: ReadonlySet<string>;
  facts: ReadonlyMap<string, unknown>;
  /** What a fed leaf without facts says (other feeds: "Chưa có số liệu thống kê TTHC"). */
  notes?: ReadonlyMap<string, string>;
}

export const NO_SURVEYS: SurveyOverride = { leaves: new Set(), facts: new Map() };

/** A draft is still being written and feeds nothing; open and closed surveys feed their leaves. */
export function feedsLeaves(survey: LoadedSurvey): boolean {
  return survey.row.status !== 'draft';
}

/**
 * The period's surveys (questionnaires parsed once per version, cached-surveys.ts) and
 * tallies; with `unitId`, only that unit's tallies are read. `computedAt: false` skips the
 * query for when they were counted, for readers that do not show it.
 */
export async function loadPeriodSurveys(
  db: Db,
  periodId: string,
  unitId?: string,
  options: { computedAt?: boolean } = {},
): Promise<PeriodSurveys> {
  const surveys = await loadedSurveys(db, periodId);
  const ids = surveys.map((survey) => survey.row.id);
  const tallyRows =
    unitId === undefined ? await listTallies(db, ids) : await listUnitTallies(db, ids, unitId);
  const tallies = new Map<string, Map<string, Tally>>();
  for (const row of tallyRows) {
    let byUnit = tallies.get(row.surveyId);
    if (byUnit === undefined) tallies.set(row.surveyId, (byUnit = new Map<string, Tally>()));
    byUnit.set(row.unitId, tallyOf(row));
  }
  return {
    surveys,
    tallies,
    computedAt:
      surveys.length === 0 || options.computedAt === false
        ? null
        : await lastComputedAt(db, periodId),
  };
}

/** The rule that scores a leaf, past the "không phát sinh" and "không áp dụng" wrappers. */
export function scoringRule(rule: Rule | undefined): Rule | undefined {
  let inner = rule;
  while (inner?.kind === 'noneArose' || inner?.kind === 'notApplicableWhen')
    inner = inner.otherwise;
  return inner;
}

/**
 * The leaves of a unit type's framework that its surveys feed: PAR questions' leaves scored by
 * a 'survey' rule, and SIPAS indices' 'externalIndex' leaves. A leaf a survey names but whose
 * rule cannot take survey facts is left to the unit (opening a survey checks this anyway).
 */
export function surveyFedLeaves(
  data: PeriodSurveys,
  framework: Framework,
  unitType: string,
): Map<string, 'par' | 'sipas'> {
  const fed = new Map<string, 'par' | 'sipas'>();
  const fits = (code: string, kind: Rule['kind']) => {
    const node = framework.byCode.get(code);
    return (
      node !== undefined && node.children.length === 0 && scoringRule(node.rule)?.kind === kind
    );
  };
  for (const survey of data.surveys) {
    if (!feedsLeaves(survey) || survey.row.ratedUnitType !== unitType) continue;
    const q = survey.questionnaire;
    if (q.kind === 'par') {
      for (const question of q.questions) {
        if (question.leafCode !== undefined && fits(question.leafCode, 'survey'))
          fed.set(question.leafCode, 'par');
      }
    } else if (q.sipas?.leafCode !== undefined && fits(q.sipas.leafCode, 'externalIndex')) {
      fed.set(q.sipas.leafCode, 'sipas');
    }
  }
  return fed;
}

/**
 * One unit's survey facts, from the tallies: for a PAR leaf the exact sums of every group's
 * answers over all forms rating the unit; for a SIPAS leaf the overall index as a fraction
 * (several SIPAS forms feeding one leaf are counted as one questionnaire, with the first
 * form's formula). A fed leaf without answers gets no facts: it is missing.
 */
export function surveyOverrideOf(
  data: PeriodSurveys,
  framework: Framework,
  unit: { id: string; type: string },
): SurveyOverride {
  const fed = surveyFedLeaves(data, framework, unit.type);
  if (fed.size === 0) return NO_SURVEYS;
  const facts = new Map<string, unknown>();
  const par: { questionnaire: Questionnaire; tally: Tally }[] = [];
  const sipas = new Map<string, { questionnaire: Questionnaire; tally: Tally }[]>();
  for (const survey of data.surveys) {
    if (!feedsLeaves(survey) || survey.row.ratedUnitType !== unit.type) continue;
    const tally = data.tallies.get(survey.row.id)?.get(unit.id);
    if (tally === undefined) continue;
    const q = survey.questionnaire;
    if (q.kind === 'par') par.push({ questionnaire: q, tally });
    else if (q.sipas?.leafCode !== undefined && fed.get(q.sipas.leafCode) === 'sipas') {
      const list = sipas.get(q.sipas.leafCode) ?? [];
      list.push({ questionnaire: q, tally });
      sipas.set(q.sipas.leafCode, list);
    }
  }
  for (const [code, leafFacts] of surveyLeafFacts(par)) {
    if (fed.get(code) === 'par') facts.set(code, leafFacts);
  }
  for (const [code, forms] of sipas) {
    const { questionnaire, tally } = combined(forms);
    const value = sipasFacts(sipasIndex(questionnaire, tally));
    if (value !== undefined) facts.set(code, value);
  }
  return { leaves: new Set(fed.keys()), facts };
}

/** Several forms' questions and counts as one questionnaire and one tally. */
function combined(forms: readonly { questionnaire: Questionnaire; tally: Tally }[]): {
  questionnaire: Questionnaire;
  tally: Tally;
} {
  const [first, ...rest] = forms;
  if (first === undefined) throw new Error('no forms to combine');
  if (rest.length === 0) return first;
  return {
    questionnaire: {
      ...first.questionnaire,
      questions: forms.flatMap((f) => f.questionnaire.questions),
    },
    tally: {
      responses: forms.reduce((n, f) => n + f.tally.responses, 0),
      counts: forms.flatMap((f) =>
        f.questionnaire.questions.map((_question, i) => f.tally.counts[i] ?? []),
      ),
    },
  };
}
