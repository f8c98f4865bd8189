import { Alert, Anchor, Select, Stack, Text, Title } from '@mantine/core';
import type { Office, Responsibilities } from '@chiso/contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../components/feedback';
import { OfficeList } from './office-list';
import { ResponsibilitiesTable } from './responsibilities-table';

/**
 * A unit's offices and who answers for each criterion of the year's framework. The unit's
 * officer and head open their own; the administrator opens any unit's from the units screen.
 */
export default function OfficesPage() {
  const { user } = useSession();
  const params = useParams();
  const unitId = params.unitId ?? user?.unitId ?? undefined;
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const base = `/units/${encodeURIComponent(unitId ?? '')}`;
  const offices = useQuery({
    queryKey: ['offices', unitId],
    queryFn: () => api<{ offices: Office[] }>('GET', `${base}/offices`),
    enabled: unitId !== undefined,
  });
  const responsibilities = useQuery({
    queryKey: ['responsibilities', unitId, frameworkId],
    queryFn: () =>
      api<Responsibilities>(
        'GET',
        `${base}/responsibilities${frameworkId ? `?frameworkId=${frameworkId}` : ''}`,
      ),
    enabled: unitId !== undefined,
  });
  if (!unitId) return <Navigate to="/don-vi" replace />;
  if (offices.isPending || responsibilities.isPending) return <Loading />;
  if (offices.error) return <ErrorMessage error={offices.error} />;
  if (responsibilities.error) return <ErrorMessage error={responsibilities.error} />;
  const data = responsibilities.data;
  const refresh = () => Promise.all([offices.refetch(), responsibilities.refetch()]);
  const unmatched = data.nodes.filter((n) => n.unmatched.length > 0).length;

  return (
    <Stack>
      {params.unitId && user?.role === 'administrator' && (
        <Anchor component={Link} to="/don-vi" size="sm">
          ← Danh sách đơn vị
        </Anchor>
      )}
      <Title order={2}>Phòng, ban và phân công của {data.unit.name}</Title>
      <OfficeList unitId={unitId} offices={offices.data.offices} onChanged={refresh} />
      {data.frameworks.length === 0 ? (
        <Alert color="gray">Chưa có bộ chỉ số nào cho loại đơn vị này.</Alert>
      ) : (
        <Select
          label="Bộ chỉ số (theo năm)"
          data={data.frameworks.map((f) => ({ value: f.id, label: `${f.name} (năm ${f.year})` }))}
          value={data.framework?.id ?? null}
          onChange={setFrameworkId}
          allowDeselect={false}
          w={520}
        />
      )}
      {unmatched > 0 && (
        <Text size="sm" c="orange.8">
          {unmatched} tiêu chí có phòng, ban chủ trì hoặc phối hợp theo bộ chỉ số mà đơn vị chưa có:
          thêm phòng, ban đó hoặc tự giao.
        </Text>
      )}
      <ResponsibilitiesTable unitId={unitId} data={data} onChanged={refresh} />
    </Stack>
  );
}
