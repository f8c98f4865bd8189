import type {
  PublicPeriodResponse,
  PublicPeriodsResponse,
  PublicRankingResponse,
  PublicUnitResponse,
} from '@chiso/contract';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';

export type {
  PublicBlockResponse as PublicBlock,
  PublicPeriodResponse as PublicPeriod,
  PublicPeriodsResponse as PublicPeriods,
  PublicRankingResponse as PublicRanking,
  PublicRankingRow,
  PublicUnitResponse as PublicUnit,
} from '@chiso/contract';

export type PublicPeriodSummary = PublicPeriodsResponse['periods'][number];
export type PublicLicence = PublicPeriodsResponse['licence'];
export type PublicDownloads = PublicPeriodResponse['downloads'];

// The portal reads /api/public/results only: no session, no CSRF token (decision 0022).
const base = '/public/results';
const segment = encodeURIComponent;

export const portalPaths = {
  periods: base,
  period: (periodId: string) => `${base}/${segment(periodId)}`,
  block: (periodId: string, group: string) =>
    `${base}/${segment(periodId)}/blocks/${segment(group)}`,
  unit: (periodId: string, unitId: string) =>
    `${base}/${segment(periodId)}/units/${segment(unitId)}`,
};

/** The portal's own addresses (stable: the period's id and the unit's id, nothing else). */
export const portalLinks = {
  periods: '/cong-khai',
  period: (periodId: string) => `/cong-khai/${periodId}`,
  block: (periodId: string, group: string) => `/cong-khai/${periodId}/khoi/${segment(group)}`,
  unit: (periodId: string, unitId: string) => `/cong-khai/${periodId}/don-vi/${segment(unitId)}`,
};

/**
 * A 404 is the portal's answer for a period that does not exist AND one still under embargo:
 * it is not retried, and the page says "not found or not yet published" without guessing which.
 */
export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

const retry = (count: number, error: unknown) => !isNotFound(error) && count < 1;

export const usePublicPeriods = () =>
  useQuery({
    queryKey: ['portal', 'periods'],
    queryFn: () => api<PublicPeriodsResponse>('GET', portalPaths.periods),
    retry,
  });

export const usePublicPeriod = (periodId: string) =>
  useQuery({
    queryKey: ['portal', 'period', periodId],
    queryFn: () => api<PublicPeriodResponse>('GET', portalPaths.period(periodId)),
    retry,
  });

export const usePublicRanking = (periodId: string, group: string) =>
  useQuery({
    queryKey: ['portal', 'block', periodId, group],
    queryFn: () => api<PublicRankingResponse>('GET', portalPaths.block(periodId, group)),
    retry,
  });

export const usePublicUnit = (periodId: string, unitId: string) =>
  useQuery({
    queryKey: ['portal', 'unit', periodId, unitId],
    queryFn: () => api<PublicUnitResponse>('GET', portalPaths.unit(periodId, unitId)),
    retry,
  });
