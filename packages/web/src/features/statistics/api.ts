import type { LateDossiers, PeriodStatistics } from '@chiso/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const statisticsKeys = {
  all: (periodId: string) => ['statistics', periodId] as const,
  list: (periodId: string) => ['statistics', periodId, 'list'] as const,
  late: (periodId: string) => ['statistics', periodId, 'late'] as const,
};

export const statisticsPath = (periodId: string) => `/periods/${periodId}/statistics`;

/** The query string of a preview or an import: only the parts that are set. */
export function query(parts: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parts)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** The figures imported for the period, one row per unit. */
export const usePeriodStatistics = (periodId: string) =>
  useQuery({
    queryKey: statisticsKeys.list(periodId),
    queryFn: () => api<PeriodStatistics>('GET', statisticsPath(periodId)),
  });

/** Seed 000's per-unit table of late dossiers, most late first. */
export const useLateDossiers = (periodId: string) =>
  useQuery({
    queryKey: statisticsKeys.late(periodId),
    queryFn: () => api<LateDossiers>('GET', `${statisticsPath(periodId)}/late-dossiers`),
  });
