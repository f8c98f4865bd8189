import {
  emptyTally,
  evaluateRule,
  groupMean,
  PERCENT_OUTPUT_DECIMALS,
  responseRate,
  sipasIndex,
  type Framework,
  type FrameworkNode,
  type Ratio,
  type SurveyFacts,
} from '@chiso/core';
import type { UnitRow } from '../../repositories/units.js';
import { scoringRule, surveyOverrideOf, type PeriodSurveys } from './period-surveys.js';

export interface RateRow {
  surveyId: string;
  surveyName: string;
  group: string;
  groupLabel: string;
  unitId: string;
  unitName: string;
  responses: number;
  target: number;
  /** Responses ÷ target in %, exact to six decimals; null without a target. */
  rate: string | null;
}

export interface LeafRow {
  unitId: string;
  unitName: string;
  code: string;
  title: string;
  max: string;
  points: string | null;
  explanation: string;
  groups: {
    group: string;
    label: string;
    mean: string | null;
    answers: number;
    responses: number;
  }[];
}

export interface SipasRow {
  surveyId: string;
  surveyName: string;
  unitId: string;
  unitName: string;
  mode: 'regular' | 'spot';
  target: string;
  overall: string | null;
  met: boolean | null;
  responses: number;
  elements: {
    key: string;
    label: string;
    percent: string | null;
    satisfied: number;
    answered: number;
  }[];
}

/** What the tables are built from, besides the surveys and their tallies. */
export interface ResultsScope {
  data: PeriodSurveys;
  /** Targets per survey, then per unit. */
  targets: ReadonlyMap<string, ReadonlyMap<string, number>>;
  units: ReadonlyMap<string, UnitRow>;
  /** Units taking part in the period. */
  taking: ReadonlySet<string>;
  frameworks: ReadonlyMap<string, Framework>;
  visible: (unitId: string) => boolean;
}

/** A percentage as the API gives it: exact to six decimals, rounded for people by the web. */
const percentText = (value: Ratio | undefined) =>
  value === undefined ? null : value.round(PERCENT_OUTPUT_DECIMALS).toString();

function byName(scope: ResultsScope) {
  const name = (unitId: string) => scope.units.get(unitId)?.name ?? unitId;
  return (a: string, b: string) => name(a).localeCompare(name(b), 'vi') || a.localeCompare(b);
}

/** The units a survey has a target or a tally for, that the reader may see, by name. */
function unitsOfSurvey(scope: ResultsScope, surveyId: string): string[] {
  const ids = new Set([
    ...(scope.targets.get(surveyId)?.keys() ?? []),
    ...(scope.data.tallies.get(surveyId)?.keys() ?? []),
  ]);
  return [...ids].filter(scope.visible).sort(byName(scope));
}

/** Responses counted against the sampling plan, per survey and unit. */
export function rateRows(scope: ResultsScope): RateRow[] {
  return scope.data.surveys.flatMap(({ row }) =>
    unitsOfSurvey(scope, row.id).map((unitId) => {
      const responses = scope.data.tallies.get(row.id)?.get(unitId)?.responses ?? 0;
      const target = scope.targets.get(row.id)?.get(unitId) ?? 0;
      return {
        surveyId: row.id,
        surveyName: row.name,
        group: row.respondentGroup,
        groupLabel: row.groupLabel,
        unitId,
        unitName: scope.units.get(unitId)?.name ?? unitId,
        responses,
        target,
        rate: percentText(responseRate(responses, target)),
      };
    }),
  );
}

/** Each SIPAS form's index per unit: elements, overall, target and whether it is met. */
export function sipasRows(scope: ResultsScope): SipasRow[] {
  return scope.data.surveys.flatMap(({ row, questionnaire }) => {
    if (questionnaire.kind !== 'sipas') return [];
    return unitsOfSurvey(scope, row.id).map((unitId) => {
      const tally = scope.data.tallies.get(row.id)?.get(unitId) ?? emptyTally(questionnaire);
      const index = sipasIndex(questionnaire, tally);
      return {
        surveyId: row.id,
        surveyName: row.name,
        unitId,
        unitName: scope.units.get(unitId)?.name ?? unitId,
        mode: questionnaire.sipas?.mode ?? 'regular',
        target: index.target.toString(),
        overall: percentText(index.overall),
        met: index.met ?? null,
        responses: index.responses,
        elements: index.elements.map((e) => ({
          key: e.key,
          label: e.label,
          percent: percentText(e.percent),
          satisfied: e.satisfied,
          answered: e.answered,
        })),
      };
    });
  });
}

/**
 * The points of every survey-fed leaf of every unit taking part, as the period's results
 * count them: evaluated by the leaf's own rule on the facts counted from the tallies.
 */
export function leafRows(scope: ResultsScope): LeafRow[] {
  const types = new Set(scope.data.surveys.map((s) => s.row.ratedUnitType));
  const rows: LeafRow[] = [];
  for (const type of [...types].sort()) {
    const framework = scope.frameworks.get(type);
    if (framework === undefined) continue;
    const unitIds = [...scope.units.values()]
      .filter((u) => u.type === type && scope.taking.has(u.id) && scope.visible(u.id))
      .map((u) => u.id)
      .sort(byName(scope));
    for (const unitId of unitIds) {
      const unit = scope.units.get(unitId);
      if (unit === undefined) continue;
      const override = surveyOverrideOf(scope.data, framework, unit);
      for (const node of framework.leaves) {
        if (!override.leaves.has(node.code)) continue;
        rows.push(leafRow(framework, node, unit, override.facts.get(node.code)));
      }
    }
  }
  return rows;
}

function leafRow(
  framework: Framework,
  node: FrameworkNode,
  unit: UnitRow,
  facts: unknown,
): LeafRow {
  const rule = scoringRule(node.rule);
  const surveyFacts = facts as SurveyFacts | undefined;
  const groups =
    rule?.kind === 'survey'
      ? rule.groups.map((g) => {
          const answers = surveyFacts?.groups[g.group];
          return {
            group: g.group,
            label: g.label,
            mean: answers === undefined ? null : percentText(groupMean(answers)),
            answers: answers?.answers ?? 0,
            responses: answers?.responses ?? 0,
          };
        })
      : [];
  const base = {
    unitId: unit.id,
    unitName: unit.name,
    code: node.code,
    title: node.title,
    max: node.maxPoints.toString(),
    groups,
  };
  if (facts === undefined || node.rule === undefined) {
    return { ...base, points: null, explanation: 'Chưa có phiếu khảo sát hợp lệ' };
  }
  const outcome = evaluateRule(node.rule, facts, {
    maxPoints: node.maxPoints,
    pointsDecimals: framework.pointsDecimals,
  });
  return {
    ...base,
    points: outcome.status === 'scored' ? outcome.points.toString() : null,
    explanation: outcome.explain(),
  };
}
