import { Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { Office, Responsibilities, Task } from '@chiso/contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { DateInput, isoDate } from '../../components/date-input';
import { ErrorMessage, notifySaved } from '../../components/feedback';
import { date } from '../../lib/format';

/**
 * A task by hand, or an existing one edited: title, description, the office in charge and
 * those supporting, the framework leaves it serves, deadline, target, the document that gave
 * it. An edit names the version it was made on; a stale one is refused and said so.
 */
export function TaskForm({
  unitId,
  offices,
  task,
  onDone,
}: {
  unitId: string;
  offices: Office[];
  /** The task being edited; none for a new one. */
  task?: Task;
  onDone: () => void;
}) {
  const [title, setTitle] = useState(task?.title ?? '');
  const [description, setDescription] = useState(task?.description ?? '');
  const [lead, setLead] = useState<string | null>(task?.leadOffice?.id ?? null);
  const [supporting, setSupporting] = useState<string[]>(
    task?.supportingOffices.map((o) => o.id) ?? [],
  );
  const [frameworkId, setFrameworkId] = useState<string | null>(task?.frameworkId ?? null);
  const [codes, setCodes] = useState<string[]>(task?.codes ?? []);
  const [deadline, setDeadline] = useState(task ? date(task.deadline) : '');
  const [target, setTarget] = useState(task?.target ?? '');
  const [authority, setAuthority] = useState(task?.authority ?? '');
  const [documentNumber, setDocumentNumber] = useState(task?.documentNumber ?? '');
  const [documentDate, setDocumentDate] = useState(
    task?.documentDate ? date(task.documentDate) : '',
  );
  const [error, setError] = useState<unknown>(null);
  // The leaves to choose from: the unit's frameworks and the chosen one's nodes.
  const frame = useQuery({
    queryKey: ['responsibilities', unitId, frameworkId],
    queryFn: () =>
      api<Responsibilities>(
        'GET',
        `/units/${encodeURIComponent(unitId)}/responsibilities${frameworkId ? `?frameworkId=${frameworkId}` : ''}`,
      ),
  });
  const leafOptions =
    frame.data && frame.data.framework?.id === frameworkId
      ? frame.data.nodes
          .filter((n) => n.leaf)
          .map((n) => ({ value: n.code, label: `${n.code} ${n.title}` }))
      : [];
  const known = new Set(offices.map((o) => o.id));
  const options = offices
    .filter((o) => o.active || o.id === lead || supporting.includes(o.id))
    .map((o) => ({ value: o.id, label: o.active ? o.name : `${o.name} (đã ngừng)` }));
  const due = isoDate(deadline);

  const save = async () => {
    setError(null);
    const fields = {
      title,
      description: description || null,
      authority: authority || null,
      leadOfficeId: lead,
      supportingOfficeIds: supporting.filter((id) => id !== lead && known.has(id)),
      frameworkId: frameworkId,
      codes: frameworkId ? codes : [],
      deadline: due,
      target: target || null,
      documentNumber: documentNumber || null,
      documentDate: isoDate(documentDate) ?? null,
    };
    try {
      const saved = task
        ? await api<Task>('PUT', `/units/${encodeURIComponent(unitId)}/tasks/${task.id}`, {
            ...fields,
            version: task.version,
          })
        : await api<Task>('POST', `/units/${encodeURIComponent(unitId)}/tasks`, fields);
      notifySaved(task ? `Đã lưu nhiệm vụ "${saved.title}"` : `Đã giao nhiệm vụ "${saved.title}"`);
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  const stale = error instanceof ApiError && error.status === 409;

  return (
    <Stack>
      <Textarea
        label="Nội dung nhiệm vụ"
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Textarea
        label="Mô tả, yêu cầu"
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Select
        label="Phòng, ban chủ trì"
        data={options}
        value={lead}
        onChange={setLead}
        clearable
        searchable
      />
      <MultiSelect
        label="Phòng, ban phối hợp"
        data={options.filter((o) => o.value !== lead)}
        value={supporting.filter((id) => id !== lead)}
        onChange={setSupporting}
        searchable
      />
      <Group grow align="flex-start">
        <Select
          label="Bộ chỉ số"
          placeholder="Không gắn tiêu chí"
          data={(frame.data?.frameworks ?? []).map((f) => ({
            value: f.id,
            label: `${f.name} (năm ${f.year})`,
          }))}
          value={frameworkId}
          onChange={(value) => {
            setFrameworkId(value);
            setCodes([]);
          }}
          clearable
        />
        <MultiSelect
          label="Tiêu chí phục vụ"
          placeholder={frameworkId ? 'Chọn tiêu chí' : 'Chọn bộ chỉ số trước'}
          data={leafOptions}
          value={codes}
          onChange={setCodes}
          disabled={!frameworkId}
          searchable
        />
      </Group>
      <Group grow align="flex-start">
        <DateInput label="Thời hạn" value={deadline} onChange={setDeadline} />
        <TextInput
          label="Mục tiêu"
          placeholder="Ví dụ: SIPAS trên 95 %"
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label="Cơ quan giao"
          placeholder="UBND tỉnh"
          value={authority}
          onChange={(e) => setAuthority(e.currentTarget.value)}
        />
        <TextInput
          label="Số, ký hiệu văn bản giao"
          placeholder="1138/UBND-NC"
          value={documentNumber}
          onChange={(e) => setDocumentNumber(e.currentTarget.value)}
        />
        <DateInput label="Ngày văn bản" value={documentDate} onChange={setDocumentDate} />
      </Group>
      <ErrorMessage
        error={error}
        title={
          stale
            ? 'Nhiệm vụ đã được người khác sửa trong lúc bạn sửa'
            : task
              ? 'Chưa lưu được nhiệm vụ'
              : 'Chưa giao được nhiệm vụ'
        }
      />
      <Group justify="flex-end">
        {stale && (
          <Button variant="default" onClick={() => window.location.reload()}>
            Tải lại trang
          </Button>
        )}
        <Button onClick={() => void save()} disabled={title.trim() === '' || due === undefined}>
          {task ? 'Lưu thay đổi' : 'Giao nhiệm vụ'}
        </Button>
      </Group>
    </Stack>
  );
}
