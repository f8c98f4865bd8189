import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { useJobs } from '../../api/hooks';
import type { Job } from '../../api/types';
import { ErrorMessage, Loading, notifyError, notifySaved } from '../../components/feedback';
import { dateTime } from '../../lib/format';

const STATES: Record<Job['state'], { label: string; color: string }> = {
  created: { label: 'Chờ chạy', color: 'gray' },
  retry: { label: 'Chờ thử lại', color: 'yellow' },
  active: { label: 'Đang chạy', color: 'blue' },
  completed: { label: 'Hoàn thành', color: 'green' },
  failed: { label: 'Thất bại', color: 'red' },
};

/** The administrator's view of background jobs: recent runs, failures with their error, retry. */
export default function JobsPage() {
  const client = useQueryClient();
  const [failedOnly, setFailedOnly] = useState(false);
  const jobs = useJobs(failedOnly);
  const retry = useMutation({
    mutationFn: (job: Job) => api<Job>('POST', `/jobs/${job.id}/retry`),
    onSuccess: async (job) => {
      await client.invalidateQueries({ queryKey: ['jobs'] });
      notifySaved(`Đã đưa "${job.label}" vào hàng đợi để chạy lại`);
    },
    onError: notifyError,
  });
  const scan = useMutation({
    mutationFn: () => api<{ queued: boolean }>('POST', '/jobs/reminders-scan'),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['jobs'] });
      notifySaved('Đã đưa việc rà soát nhắc việc vào hàng đợi');
    },
    onError: notifyError,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Công việc nền</Title>
        <Button variant="default" onClick={() => scan.mutate()} loading={scan.isPending}>
          Rà soát nhắc việc ngay
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        Nhắc việc và các việc chạy nền khác. Việc lỗi được thử lại tự động, mỗi lần chờ lâu gấp đôi;
        sau lần thử cuối, việc được ghi là thất bại kèm lỗi và có thể cho chạy lại.
        {jobs.data &&
          ` Hàng đợi: ${jobs.data.engine === 'pg-boss' ? 'pg-boss trên PostgreSQL' : 'chạy trong máy chủ'}.`}
      </Text>
      <SegmentedControl
        w="fit-content"
        value={failedOnly ? 'failed' : 'all'}
        onChange={(value) => setFailedOnly(value === 'failed')}
        data={[
          { value: 'all', label: 'Gần đây' },
          { value: 'failed', label: 'Thất bại' },
        ]}
        aria-label="Lọc công việc"
      />
      {jobs.isPending ? (
        <Loading />
      ) : jobs.error ? (
        <ErrorMessage error={jobs.error} />
      ) : jobs.data.jobs.length === 0 ? (
        <Text c="dimmed">
          {failedOnly ? 'Không có công việc thất bại.' : 'Chưa có công việc nào.'}
        </Text>
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label="Công việc nền">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Công việc</Table.Th>
                  <Table.Th miw={130}>Trạng thái</Table.Th>
                  <Table.Th>Số lần chạy</Table.Th>
                  <Table.Th>Tạo lúc</Table.Th>
                  <Table.Th>Kết thúc / chạy tiếp</Table.Th>
                  <Table.Th>Lỗi</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jobs.data.jobs.map((job) => (
                  <Table.Tr key={job.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {job.label}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                        {job.key}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={STATES[job.state].color}
                        variant="light"
                        styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                      >
                        {STATES[job.state].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {job.attempts}/{job.maxAttempts}
                    </Table.Td>
                    <Table.Td>{dateTime(job.createdAt)}</Table.Td>
                    <Table.Td>
                      {job.state === 'retry' || job.state === 'created'
                        ? `chạy từ ${dateTime(job.runAfter)}`
                        : dateTime(job.finishedAt)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={job.error ? 'red.8' : 'dimmed'}>
                        {job.error ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {job.state === 'failed' && (
                        <Button
                          size="compact-xs"
                          onClick={() => retry.mutate(job)}
                          loading={retry.isPending && retry.variables.id === job.id}
                        >
                          Chạy lại
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
