import { normalizeSurveyCode, SURVEY_CODE_LENGTH } from '@chiso/core/surveys/codes.js';
import type {
  SurveyCodes,
  SurveyDetail,
  Surveys,
  SurveyStatus,
  SurveySummary,
} from '@chiso/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export type { QuestionnaireJson, QuestionJson } from '@chiso/core/surveys/parse-questionnaire.js';

export type {
  SurveyCode as CodeView,
  SurveyDetail,
  SurveyLink,
  SurveyStatus,
  SurveySummary,
  SurveyTarget,
} from '@chiso/contract';

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
    queryFn: () => api<Surveys>('GET', `/periods/${periodId}/surveys`).then((body) => body.surveys),
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
      return api<SurveyCodes>('GET', `/surveys/${id}/codes${text ? `?${text}` : ''}`).then(
        (body) => body.codes,
      );
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
