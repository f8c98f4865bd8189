import type { PlanRowView, PlanView } from '@chiso/contract';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Decimal } from '@chiso/core/decimal/decimal.js';
import { useState } from 'react';
import { api } from '../../api/client';
import { notifyError, notifySaved } from '../../components/feedback';
import { date, points } from '../../lib/format';
import { planPath } from './api';
import { PlanRowEditor } from './row-editor';

const OUTCOME_COLORS = {
  met: 'green.8',
  notMet: 'orange.9',
  noTarget: 'dimmed',
  notApplicable: 'dimmed',
};

/** Last year's target of the row and whether this year's points reached it. */
function LastTarget({ row }: { row: PlanRowView }) {
  const last = row.lastTarget;
  if (!last) return null;
  return (
    <Stack gap={2}>
      {last.target !== null && (
        <Text size="xs" fw={last.targetGiven ? 600 : undefined}>
          {points(last.target)} điểm{last.targetGiven ? '' : ' (mặc định)'}
        </Text>
      )}
      <Text size="xs" fw={600} c={OUTCOME_COLORS[last.outcome]}>
        {last.label}
      </Text>
    </Stack>
  );
}

const gainOf = (row: PlanRowView) => (row.gain === null ? Decimal.ZERO : Decimal.of(row.gain));

/**
 * Seed 004's table with the what-if of each row: sortable by gain, rows with nothing lost
 * marked and collapsible, rows chosen for tasks.
 */
export function PlanRows({
  plan,
  canEdit,
  onSaved,
  onTasks,
}: {
  plan: PlanView;
  canEdit: boolean;
  onSaved: (plan: PlanView) => void;
  onTasks: () => void;
}) {
  const [order, setOrder] = useState<'framework' | 'gain'>('framework');
  const [hideKept, setHideKept] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [editing, setEditing] = useState<PlanRowView | null>(null);
  const [busy, setBusy] = useState(false);
  const draft = plan.status === 'draft';
  let rows = plan.rows.filter((r) => !(hideKept && (r.nothingLost || !r.applicable)));
  if (order === 'gain') rows = [...rows].sort((a, b) => gainOf(b).compare(gainOf(a)));
  const toggle = (code: string) =>
    setChosen((c) => (c.includes(code) ? c.filter((x) => x !== code) : [...c, code]));
  const makeTasks = async () => {
    setBusy(true);
    try {
      const made = await api<{ tasks: unknown[] }>(
        'POST',
        `${planPath(plan.unit.id, plan.period.id)}/tasks`,
        { codes: chosen, version: plan.version },
      );
      notifySaved(`Đã tạo ${made.tasks.length} nhiệm vụ từ kế hoạch`);
      setChosen([]);
      onTasks();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  const kept = plan.rows.filter((r) => r.nothingLost).length;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            Mục tiêu, nhiệm vụ, giải pháp theo từng tiêu chí
          </Title>
          <Group>
            <SegmentedControl<'framework' | 'gain'>
              size="xs"
              value={order}
              onChange={setOrder}
              data={[
                { value: 'framework', label: 'Theo thứ tự bộ chỉ số' },
                { value: 'gain', label: 'Theo điểm tăng thêm' },
              ]}
            />
            {kept > 0 && (
              <Switch
                size="sm"
                label={`Ẩn ${kept} dòng không mất điểm`}
                checked={hideKept}
                onChange={(e) => setHideKept(e.currentTarget.checked)}
              />
            )}
          </Group>
        </Group>
        {canEdit && (
          <Group>
            <Button
              size="xs"
              disabled={chosen.length === 0}
              loading={busy}
              onClick={() => void makeTasks()}
            >
              Tạo nhiệm vụ từ các dòng đã chọn ({chosen.length})
            </Button>
            <Text size="xs" c="dimmed">
              Mỗi dòng cần có đơn vị chủ trì và thời hạn hoàn thành.
            </Text>
          </Group>
        )}
        <Table.ScrollContainer minWidth={plan.lastTargets ? 1560 : 1400}>
          <Table striped withTableBorder fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                {canEdit && <Table.Th />}
                <Table.Th>Stt</Table.Th>
                <Table.Th>Lĩnh vực/Tiêu chí</Table.Th>
                <Table.Th ta="right">Điểm tối đa</Table.Th>
                <Table.Th ta="right">Năm trước</Table.Th>
                <Table.Th ta="right">Đạt được</Table.Th>
                {plan.lastTargets && (
                  <Table.Th miw={170}>Mục tiêu kế hoạch năm {plan.period.year}</Table.Th>
                )}
                <Table.Th ta="right">Bị mất</Table.Th>
                <Table.Th ta="right">Mục tiêu</Table.Th>
                <Table.Th ta="right">Tăng thêm</Table.Th>
                <Table.Th>Nếu đạt mục tiêu</Table.Th>
                <Table.Th>Nhiệm vụ, giải pháp</Table.Th>
                <Table.Th>Đơn vị chủ trì</Table.Th>
                <Table.Th>Thời gian</Table.Th>
                <Table.Th>Thời hạn</Table.Th>
                {canEdit && draft && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr
                  key={row.code}
                  c={row.applicable ? undefined : 'dimmed'}
                  fw={row.depth === 1 ? 600 : undefined}
                >
                  {canEdit && (
                    <Table.Td>
                      <Checkbox
                        aria-label={`Chọn dòng ${row.code}`}
                        checked={chosen.includes(row.code)}
                        onChange={() => toggle(row.code)}
                        disabled={!row.applicable}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>{row.code}</Table.Td>
                  <Table.Td>
                    {row.title}{' '}
                    {row.nothingLost && (
                      <Badge size="xs" color="green" variant="light">
                        không mất điểm
                      </Badge>
                    )}
                    {!row.applicable && (
                      <Badge size="xs" color="gray" variant="light">
                        không áp dụng
                      </Badge>
                    )}
                    {row.taskCount > 0 && (
                      <Badge size="xs" color="blue" variant="light">
                        {row.taskCount} nhiệm vụ
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{points(row.maxPoints)}</Table.Td>
                  <Table.Td ta="right">{points(row.lastYearPoints)}</Table.Td>
                  <Table.Td ta="right">{points(row.points)}</Table.Td>
                  {plan.lastTargets && (
                    <Table.Td>
                      <LastTarget row={row} />
                    </Table.Td>
                  )}
                  <Table.Td ta="right">{row.applicable ? points(row.lost) : '—'}</Table.Td>
                  <Table.Td ta="right" fw={row.targetGiven ? 600 : undefined}>
                    {points(row.target)}
                  </Table.Td>
                  <Table.Td ta="right">{points(row.gain)}</Table.Td>
                  <Table.Td>{row.summary}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{row.tasks ?? ''}</Table.Td>
                  <Table.Td>
                    {[
                      row.leadOffice?.name,
                      ...row.supportingOffices.map((o) => `${o.name} (phối hợp)`),
                    ]
                      .filter(Boolean)
                      .join('; ')}
                  </Table.Td>
                  <Table.Td>{row.timeFrame ?? ''}</Table.Td>
                  <Table.Td>{row.deadline ? date(row.deadline) : ''}</Table.Td>
                  {canEdit && draft && (
                    <Table.Td>
                      <Button size="compact-xs" variant="light" onClick={() => setEditing(row)}>
                        Sửa
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      {editing && (
        <PlanRowEditor
          plan={plan}
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={onSaved}
        />
      )}
    </Card>
  );
}
