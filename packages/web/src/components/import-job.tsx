import { formatCount } from '@chiso/core/format/format.js';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
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
  // Only the latest upload's job is followed (a preview asked again as a field is typed).
  const latest = useRef(0);
  // The share of the file sent while it uploads (a delivery may be large), then undefined.
  const [uploaded, setUploaded] = useState<number | undefined>();
  const start = useMutation({
    mutationFn: ({ file, at }: { file: File; at: string; asked: number }) =>
      upload<ImportJob>(at, file, setUploaded),
    onSuccess: (job, { asked }) => {
      if (asked === latest.current) setId(job.id);
    },
    onSettled: () => setUploaded(undefined),
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
  const job =
    id === undefined ? undefined : (poll.data ?? (start.data?.id === id ? start.data : undefined));
  const told = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (job?.state === 'succeeded' && told.current !== job.id) {
      told.current = job.id;
      void onSucceeded(job);
    }
  }, [job, onSucceeded]);
  return {
    job,
    uploaded: start.isPending ? (uploaded ?? 0) : undefined,
    /** `at`: the route with this upload's query (a preview, a mapping…), else `path`. */
    start: (file: File, at: string = path) => {
      setId(undefined);
      start.mutate({ file, at, asked: ++latest.current });
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

/**
 * The upload's share, then the job's progress bar with its "Dừng nhập" button, then its problems
 * (as `problems` shows them, by default the refused upload's message) or its stop.
 */
export function ImportJobStatus({
  state,
  problems,
}: {
  state: ReturnType<typeof useImportJob>;
  problems?: (error: ApiError) => ReactNode;
}) {
  const { job } = state;
  const refusal =
    job?.state === 'failed' && job.problems
      ? new ApiError(
          422,
          job.problems.code,
          job.problems.message,
          job.problems.details,
          job.problems.issues,
        )
      : undefined;
  return (
    <Stack gap="xs">
      <ErrorMessage error={state.error} title="Tệp chưa nhập được (không có gì được lưu)" />
      {state.uploaded !== undefined && (
        <Stack gap={4}>
          <Text size="sm" id="tai-tep-len">
            Đang tải lên… {Math.round(state.uploaded * 100)}%
          </Text>
          <Progress value={state.uploaded * 100} aria-labelledby="tai-tep-len" />
        </Stack>
      )}
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
              {job.totalRows !== null
                ? ` … ${formatCount(job.doneRows)}/${formatCount(job.totalRows)} dòng`
                : job.doneRows > 0 && ` … ${formatCount(job.doneRows)} dòng`}
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
      {refusal &&
        (problems ? (
          problems(refusal)
        ) : (
          <ErrorMessage title="Tệp chưa nhập được (không có gì được lưu)" error={refusal} />
        ))}
      {job?.state === 'cancelled' && (
        <Alert color="yellow" title="Đã dừng nhập">
          Không có dòng nào của tệp "{job.fileName}" được lưu.
        </Alert>
      )}
    </Stack>
  );
}
