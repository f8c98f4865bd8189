import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { OfficesResponse, TasksList } from './types';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../components/feedback';
import { date } from '../../lib/format';
import { TaskForm } from './task-form';
import { StatusBadge } from './status-badge';

const STATUS_OPTIONS = [
  { value: 'notStarted', label: 'Chưa thực hiện' },
  { value: 'inProgress', label: 'Đang thực hiện' },
  { value: 'doneOnTime', label: 'Hoàn thành đúng hạn' },
  { value: 'doneLate', label: 'Hoàn thành quá hạn' },
  { value: 'overdue', label: 'Quá hạn chưa hoàn thành' },
];

/** A unit's tasks: seed 000's overdue sentence on top, filters by office and status, the table. */
export default function TasksPage() {
  const { user } = useSession();
  const params = useParams();
  const unitId = params.unitId ?? user?.unitId ?? undefined;
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const query = new URLSearchParams();
  if (officeId) query.set('officeId', officeId);
  if (status) query.set('status', status);
  const list = useQuery({
    queryKey: ['tasks', unitId, officeId, status],
    queryFn: () => api<TasksList>('GET', `/units/${unitId}/tasks?${query.toString()}`),
    enabled: unitId !== undefined,
  });
  const offices = useQuery({
    queryKey: ['offices', unitId],
    queryFn: () => api<OfficesResponse>('GET', `/units/${unitId}/offices`),
    enabled: unitId !== undefined,
  });
  if (!unitId) return <Navigate to="/nhiem-vu/tong-hop" replace />;
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorMessage error={list.error} />;
  const data = list.data;
  const canCreate = user?.role === 'unitOfficer' || user?.role === 'unitHead';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>
          Nhiệm vụ của {data.unit.name}
          {data.office ? ` — ${data.office.name}` : ''}
        </Title>
        <Group gap="xs">
          <Button variant="default" component={Link} to={`/nhiem-vu/${unitId}/lich`}>
            Lịch nhiệm vụ
          </Button>
          {canCreate && <Button onClick={() => setCreating(true)}>Giao nhiệm vụ mới</Button>}
        </Group>
      </Group>
      <Alert color={data.counts.late > 0 ? 'red' : 'green'} title="Nhiệm vụ quá hạn">
        {data.lateSentence}. Tổng số {data.counts.total} nhiệm vụ, đã hoàn thành {data.counts.done}.
      </Alert>
      <Group>
        {!data.office && (
          <Select
            label="Phòng, ban"
            placeholder="Tất cả"
            data={(offices.data?.offices ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={officeId}
            onChange={setOfficeId}
            clearable
          />
        )}
        <Select
          label="Trạng thái"
          placeholder="Tất cả"
          data={STATUS_OPTIONS}
          value={status}
          onChange={setStatus}
          clearable
        />
      </Group>
      {data.tasks.length === 0 ? (
        <Text c="dimmed">Chưa có nhiệm vụ nào.</Text>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nội dung nhiệm vụ</Table.Th>
              <Table.Th>Chủ trì</Table.Th>
              <Table.Th>Thời hạn</Table.Th>
              <Table.Th>Trạng thái</Table.Th>
              <Table.Th>Tiến độ</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.tasks.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/nhiem-vu/${unitId}/${task.id}`}>
                    {task.title}
                  </Anchor>
                  {task.documentText && (
                    <Text size="xs" c="dimmed">
                      Văn bản {task.documentText}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{task.leadOffice?.name ?? '—'}</Table.Td>
                <Table.Td>
                  {date(task.deadline)}
                  <Text size="xs" c={task.status === 'overdue' ? 'red' : 'dimmed'}>
                    {task.daysLabel}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge task={task} />
                </Table.Td>
                <Table.Td>{task.latestPercent === null ? '—' : `${task.latestPercent}%`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title="Giao nhiệm vụ mới"
        size="lg"
      >
        <TaskForm
          unitId={unitId}
          offices={offices.data?.offices ?? []}
          onDone={() => {
            setCreating(false);
            void list.refetch();
          }}
        />
      </Modal>
    </Stack>
  );
}
