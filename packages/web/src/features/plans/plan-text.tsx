import type { PlanView } from '@chiso/contract';
import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client';
import { notifyError, notifySaved } from '../../components/feedback';
import { planPath } from './api';

const SECTIONS = [
  ['purpose', 'I. Mục đích'],
  ['requirements', 'II. Yêu cầu'],
  ['notes', 'III. Nội dung khác, tổ chức thực hiện'],
] as const;

/** Seed 004's text sections of the plan, edited while it is a draft. */
export function PlanText({
  plan,
  canEdit,
  onSaved,
}: {
  plan: PlanView;
  canEdit: boolean;
  onSaved: (plan: PlanView) => void;
}) {
  const [text, setText] = useState({
    purpose: plan.purpose,
    requirements: plan.requirements,
    notes: plan.notes,
  });
  const [busy, setBusy] = useState(false);
  const changed = SECTIONS.some(([key]) => text[key] !== plan[key]);
  const save = async () => {
    setBusy(true);
    try {
      const saved = await api<PlanView>('PUT', planPath(plan.unit.id, plan.period.id), {
        ...text,
        version: plan.version,
      });
      notifySaved('Đã lưu nội dung kế hoạch');
      onSaved(saved);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">
          Nội dung kế hoạch
        </Title>
        {SECTIONS.map(([key, label]) =>
          canEdit ? (
            <Textarea
              key={key}
              label={label}
              autosize
              minRows={2}
              value={text[key]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setText((t) => ({ ...t, [key]: value }));
              }}
            />
          ) : (
            <div key={key}>
              <Text fw={600} size="sm">
                {label}
              </Text>
              <Text
                size="sm"
                style={{ whiteSpace: 'pre-wrap' }}
                c={plan[key] ? undefined : 'dimmed'}
              >
                {plan[key] || 'Chưa có nội dung.'}
              </Text>
            </div>
          ),
        )}
        {canEdit && (
          <Group justify="flex-end">
            <Button onClick={() => void save()} loading={busy} disabled={!changed}>
              Lưu nội dung
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
