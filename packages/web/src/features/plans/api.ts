import type { PlansOverview, PlanView, UnitPlans } from '@chiso/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { notifyError, notifySaved } from '../../components/feedback';

export const planKeys = {
  list: (unitId: string) => ['plans', unitId] as const,
  plan: (unitId: string, periodId: string, approval?: number) =>
    ['plans', unitId, periodId, approval ?? 'draft'] as const,
  overview: (periodId: string) => ['plans', 'overview', periodId] as const,
};

export const planPath = (unitId: string, periodId: string) => `/units/${unitId}/plans/${periodId}`;

export const useUnitPlans = (unitId: string, enabled = true) =>
  useQuery({
    queryKey: planKeys.list(unitId),
    queryFn: () => api<UnitPlans>('GET', `/units/${unitId}/plans`),
    enabled,
  });

/**
 * Drafts a unit's plan from a published period and opens it: from the plans list and from the
 * unit's published result. `busy` is the period being drafted.
 */
export function useGeneratePlan(unitId: string) {
  const [busy, setBusy] = useState<string | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const generate = async (periodId: string) => {
    setBusy(periodId);
    try {
      await api<PlanView>('POST', `/units/${unitId}/plans`, { periodId });
      await queryClient.invalidateQueries({ queryKey: planKeys.list(unitId) });
      notifySaved('Đã lập dự thảo kế hoạch cải thiện từ kết quả đã công bố');
      void navigate(`/ke-hoach/${unitId}/${periodId}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };
  return { generate, busy };
}

export const usePlan = (unitId: string, periodId: string, approval?: number) =>
  useQuery({
    queryKey: planKeys.plan(unitId, periodId, approval),
    queryFn: () =>
      api<PlanView>(
        'GET',
        `${planPath(unitId, periodId)}${approval === undefined ? '' : `?approval=${approval}`}`,
      ),
  });

export const usePlansOverview = (periodId: string | null) =>
  useQuery({
    queryKey: planKeys.overview(periodId ?? ''),
    queryFn: () => api<PlansOverview>('GET', `/plans/overview?periodId=${periodId ?? ''}`),
    enabled: periodId !== null,
  });

/** After a change: the answer is the plan as it now stands; lists are read again. */
export function usePlanSaved(unitId: string, periodId: string) {
  const queryClient = useQueryClient();
  return (plan: PlanView) => {
    queryClient.setQueryData(planKeys.plan(unitId, periodId), plan);
    void queryClient.invalidateQueries({ queryKey: planKeys.list(unitId) });
  };
}
