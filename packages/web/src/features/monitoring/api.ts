import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { MonitoringOverview, Snapshot, SnapshotList } from '../../api/types';

export const monitoringKeys = {
  list: (unitId: string) => ['monitoring', unitId] as const,
  snapshot: (unitId: string, id: string) => ['monitoring', unitId, id] as const,
  overview: (year: number) => ['monitoring', 'overview', year] as const,
};

export const useSnapshots = (unitId: string) =>
  useQuery({
    queryKey: monitoringKeys.list(unitId),
    queryFn: () => api<SnapshotList>('GET', `/units/${unitId}/monitoring`),
  });

export const useSnapshot = (unitId: string, id: string | null) =>
  useQuery({
    queryKey: monitoringKeys.snapshot(unitId, id ?? ''),
    queryFn: () => api<Snapshot>('GET', `/units/${unitId}/monitoring/${id ?? ''}`),
    enabled: id !== null,
  });

export const useMonitoringOverview = (year: number, enabled: boolean) =>
  useQuery({
    queryKey: monitoringKeys.overview(year),
    queryFn: () => api<MonitoringOverview>('GET', `/monitoring/overview?year=${year}`),
    enabled,
  });
