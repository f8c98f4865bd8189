import { Alert, Button, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading, notifyError, notifySaved } from '../../components/feedback';
import { dateTime } from '../../lib/format';
import type { Recomputed } from '@chiso/contract';
import { resultsKey, useSurveyResults, type SurveyResults } from './api';
import { LeavesTable, RatesTable, SipasTable } from './result-tables';

export default function SurveyResultsPage() {
  const { periodId = '' } = useParams();
  const { user } = useSession();
  const results = useSurveyResults(periodId);
  const [unitId, setUnitId] = useState<string | null>(null);
  if (results.isPending) return <Loading />;
  if (results.error) return <ErrorMessage error={results.error} />;
  const data = results.data;
  const units = unitsOf(data);
  const only = <T extends { unitId: string }>(rows: T[]) =>
    unitId ? rows.filter((r) => r.unitId === unitId) : rows;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>Kết quả khảo sát — {data.period.name}</Title>
          <Text c="dimmed">
            {data.computedAt
              ? `Số liệu tính lúc ${dateTime(data.computedAt)}`
              : 'Số liệu chưa được tính lần nào'}
          </Text>
        </div>
        <Group gap="xs">
          {user?.role === 'administrator' && <Recompute periodId={periodId} />}
          <Button
            component="a"
            href={`/api/periods/${periodId}/surveys/results.xlsx`}
            variant="default"
          >
            Tải Excel
          </Button>
          <Button component={Link} to={`/khao-sat?ky=${periodId}`} variant="subtle">
            Các phiếu khảo sát
          </Button>
        </Group>
      </Group>
      {data.computedAt === null && (
        <Alert color="yellow">
          Câu trả lời chưa được tổng hợp. Số liệu có sau khi quản trị bấm "Tính lại" hoặc khi một
          phiếu khảo sát được đóng.
        </Alert>
      )}
      {units.length > 1 && (
        <Select
          label="Đơn vị"
          placeholder="Mọi đơn vị"
          data={units}
          value={unitId}
          onChange={setUnitId}
          clearable
          searchable
          w={{ base: '100%', sm: 360 }}
        />
      )}
      <Tabs defaultValue="ty-le" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="ty-le">Tỷ lệ phản hồi</Tabs.Tab>
          <Tabs.Tab value="diem">Điểm tiêu chí khảo sát</Tabs.Tab>
          <Tabs.Tab value="sipas">Chỉ số SIPAS</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="ty-le" pt="md">
          <RatesTable rows={only(data.rates)} />
        </Tabs.Panel>
        <Tabs.Panel value="diem" pt="md">
          <LeavesTable rows={only(data.leaves)} />
        </Tabs.Panel>
        <Tabs.Panel value="sipas" pt="md">
          <SipasTable rows={only(data.sipas)} />
        </Tabs.Panel>
      </Tabs>
      <Text size="sm" c="dimmed">
        Điểm của tiêu chí = điểm tối đa × trung bình có trọng số của các nhóm đối tượng; trung bình
        của nhóm = tổng trọng số các câu trả lời ÷ số câu trả lời. Chỉ số SIPAS đạt khi lớn hơn chỉ
        tiêu.
      </Text>
    </Stack>
  );
}

/** Every unit named in the results, for the filter. */
function unitsOf(data: SurveyResults): { value: string; label: string }[] {
  const names = new Map<string, string>();
  for (const row of [...data.rates, ...data.leaves, ...data.sipas])
    names.set(row.unitId, row.unitName);
  return [...names]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}

function Recompute({ periodId }: { periodId: string }) {
  const client = useQueryClient();
  const run = useMutation({
    mutationFn: () => api<Recomputed>('POST', `/periods/${periodId}/surveys/recompute`),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: resultsKey(periodId) });
      await client.invalidateQueries({ queryKey: ['surveys'] });
      notifySaved(`Đã tính lại từ ${result.responses} phiếu`);
    },
    onError: notifyError,
  });
  return (
    <Button onClick={() => run.mutate()} loading={run.isPending}>
      Tính lại
    </Button>
  );
}
