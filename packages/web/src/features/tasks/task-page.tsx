import {
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, upload } from '../../api/client';
import { DropZone } from '../../components/drop-zone';
import { ErrorMessage, Loading, notifyError, notifySaved } from '../../components/feedback';
import { date, dateTime } from '../../lib/format';
import { StatusBadge } from './status-badge';
import { TaskForm } from './task-form';
import type { OfficesResponse, TaskDetail } from './types';

const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png';

/** A task: what it asks, its reports with their files, a new report with upload, its history. */
export default function TaskPage() {
  const { unitId = '', taskId = '' } = useParams();
  const base = `/units/${unitId}/tasks/${taskId}`;
  const detail = useQuery({
    queryKey: ['task', unitId, taskId],
    queryFn: () => api<TaskDetail>('GET', base),
  });
  const [text, setText] = useState('');
  const [percent, setPercent] = useState<number | string>('');
  const [progress, setProgress] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const offices = useQuery({
    queryKey: ['offices', unitId],
    queryFn: () => api<OfficesResponse>('GET', `/units/${unitId}/offices`),
    enabled: editing,
  });
  if (detail.isPending) return <Loading />;
  if (detail.error) return <ErrorMessage error={detail.error} />;
  const { task, reports, pendingEvidence, history, canEdit, canReport } = detail.data;
  const refresh = () => detail.refetch();

  const move = async (verb: 'start' | 'complete' | 'reopen', done: string) => {
    try {
      await api('POST', `${base}/${verb}`, { version: task.version });
      notifySaved(done);
      await refresh();
    } catch (error) {
      notifyError(error);
    }
  };
  const send = async (files: File[]) => {
    for (const file of files) {
      setProgress(0);
      try {
        await upload(`${base}/evidence`, file, setProgress);
      } catch (error) {
        notifyError(error);
      }
    }
    setProgress(null);
    await refresh();
  };
  const report = async () => {
    try {
      await api('POST', `${base}/reports`, {
        text,
        percent: percent === '' ? null : Number(percent),
        evidenceIds: pendingEvidence.map((f) => f.id),
      });
      setText('');
      setPercent('');
      notifySaved('Đã gửi báo cáo tiến độ');
      await refresh();
    } catch (error) {
      notifyError(error);
    }
  };
  const fileLink = (file: { id: string; fileName: string }) => (
    <Anchor key={file.id} href={`/api${base}/evidence/${file.id}`} target="_blank">
      {file.fileName}
    </Anchor>
  );

  return (
    <Stack>
      <Anchor component={Link} to={`/nhiem-vu/${unitId}`} size="sm">
        ← Nhiệm vụ của {task.unitName}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={2}>{task.title}</Title>
        <StatusBadge task={task} />
      </Group>
      <Card withBorder>
        <Table variant="vertical" layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={220}>Thời hạn</Table.Th>
              <Table.Td>
                {date(task.deadline)} ({task.daysLabel})
              </Table.Td>
            </Table.Tr>
            {/* A task made from a plan row takes the row's first line as its title: the rest
                of what the plan asks is here. */}
            {task.description && task.description.trim() !== task.title && (
              <Table.Tr>
                <Table.Th>Mô tả, yêu cầu</Table.Th>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{task.description}</Table.Td>
              </Table.Tr>
            )}
            <Table.Tr>
              <Table.Th>Phòng, ban chủ trì</Table.Th>
              <Table.Td>{task.leadOffice?.name ?? 'Chưa giao'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Phòng, ban phối hợp</Table.Th>
              <Table.Td>{task.supportingOffices.map((o) => o.name).join(', ') || '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Cơ quan, văn bản giao</Table.Th>
              <Table.Td>
                {[task.authority, task.documentText && `Văn bản ${task.documentText}`]
                  .filter(Boolean)
                  .join(' — ') || '—'}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Mục tiêu</Table.Th>
              <Table.Td>{task.target ?? '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Tiêu chí phục vụ</Table.Th>
              <Table.Td>{task.codes.join(', ') || '—'}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Group mt="md">
          {canReport && !task.startedAt && !task.completedAt && (
            <Button
              variant="default"
              onClick={() => void move('start', 'Đã ghi nhận bắt đầu thực hiện')}
            >
              Bắt đầu thực hiện
            </Button>
          )}
          {canReport && !task.completedAt && (
            <Button onClick={() => void move('complete', 'Đã báo cáo hoàn thành')}>
              Báo cáo hoàn thành
            </Button>
          )}
          {canEdit && (
            <Button variant="default" onClick={() => setEditing(true)}>
              Sửa nhiệm vụ
            </Button>
          )}
          {canEdit && task.completedAt && (
            <Button variant="default" onClick={() => void move('reopen', 'Đã mở lại nhiệm vụ')}>
              Mở lại
            </Button>
          )}
        </Group>
      </Card>

      <Modal opened={editing} onClose={() => setEditing(false)} title="Sửa nhiệm vụ" size="lg">
        {offices.data ? (
          <TaskForm
            unitId={unitId}
            offices={offices.data.offices}
            task={task}
            onDone={() => {
              setEditing(false);
              void refresh();
            }}
          />
        ) : offices.error ? (
          <ErrorMessage error={offices.error} />
        ) : (
          <Loading />
        )}
      </Modal>
      <Title order={3}>Báo cáo tiến độ</Title>
      {reports.length === 0 && <Text c="dimmed">Chưa có báo cáo nào.</Text>}
      {reports.map((r) => (
        <Card withBorder key={r.id}>
          <Text size="sm" c="dimmed">
            {dateTime(r.at)} — {r.author}
            {r.office ? ` (${r.office.name})` : ''}
            {r.percent === null ? '' : ` — ${r.percent}%`}
          </Text>
          <Text>{r.text}</Text>
          {r.evidence.length > 0 && <Group gap="xs">Tài liệu: {r.evidence.map(fileLink)}</Group>}
        </Card>
      ))}
      {canReport && (
        <Card withBorder>
          <Stack>
            <Textarea
              label="Báo cáo mới"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <NumberInput
              label="Tiến độ (%)"
              min={0}
              max={100}
              value={percent}
              onChange={setPercent}
              w={160}
            />
            <DropZone
              label="Kéo thả hoặc chọn tài liệu kiểm chứng (PDF, Word, Excel, ảnh)"
              accept={ACCEPT}
              multiple
              onFiles={(files) => void send(files)}
            />
            {progress !== null && <Progress value={progress * 100} aria-label="Đang tải lên" />}
            {pendingEvidence.length > 0 && (
              <Group gap="xs">Sẽ kèm theo: {pendingEvidence.map(fileLink)}</Group>
            )}
            <Group justify="flex-end">
              <Button onClick={() => void report()} disabled={text.trim() === ''}>
                Gửi báo cáo
              </Button>
            </Group>
          </Stack>
        </Card>
      )}

      <Title order={3}>Lịch sử</Title>
      <Table>
        <Table.Tbody>
          {history.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td w={150}>{row.when}</Table.Td>
              <Table.Td w={220}>{row.actor}</Table.Td>
              <Table.Td>
                <Text fw={600} size="sm">
                  {row.actionLabel}
                </Text>
                {row.changes.map((c, i) => (
                  <Text key={i} size="sm">
                    {c.label}: {c.before !== undefined ? `${c.before} → ` : ''}
                    {c.after}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
