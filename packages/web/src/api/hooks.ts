import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type {
  Assessment,
  FrameworkRow,
  FrameworkView,
  HistoryRow,
  JobsPage,
  LineageRow,
  NotificationsPage,
  PeriodDetail,
  PeriodSummary,
  Preferences,
  RankingPage,
  Unit,
  UnitResultPage,
  User,
} from './types';

export const keys = {
  periods: ['periods'] as const,
  period: (id: string) => ['periods', id] as const,
  assessment: (periodId: string, unitId: string) => ['assessment', periodId, unitId] as const,
  results: (periodId: string, version?: number) =>
    version === undefined
      ? (['results', periodId] as const)
      : (['results', periodId, version] as const),
  frameworks: ['frameworks'] as const,
  framework: (id: string) => ['frameworks', id] as const,
  units: ['units'] as const,
  users: ['users'] as const,
  notifications: ['notifications'] as const,
  notificationPage: (offset: number, unreadOnly: boolean) =>
    ['notifications', 'page', offset, unreadOnly] as const,
  unreadCount: ['notifications', 'unread'] as const,
  preferences: ['notification-preferences'] as const,
  jobs: (failedOnly: boolean) => ['jobs', failedOnly] as const,
  history: (periodId: string, unitId: string, code: string) =>
    ['history', periodId, unitId, code] as const,
};

/** All periods; only for the signed in (`enabled` false on public pages: no 401 to ask for). */
export const usePeriods = (enabled = true) =>
  useQuery({
    queryKey: keys.periods,
    queryFn: () => api<PeriodSummary[]>('GET', '/periods'),
    enabled,
  });

export const usePeriod = (id: string) =>
  useQuery({
    queryKey: keys.period(id),
    queryFn: () => api<PeriodDetail>('GET', `/periods/${id}`),
  });

export const useAssessment = (periodId: string, unitId: string) =>
  useQuery({
    queryKey: keys.assessment(periodId, unitId),
    queryFn: () => api<Assessment>('GET', `/periods/${periodId}/units/${unitId}/assessment`),
  });

/** One page of a block's ranking (the first block when none is chosen). */
export const useResultsRanking = (
  periodId: string,
  version: number | undefined,
  block: string | undefined,
  offset: number,
  limit: number,
) => {
  const query = new URLSearchParams({ offset: String(offset), limit: String(limit) });
  if (version !== undefined) query.set('version', String(version));
  if (block !== undefined) query.set('block', block);
  return useQuery({
    // Under keys.results(periodId): an erratum's invalidation reaches every page.
    queryKey: [...keys.results(periodId), 'ranking', version ?? null, block ?? null, offset, limit],
    queryFn: () => api<RankingPage>('GET', `/periods/${periodId}/results/ranking?${query}`),
    // The page shown stays while the next one loads: the table does not jump to a spinner.
    placeholderData: keepPreviousData,
  });
};

/** A unit's own results page: every node, each leaf's story, its peers' areas, its trend. */
export const useUnitResult = (periodId: string, unitId: string, version?: number) =>
  useQuery({
    queryKey: [...keys.results(periodId), 'unit', unitId, version ?? null],
    queryFn: () =>
      api<UnitResultPage>(
        'GET',
        `/periods/${periodId}/results/units/${encodeURIComponent(unitId)}${version === undefined ? '' : `?version=${version}`}`,
      ),
  });

export const useFrameworks = () =>
  useQuery({ queryKey: keys.frameworks, queryFn: () => api<FrameworkRow[]>('GET', '/frameworks') });

export const useFramework = (id: string) =>
  useQuery({
    queryKey: keys.framework(id),
    queryFn: () => api<FrameworkView>('GET', `/frameworks/${id}`),
  });

export const useUnits = () =>
  useQuery({
    queryKey: keys.units,
    queryFn: () => api<{ units: Unit[]; lineage: LineageRow[] }>('GET', '/units'),
  });

/** Accounts: administrators only (`enabled` false for others, who would get a 403). */
export const useUsers = (enabled = true) =>
  useQuery({ queryKey: keys.users, queryFn: () => api<User[]>('GET', '/users'), enabled });

export const useHistory = (periodId: string, unitId: string, code: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.history(periodId, unitId, code),
    queryFn: () =>
      api<HistoryRow[]>('GET', `/periods/${periodId}/units/${unitId}/entries/${code}/history`),
    enabled,
  });

/** The bell: asked again when the window regains focus and every minute. */
export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: keys.unreadCount,
    queryFn: () => api<{ unread: number }>('GET', '/notifications/unread-count'),
    enabled,
    refetchOnWindowFocus: true,
    refetchInterval: 60_000,
  });

export const NOTIFICATIONS_PER_PAGE = 20;

export const useNotifications = (offset: number, unreadOnly: boolean) =>
  useQuery({
    queryKey: keys.notificationPage(offset, unreadOnly),
    queryFn: () =>
      api<NotificationsPage>(
        'GET',
        `/notifications?limit=${NOTIFICATIONS_PER_PAGE}&offset=${offset}${unreadOnly ? '&unread=true' : ''}`,
      ),
    refetchOnWindowFocus: true,
  });

export const usePreferences = () =>
  useQuery({
    queryKey: keys.preferences,
    queryFn: () => api<Preferences>('GET', '/notifications/preferences'),
  });

/** Background jobs: administrators only. */
export const useJobs = (failedOnly: boolean) =>
  useQuery({
    queryKey: keys.jobs(failedOnly),
    queryFn: () => api<JobsPage>('GET', `/jobs?limit=200${failedOnly ? '&failed=true' : ''}`),
    refetchInterval: 30_000,
  });
