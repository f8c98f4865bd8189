import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { useUnits } from '../../api/hooks';

import type {
  Difference,
  KeyAnswers,
  PaperForms,
  PaperFormSaved,
  RecheckResult,
  RechecksView,
  RecheckState,
  Resolved,
  SurveyDetail,
} from '@chiso/contract';

/** Option keys by question code, as typed from the paper form; null for a blank answer. */
export type { Difference, KeyAnswers, RechecksView, RecheckState };
export type { PaperFormRow } from '@chiso/contract';

/** What paper entry reads of a survey: GET /surveys/:id. */
export type EntrySurvey = SurveyDetail;
export type EntryQuestion = SurveyDetail['questionnaire']['questions'][number];

export const RECHECK_LABELS: Record<RecheckState, string> = {
  pending: 'Chờ nhập lại',
  match: 'Khớp',
  mismatch: 'Lệch, cần xử lý',
  resolved: 'Đã xử lý',
};

export const entryKeys = {
  survey: (id: string) => ['survey-entry', id, 'survey'] as const,
  forms: (id: string, batch: string) => ['survey-entry', id, 'forms', batch] as const,
  rechecks: (id: string) => ['survey-entry', id, 'rechecks'] as const,
  all: (id: string) => ['survey-entry', id] as const,
};

export const useEntrySurvey = (id: string) =>
  useQuery({
    queryKey: entryKeys.survey(id),
    queryFn: () => api<EntrySurvey>('GET', `/surveys/${id}`),
  });

export interface RatedUnit {
  unitId: string;
  unitName: string;
}

/**
 * The units a paper form may rate: those in the sampling plan first, then the other current
 * units of the rated type (the server refuses one that does not take part in the period).
 */
export function useRatedUnits(survey: EntrySurvey | undefined): RatedUnit[] {
  const units = useUnits();
  if (!survey) return [];
  const planned = survey.targets.map((t) => ({ unitId: t.unitId, unitName: t.unitName }));
  const known = new Set(planned.map((u) => u.unitId));
  const others = (units.data?.units ?? [])
    .filter((u) => u.type === survey.ratedUnitType && u.activeTo === null && !known.has(u.id))
    .map((u) => ({ unitId: u.id, unitName: u.name }))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
  return [...planned, ...others];
}

export const usePaperForms = (id: string, batch: string) =>
  useQuery({
    queryKey: entryKeys.forms(id, batch),
    queryFn: () =>
      api<PaperForms>(
        'GET',
        `/surveys/${id}/paper${batch ? `?${new URLSearchParams({ batch }).toString()}` : ''}`,
      ),
  });

export const useRechecks = (id: string) =>
  useQuery({
    queryKey: entryKeys.rechecks(id),
    queryFn: () => api<RechecksView>('GET', `/surveys/${id}/rechecks`),
  });

export const savePaperForm = (
  id: string,
  body: { unitId: string; formNumber: string; batch?: string; answers: KeyAnswers },
) => api<PaperFormSaved>('POST', `/surveys/${id}/paper`, body);

export const saveRecheck = (id: string, body: { formNumber: string; answers: KeyAnswers }) =>
  api<RecheckResult>('POST', `/surveys/${id}/rechecks`, body);

export const resolveRecheck = (id: string, responseId: string, answers: KeyAnswers) =>
  api<Resolved>('POST', `/surveys/${id}/rechecks/${responseId}/resolve`, {
    answers,
  });

/**
 * The server's problems sorted by where they belong: a question ("Câu C3: chưa chọn phương
 * án", or the path "answers.C3"), a field of the form ("formNumber", "unitId", "batch"), or
 * the form as a whole.
 */
export function sortIssues(
  error: unknown,
  codes: readonly string[],
): { byCode: Record<string, string>; fields: Record<string, string>; other: string[] } {
  const byCode: Record<string, string> = {};
  const fields: Record<string, string> = {};
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { byCode, fields, other };
  const issues = error.issues.length
    ? error.issues
    : error.details.map((message) => ({ message, path: undefined }));
  const lower = new Map(codes.map((code) => [code.toLowerCase(), code]));
  for (const issue of issues) {
    const path = issue.path ?? '';
    const named = /^Câu ([^:]+):\s*(.*)$/u.exec(issue.message);
    const code = path.startsWith('answers.')
      ? lower.get(path.slice('answers.'.length).toLowerCase())
      : named?.[1]
        ? lower.get(named[1].trim().toLowerCase())
        : undefined;
    if (code) byCode[code] = named?.[2] ?? issue.message;
    else if (['formNumber', 'unitId', 'batch'].includes(path)) fields[path] = issue.message;
    else other.push(issue.message);
  }
  return { byCode, fields, other };
}
