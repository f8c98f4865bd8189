import { formatCount } from '@chiso/core/format/format.js';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, upload } from '../api/client';
import type { ImportJob } from '../api/types';
import { ErrorMessage } from './feedback';

const PHASE_LABELS: Record<NonNullable<ImportJob['phase']>, string> = {
  reading: 'Đang đọc',
  checking: 'Đang kiểm tra',
  saving: 'Đang lưu',
};

const running = (job: ImportJob | undefined) =>
  job !== undefined && (job.state === 'queued' || job.state === 'running');

/**
 * An import that runs on the server as a job (decision 0034): the upload answers the job, which
 * is polled every second until it has succeeded, failed or been cancelled; `onSucceeded` hears
 * the answer once.
 */
export function useImportJob(path: string, onSucceeded: (job: ImportJob) => void | Promise<void>) {
  const [id, setId] = useState<string | undefined>();
  const start = useMutation({
    mutationFn: ({ file, at }: { file: File; at: string }) => upload<ImportJob>(at, file),
    onSuccess: (job) => setId(job.id),
  });
  const poll = useQuery({
    queryKey: ['imports', id],
    queryFn: () => api<ImportJob>('GET', `/imports/${id}`),
    enabled: id !== undefined,
    refetchInterval: (query) => (running(query.state.data) || !query.state.data ? 1000 : false),
  });
  const cancel = useMutation({
    mutationFn: () => api<ImportJob>('POST', `/imports/${id}/cancel`),
    onSuccess: () => void poll.refetch(),
  });
  const job = id === undefined ? undefined : (poll.data ?? start.data);
  const told = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (job?.state === 'succeeded' && told.current !== job.id) {
      told.current = job.id;
      void onSucceeded(job);
    }
  }, [job, onSucceeded]);
  return {
    job,
    /** `at`: another route than `path` for this upload (a framework's name and year…). */
    start: (file: File, at = path) => {
      setId(undefined);
      start.mutate({ file, at });
    },
    /** Forgets the last upload (a new file was chosen). */
    reset: () => {
      setId(undefined);
      start.reset();
    },
    busy: start.isPending || running(job),
    cancel: () => cancel.mutate(),
    cancelling: cancel.isPending || job?.cancelRequested === true,
    error: start.error ?? poll.error ?? cancel.error,
  };
}

/** The job's progress bar with its "Dừng nhập" button, then its problems or its stop. */
export function ImportJobStatus({ state }: { state: ReturnType<typeof useImportJob> }) {
  const { job } = state;
  return (
    <Stack gap="xs">
      <ErrorMessage error={state.error} title="Tệp chưa nhập được (không có gì được lưu)" />
      {job && running(job) && (
        <Stack gap={4} aria-label="Tiến độ nhập tệp">
          <Progress
            value={job.totalRows ? (100 * job.doneRows) / job.totalRows : 0}
            animated
            striped
            aria-label="Tiến độ"
          />
          <Group justify="space-between">
            <Text size="sm">
              {job.state === 'queued' ? 'Đang chờ đến lượt' : PHASE_LABELS[job.phase ?? 'reading']}
              {job.totalRows !== null &&
                ` … ${formatCount(job.doneRows)}/${formatCount(job.totalRows)} dòng`}
            </Text>
            <Button
              size="xs"
              color="red"
              variant="light"
              onClick={state.cancel}
              loading={state.cancelling}
            >
              Dừng nhập
            </Button>
          </Group>
        </Stack>
      )}
      {job?.state === 'failed' && job.problems && (
        <ErrorMessage
          title="Tệp chưa nhập được (không có gì được lưu)"
          error={
            new ApiError(
              422,
              job.problems.code,
              job.problems.message,
              job.problems.details,
              job.problems.issues,
            )
          }
        />
      )}
      {job?.state === 'cancelled' && (
        <Alert color="yellow" title="Đã dừng nhập">
          Không có dòng nào của tệp "{job.fileName}" được lưu.
        </Alert>
      )}
    </Stack>
  );
}
