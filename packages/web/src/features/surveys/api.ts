import type { QuestionnaireJson } from '@chiso/core/surveys/parse-questionnaire.js';
import { normalizeSurveyCode, SURVEY_CODE_LENGTH } from '@chiso/core/surveys/codes.js';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export type { QuestionnaireJson, QuestionJson } from '@chiso/core/surveys/parse-questionnaire.js';

export type SurveyStatus = 'draft' | 'open' | 'closed';

export interface SurveySummary {
  id: string;
  periodId: string;
  name: string;
  kind: 'par' | 'sipas';
  respondentGroup: string;
  groupLabel: string;
  ratedUnitType: string;
  status: SurveyStatus;
  /** The period's state: "open" until the council approves, then the figures are frozen. */
  periodStatus: 'open' | 'approved' | 'published';
  /** Why the survey takes no answers now (its state or its period's); null while it takes them. */
  answersRefused: string | null;
  recheckPercent: number;
  questionCount: number;
  responses: number;
  target: number;
  version: number;
}

export interface SurveyTarget {
  unitId: string;
  unitName: string;
  target: number;
  population: number | null;
  responses: number;
  codes: number;
  answeredCodes: number;
}

export interface SurveyLink {
  unitId: string;
  unitName: string;
  token: string;
  active: boolean;
}

export interface SurveyDetail extends SurveySummary {
  questionnaire: QuestionnaireJson;
  targets: SurveyTarget[];
  links: SurveyLink[];
  frame: { total: number; sampled: number };
}

export interface CodeView {
  code: string;
  unitId: string;
  unitName: string;
  respondentName: string | null;
  respondentInfo: string | null;
  issuedAt: string;
  answeredOn: string | null;
}

export const STATUS_LABELS: Record<SurveyStatus, string> = {
  draft: 'Nháp',
  open: 'Đang thu phiếu',
  closed: 'Đã đóng',
};

/** The state a survey is in for the people collecting answers: "Đang thu phiếu" only if it does. */
export function statusLabelOf(s: Pick<SurveySummary, 'status' | 'periodStatus'>): string {
  if (s.status === 'open' && s.periodStatus !== 'open') return 'Đã dừng nhận trả lời';
  return STATUS_LABELS[s.status];
}

export function statusColorOf(s: Pick<SurveySummary, 'status' | 'periodStatus'>): string {
  return s.status === 'open' && s.periodStatus !== 'open' ? 'gray' : STATUS_COLORS[s.status];
}

export const STATUS_COLORS: Record<SurveyStatus, string> = {
  draft: 'gray',
  open: 'green',
  closed: 'blue',
};

export const surveyKeys = {
  list: (periodId: string) => ['surveys', 'period', periodId] as const,
  detail: (id: string) => ['surveys', id] as const,
  codes: (id: string, unitId: string | null, answered: string | null) =>
    ['surveys', id, 'codes', unitId ?? '', answered ?? ''] as const,
};

export const useSurveys = (periodId: string | null) =>
  useQuery({
    queryKey: surveyKeys.list(periodId ?? ''),
    queryFn: () =>
      api<{ surveys: SurveySummary[] }>('GET', `/periods/${periodId}/surveys`).then(
        (body) => body.surveys,
      ),
    enabled: Boolean(periodId),
  });

export const useSurvey = (id: string) =>
  useQuery({
    queryKey: surveyKeys.detail(id),
    queryFn: () => api<SurveyDetail>('GET', `/surveys/${id}`),
  });

/** Codes of a survey, of one unit or all, answered or not (null: both). */
export const useCodes = (id: string, unitId: string | null, answered: 'true' | 'false' | null) =>
  useQuery({
    queryKey: surveyKeys.codes(id, unitId, answered),
    queryFn: () => {
      const query = new URLSearchParams();
      if (unitId) query.set('unitId', unitId);
      if (answered) query.set('answered', answered);
      const text = query.toString();
      return api<{ codes: CodeView[] }>(
        'GET',
        `/surveys/${id}/codes${text ? `?${text}` : ''}`,
      ).then((body) => body.codes);
    },
  });

/** "ABCDEFGHJK" as printed on a card, "ABCDE-FGHJK"; other shapes as they are. */
export function showCode(code: string): string {
  const plain = normalizeSurveyCode(code);
  return plain.length === SURVEY_CODE_LENGTH ? `${plain.slice(0, 5)}-${plain.slice(5)}` : code;
}

/** The address a respondent opens for a code (what the QR code on a card holds). */
export function codeUrl(code: string): string {
  return `${window.location.origin}/phieu/${normalizeSurveyCode(code)}`;
}

/** The address of a unit's open link. */
export function linkUrl(token: string): string {
  return `${window.location.origin}/phieu/mo/${token}`;
}
