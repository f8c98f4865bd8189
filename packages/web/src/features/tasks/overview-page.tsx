import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';
import { FilePicker } from '../../components/file-picker';
import { ImportJobStatus, useImportJob } from '../../components/import-job';
import { date } from '../../lib/format';
import type { DispatchResult, TasksOverview } from './types';

const PATH = '/task-dispatches/import';

/**
 * The dispatch import: a table as a dispatch writes it, previewed, then given all at once. Both
 * run on the server as import jobs (decision 0043), followed with their progress bar.
 */
function DispatchImport({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [authority, setAuthority] = useState('UBND tỉnh');
  const [preview, setPreview] = useState<DispatchResult | null>(null);
  const run = useImportJob(PATH, (job) => {
    const result = job.result as DispatchResult;
    if (result.preview) return setPreview(result);
    notifySaved(`Đã giao ${result.tasks.length} nhiệm vụ`);
    setPreview(null);
    setFile(null);
    onDone();
  });
  const send = (dryRun: boolean) => {
    if (!file) return;
    if (dryRun) setPreview(null);
    run.start(file, `${PATH}?authority=${encodeURIComponent(authority)}&preview=${dryRun}`);
  };
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Giao nhiệm vụ từ bảng (.xlsx, .csv)</Title>
        <Text size="sm" c="dimmed">
          Các cột: Nội dung nhiệm vụ | Đơn vị thực hiện | Phòng/ban chủ trì | Phối hợp | Thời hạn |
          Văn bản giao
        </Text>
        <TextInput
          label="Cơ quan giao"
          value={authority}
          onChange={(e) => setAuthority(e.currentTarget.value)}
          w={320}
        />
        <FilePicker
          label="Kéo thả hoặc chọn bảng giao nhiệm vụ"
          file={file}
          onFile={(f) => {
            setFile(f);
            setPreview(null);
          }}
        />
        <ImportJobStatus state={run} />
        {preview && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Dòng</Table.Th>
                <Table.Th>Đơn vị</Table.Th>
                <Table.Th>Nội dung</Table.Th>
                <Table.Th>Chủ trì</Table.Th>
                <Table.Th>Thời hạn</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.tasks.map((t, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{t.row}</Table.Td>
                  <Table.Td>{t.unitName}</Table.Td>
                  <Table.Td>{t.title}</Table.Td>
                  <Table.Td>{t.leadOffice ?? '—'}</Table.Td>
                  <Table.Td>{date(t.deadline)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group>
          <Button variant="default" disabled={!file || run.busy} onClick={() => send(true)}>
            Xem trước
          </Button>
          <Button disabled={!preview || run.busy} onClick={() => send(false)}>
            Giao {preview ? preview.tasks.length : ''} nhiệm vụ
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Every unit's tasks at a glance, for the province: done, overdue, done late. */
export default function TasksOverviewPage() {
  const { user } = useSession();
  const overview = useQuery({
    queryKey: ['tasks-overview'],
    queryFn: () => api<TasksOverview>('GET', '/tasks/overview'),
  });
  if (overview.isPending) return <Loading />;
  if (overview.error) return <ErrorMessage error={overview.error} />;
  const { units, counts } = overview.data;
  return (
    <Stack>
      <Title order={2}>Nhiệm vụ của các đơn vị</Title>
      <Alert color={counts.late > 0 ? 'red' : 'green'}>
        Toàn tỉnh: {counts.total} nhiệm vụ, đã hoàn thành {counts.done}, quá hạn chưa hoàn thành{' '}
        {counts.overdue}, hoàn thành quá hạn {counts.doneLate}.
      </Alert>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Đơn vị</Table.Th>
            <Table.Th ta="right">Nhiệm vụ</Table.Th>
            <Table.Th ta="right">Đã hoàn thành</Table.Th>
            <Table.Th ta="right">Quá hạn chưa hoàn thành</Table.Th>
            <Table.Th ta="right">Hoàn thành quá hạn</Table.Th>
            <Table.Th>Quá hạn theo phòng, ban</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.unitId}>
              <Table.Td>
                <Anchor component={Link} to={`/nhiem-vu/${u.unitId}`}>
                  {u.unitName}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{u.counts.total}</Table.Td>
              <Table.Td ta="right">{u.counts.done}</Table.Td>
              <Table.Td ta="right">{u.counts.overdue}</Table.Td>
              <Table.Td ta="right">{u.counts.doneLate}</Table.Td>
              <Table.Td>
                <Text size="sm">{u.counts.late > 0 ? u.lateSentence : '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {user?.role === 'administrator' && <DispatchImport onDone={() => void overview.refetch()} />}
    </Stack>
  );
}
