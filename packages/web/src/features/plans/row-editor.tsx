import type { PlanRowView, PlanView } from '@chiso/contract';
import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client';
import { DateInput, isoDate } from '../../components/date-input';
import { notifyError, notifySaved } from '../../components/feedback';
import { date, exactInput, points } from '../../lib/format';
import { planPath } from './api';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One row of a draft plan: target (the core's bounds), tasks, offices, time frame, deadline. */
export function PlanRowEditor({
  plan,
  row,
  onClose,
  onSaved,
}: {
  plan: PlanView;
  row: PlanRowView;
  onClose: () => void;
  onSaved: (plan: PlanView) => void;
}) {
  const [target, setTarget] = useState(row.targetGiven ? exactInput(row.target) : '');
  const [tasks, setTasks] = useState(row.tasks ?? '');
  const [lead, setLead] = useState<string | null>(row.leadOffice?.id ?? null);
  const [supporting, setSupporting] = useState(row.supportingOffices.map((o) => o.id));
  const [timeFrame, setTimeFrame] = useState(row.timeFrame ?? '');
  const [deadline, setDeadline] = useState(row.deadline ? date(row.deadline) : '');
  const [busy, setBusy] = useState(false);
  const offices = plan.offices
    .filter((o) => o.active || o.id === lead || supporting.includes(o.id))
    .map((o) => ({ value: o.id, label: o.name }));
  const deadlineIso = deadline.trim() === '' ? null : isoDate(deadline);
  const save = async () => {
    setBusy(true);
    try {
      const saved = await api<PlanView>(
        'PUT',
        `${planPath(plan.unit.id, plan.period.id)}/rows/${row.code}`,
        {
          ...(row.applicable ? { target: target.trim() === '' ? null : target.trim() } : {}),
          tasks,
          leadOfficeId: lead,
          supportingOfficeIds: supporting.filter((id) => id !== lead),
          timeFrame,
          deadline: deadlineIso ?? null,
          version: plan.version,
        },
      );
      notifySaved(`Đã lưu dòng ${row.code}`);
      onSaved(saved);
      onClose();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`${row.code}. ${row.title}`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {row.applicable
            ? `Điểm tối đa ${points(row.maxPoints)}, đạt ${points(row.points)}, bị mất ${points(row.lost)} điểm. ${capitalize(row.summary)}.`
            : 'Không áp dụng đối với đơn vị: không đặt mục tiêu.'}
        </Text>
        {row.applicable && (
          <TextInput
            label="Mục tiêu (điểm)"
            description={`Để trống: mục tiêu mặc định ${points(row.target)} điểm`}
            value={target}
            onChange={(e) => setTarget(e.currentTarget.value)}
            w={220}
          />
        )}
        <Textarea
          label="Nhiệm vụ, giải pháp"
          autosize
          minRows={3}
          value={tasks}
          onChange={(e) => setTasks(e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <Select
            label="Đơn vị chủ trì"
            data={offices}
            value={lead}
            onChange={setLead}
            clearable
            placeholder="Chọn phòng, ban"
          />
          <MultiSelect
            label="Đơn vị phối hợp"
            data={offices.filter((o) => o.value !== lead)}
            value={supporting}
            onChange={setSupporting}
            placeholder="Chọn phòng, ban"
          />
        </Group>
        <Group align="flex-end">
          <TextInput
            label="Thời gian thực hiện"
            placeholder="Quý II/2026"
            value={timeFrame}
            onChange={(e) => setTimeFrame(e.currentTarget.value)}
            w={200}
          />
          <DateInput
            label="Thời hạn hoàn thành"
            value={deadline}
            onChange={setDeadline}
            width={180}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button onClick={() => void save()} loading={busy} disabled={deadlineIso === undefined}>
            Lưu dòng {row.code}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
