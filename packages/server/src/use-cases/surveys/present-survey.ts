import {
  parseQuestionnaire,
  serializeQuestionnaire,
  type Questionnaire,
  type QuestionnaireJson,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import { findPeriod } from '../../repositories/periods.js';
import {
  codeCountsByUnit,
  frameSummary,
  listLinks,
  listTargets,
  responseCountsByUnit,
  type SurveyRow,
} from '../../repositories/surveys.js';
import { countersByPrefix } from '../../repositories/rate-counters.js';
import { findUnits } from '../../repositories/units.js';
import { burstsPrefix } from '../survey-responses/rate-limits.js';
import { answersRefusal } from './answering.js';

export interface SurveySummary {
  id: string;
  periodId: string;
  name: string;
  kind: string;
  respondentGroup: string;
  groupLabel: string;
  ratedUnitType: string;
  status: string;
  /** The period's state: once it is no longer "open" the survey's figures are frozen. */
  periodStatus: string;
  /** Why the survey takes no answers now (its state or its period's); null while it takes them. */
  answersRefused: string | null;
  recheckPercent: number;
  questionCount: number;
  responses: number;
  target: number;
  version: number;
}

export interface SurveyDetail extends SurveySummary {
  questionnaire: QuestionnaireJson;
  targets: {
    unitId: string;
    unitName: string;
    target: number;
    population: number | null;
    responses: number;
    codes: number;
    answeredCodes: number;
  }[];
  links: {
    unitId: string;
    unitName: string;
    token: string;
    active: boolean;
    dailyCap: number | null;
    suspiciousBursts: number;
    burstsSince: string | null;
  }[];
  frame: { total: number; sampled: number };
}

/** The questionnaire as stored: the survey's columns plus its questions and SIPAS settings. */
export function storedQuestionnaireJson(row: SurveyRow): QuestionnaireJson {
  return {
    name: row.name,
    kind: row.kind as QuestionnaireJson['kind'],
    group: row.respondentGroup,
    groupLabel: row.groupLabel,
    ratedUnitType: row.ratedUnitType,
    questions: row.questions as QuestionnaireJson['questions'],
    ...(row.sipas === null ? {} : { sipas: row.sipas as QuestionnaireJson['sipas'] }),
  };
}

export function storedQuestionnaire(row: SurveyRow): Questionnaire {
  return parseQuestionnaire(storedQuestionnaireJson(row));
}

/** The survey's columns for a questionnaire (what the table stores of it). */
export function questionnaireColumns(q: Questionnaire) {
  const json = serializeQuestionnaire(q);
  return {
    name: json.name,
    kind: json.kind,
    respondentGroup: json.group,
    groupLabel: json.groupLabel,
    ratedUnitType: json.ratedUnitType,
    questions: json.questions,
    sipas: json.sipas ?? null,
  };
}

export function presentSummary(
  row: SurveyRow,
  responses: number,
  target: number,
  periodStatus: string | undefined,
): SurveySummary {
  return {
    id: row.id,
    periodId: row.periodId,
    name: row.name,
    kind: row.kind,
    respondentGroup: row.respondentGroup,
    groupLabel: row.groupLabel,
    ratedUnitType: row.ratedUnitType,
    status: row.status,
    periodStatus: periodStatus ?? 'open',
    answersRefused: answersRefusal(row.status, periodStatus) ?? null,
    recheckPercent: row.recheckPercent,
    questionCount: (row.questions as unknown[]).length,
    responses,
    target,
    version: row.version,
  };
}

/**
 * Everything about one survey: questionnaire, sampling plan with progress per unit (targets,
 * responses, codes issued and answered), open links and the sampling frame's size. A unit
 * with codes or responses but no target is listed with target 0.
 */
export async function surveyDetail(db: Db, row: SurveyRow): Promise<SurveyDetail> {
  const targets = await listTargets(db, row.id);
  const responses = await responseCountsByUnit(db, row.id);
  const codes = await codeCountsByUnit(db, row.id);
  const links = await listLinks(db, row.id);
  const bursts = await countersByPrefix(db, burstsPrefix(row.id));
  const frame = await frameSummary(db, row.id);
  const period = await findPeriod(db, row.periodId);
  const unitIds = [
    ...new Set([
      ...targets.map((t) => t.unitId),
      ...responses.keys(),
      ...codes.keys(),
      ...links.map((l) => l.unitId),
    ]),
  ];
  const names = new Map((await findUnits(db, unitIds)).map((u) => [u.id, u.name]));
  const name = (unitId: string) => names.get(unitId) ?? unitId;
  const byUnit = new Map(targets.map((t) => [t.unitId, t]));
  const rows = unitIds
    .filter((unitId) => byUnit.has(unitId) || responses.has(unitId) || codes.has(unitId))
    .map((unitId) => ({
      unitId,
      unitName: name(unitId),
      target: byUnit.get(unitId)?.target ?? 0,
      population: byUnit.get(unitId)?.population ?? null,
      responses: responses.get(unitId) ?? 0,
      codes: codes.get(unitId)?.codes ?? 0,
      answeredCodes: codes.get(unitId)?.answered ?? 0,
    }))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || a.unitId.localeCompare(b.unitId));
  const totalResponses = [...responses.values()].reduce((sum, n) => sum + n, 0);
  const totalTarget = targets.reduce((sum, t) => sum + t.target, 0);
  return {
    ...presentSummary(row, totalResponses, totalTarget, period?.status),
    questionnaire: storedQuestionnaireJson(row),
    targets: rows,
    links: links
      .map((l) => ({
        unitId: l.unitId,
        unitName: name(l.unitId),
        token: l.token,
        active: l.active,
        dailyCap: l.dailyCap,
        suspiciousBursts: bursts.get(l.unitId)?.count ?? 0,
        burstsSince: bursts.get(l.unitId)?.windowStart.toISOString() ?? null,
      }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
    frame,
  };
}
