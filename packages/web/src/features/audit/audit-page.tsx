import { Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { AUDIT_ACTION_LABELS } from '@chiso/core/audit/action-labels.js';
import type { AuditPage } from '@chiso/contract';
import { useState } from 'react';
import { api } from '../../api/client';
import { usePeriods, useUnits, useUsers } from '../../api/hooks';
import { DateInput, isoDate } from '../../components/date-input';
import { ErrorMessage, Loading } from '../../components/feedback';
import { dateTime } from '../../lib/format';

const PAGE = 50;

/** What a change is about, in Vietnamese (the trail's entity types). */
const ENTITY_LABELS: Record<string, string> = {
  user: 'tài khoản',
  unit: 'đơn vị',
  period: 'kỳ đánh giá',
  entry: 'tiêu chí',
  window: 'thời hạn',
  framework: 'bộ chỉ số',
  survey: 'khảo sát',
  task: 'nhiệm vụ',
  plan: 'kế hoạch',
  office: 'phòng, ban',
  apiToken: 'khóa kết nối',
};

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'vi'));

interface Filters {
  actor: string | null;
  unitId: string | null;
  periodId: string | null;
  action: string | null;
  from: string;
  to: string;
}

/** The filters as a query string (dates as Vietnam-local days), without the page's own part. */
function queryOf(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.actor) params.set('actor', filters.actor);
  if (filters.unitId) params.set('unitId', filters.unitId);
  if (filters.periodId) params.set('periodId', filters.periodId);
  if (filters.action) params.set('action', filters.action);
  const from = isoDate(filters.from);
  const to = isoDate(filters.to);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return params.toString();
}

/** "Nhật ký thay đổi": the administrator's trail, filtered, paged ("Tải thêm"), exported. */
export default function AuditPage() {
  const users = useUsers();
  const units = useUnits();
  const periods = usePeriods();
  const [filters, setFilters] = useState<Filters>({
    actor: null,
    unitId: null,
    periodId: null,
    action: null,
    from: '',
    to: '',
  });
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));
  const query = queryOf(filters);
  const trail = useInfiniteQuery({
    queryKey: ['audit', query],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<AuditPage>(
        'GET',
        `/audit?limit=${PAGE}${query ? `&${query}` : ''}${pageParam ? `&cursor=${pageParam}` : ''}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = trail.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Nhật ký thay đổi</Title>
        <Button component="a" href={`/api/audit.xlsx${query ? `?${query}` : ''}`} variant="default">
          Xuất Excel
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        Mọi thay đổi về điểm, trạng thái, kết quả, tài khoản và đơn vị, mới nhất trước. Nhật ký chỉ
        được ghi thêm: không ai sửa hay xóa được một dòng.
      </Text>
      <Card withBorder>
        <Group align="flex-end" gap="sm">
          <Select
            label="Người thực hiện"
            placeholder="Tất cả"
            searchable
            clearable
            w={220}
            value={filters.actor}
            onChange={(value) => set('actor', value)}
            data={(users.data ?? []).map((u) => ({
              value: u.id,
              label: `${u.fullName} (${u.username})`,
            }))}
          />
          <Select
            label="Đơn vị"
            placeholder="Tất cả"
            searchable
            clearable
            w={220}
            value={filters.unitId}
            onChange={(value) => set('unitId', value)}
            data={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          <Select
            label="Kỳ đánh giá"
            placeholder="Tất cả"
            clearable
            w={220}
            value={filters.periodId}
            onChange={(value) => set('periodId', value)}
            data={(periods.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
          <Select
            label="Loại thao tác"
            placeholder="Tất cả"
            searchable
            clearable
            w={260}
            value={filters.action}
            onChange={(value) => set('action', value)}
            data={ACTION_OPTIONS}
          />
          <DateInput
            label="Từ ngày"
            value={filters.from}
            onChange={(v) => set('from', v)}
            width={130}
          />
          <DateInput
            label="Đến ngày"
            value={filters.to}
            onChange={(v) => set('to', v)}
            width={130}
          />
        </Group>
      </Card>
      {trail.isPending ? (
        <Loading />
      ) : trail.error ? (
        <ErrorMessage error={trail.error} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">Không có thay đổi nào theo bộ lọc này.</Text>
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={1000}>
            <Table striped aria-label="Nhật ký thay đổi">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={130}>Thời điểm</Table.Th>
                  <Table.Th>Người thực hiện</Table.Th>
                  <Table.Th>Thao tác</Table.Th>
                  <Table.Th>Đơn vị</Table.Th>
                  <Table.Th>Kỳ đánh giá</Table.Th>
                  <Table.Th>Thay đổi</Table.Th>
                  <Table.Th>Địa chỉ IP</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>{dateTime(row.at)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.actor ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {row.actionLabel}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {row.code
                          ? `Tiêu chí ${row.code}`
                          : (ENTITY_LABELS[row.entityType] ?? 'đối tượng khác')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{row.unitName ?? row.unitId ?? '—'}</Table.Td>
                    <Table.Td>{row.periodName ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ wordBreak: 'break-word' }}>
                        {row.summary || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{row.ip ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {trail.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void trail.fetchNextPage()}
            loading={trail.isFetchingNextPage}
          >
            Tải thêm
          </Button>
        </Group>
      )}
    </Stack>
  );
}
