import { Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { Office, Task } from '@chiso/contract';
import { useState } from 'react';
import { api } from '../../api/client';
import { DateInput, isoDate } from '../../components/date-input';
import { ErrorMessage, notifySaved } from '../../components/feedback';

/** A task given by hand: title, the office in charge and those supporting, deadline, target. */
export function NewTaskForm({
  unitId,
  offices,
  onDone,
}: {
  unitId: string;
  offices: Office[];
  onDone: () => void;
}) {
  const [title, setTitle] = useState('');
  const [lead, setLead] = useState<string | null>(null);
  const [supporting, setSupporting] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const [target, setTarget] = useState('');
  const [documentNumber, setDocumentNumber] = useState('');
  const [documentDate, setDocumentDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const options = offices.filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }));
  const due = isoDate(deadline);

  const save = async () => {
    setError(null);
    try {
      const task = await api<Task>('POST', `/units/${unitId}/tasks`, {
        title,
        leadOfficeId: lead,
        supportingOfficeIds: supporting.filter((id) => id !== lead),
        deadline: due,
        target: target || null,
        documentNumber: documentNumber || null,
        documentDate: isoDate(documentDate) ?? null,
      });
      notifySaved(`Đã giao nhiệm vụ "${task.title}"`);
      onDone();
    } catch (e) {
      setError(e);
    }
  };

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
        value={supporting}
        onChange={setSupporting}
        searchable
      />
      <Group grow>
        <DateInput label="Thời hạn" value={deadline} onChange={setDeadline} />
        <TextInput
          label="Mục tiêu"
          placeholder="Ví dụ: SIPAS trên 95 %"
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
        />
      </Group>
      <Group grow>
        <TextInput
          label="Số, ký hiệu văn bản giao"
          placeholder="1138/UBND-NC"
          value={documentNumber}
          onChange={(e) => setDocumentNumber(e.currentTarget.value)}
        />
        <DateInput label="Ngày văn bản" value={documentDate} onChange={setDocumentDate} />
      </Group>
      <ErrorMessage error={error} title="Chưa giao được nhiệm vụ" />
      <Group justify="flex-end">
        <Button onClick={() => void save()} disabled={title.trim() === '' || due === undefined}>
          Giao nhiệm vụ
        </Button>
      </Group>
    </Stack>
  );
}
