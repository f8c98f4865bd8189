import { Alert, Anchor, Button, Group, Table, Text } from '@mantine/core';
import { FACT_LABELS } from '@chiso/core/rules/fact-labels.js';
import type { LeafTasks } from '@chiso/contract';
import { Link } from 'react-router';
import { StatusBadge } from '../tasks/status-badge';
import { date } from '../../lib/format';

// The field the number goes into, named as the form labels it (the core's one place).
const FIELD_LABELS: Record<LeafTasks['fact'], string> = {
  occurrences: FACT_LABELS.deduction.occurrences,
  onTime: FACT_LABELS.countOnTime.onTime,
};

/**
 * The unit's tasks serving a leaf whose rule counts them: the number, the list behind it, and
 * a button that puts the number into the leaf's facts. The unit still saves, and explains the
 * figure if it differs: the count is a help, not the unit's declaration.
 */
export function ServedTasks({
  unitId,
  served,
  current,
  onUse,
  disabled,
}: {
  unitId: string;
  served: LeafTasks;
  current: unknown;
  onUse: (fact: LeafTasks['fact'], value: string) => void;
  disabled: boolean;
}) {
  const value = String(served.count);
  const same =
    (typeof current === 'string' || typeof current === 'number') && String(current) === value;
  return (
    <Alert
      color={served.counts === 'late' && served.count > 0 ? 'orange' : 'blue'}
      title={`Theo dõi nhiệm vụ: ${served.label}`}
    >
      {served.counts === 'late' && (
        <Text size="sm">
          Tính cả nhiệm vụ quá hạn chưa hoàn thành và nhiệm vụ hoàn thành quá hạn, đến thời điểm
          hiện tại.
        </Text>
      )}
      <Table mt="xs" aria-label="Nhiệm vụ phục vụ tiêu chí">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nhiệm vụ</Table.Th>
            <Table.Th>Chủ trì</Table.Th>
            <Table.Th>Thời hạn</Table.Th>
            <Table.Th>Trạng thái</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {served.tasks.map((task) => (
            <Table.Tr key={task.id} fw={task.counted ? 600 : undefined}>
              <Table.Td>
                <Anchor component={Link} to={`/nhiem-vu/${unitId}/${task.id}`} size="sm">
                  {task.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{task.office ?? '—'}</Table.Td>
              <Table.Td>{date(task.deadline)}</Table.Td>
              <Table.Td>
                <StatusBadge task={task} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="xs">
        <Button
          size="xs"
          variant="light"
          disabled={disabled || same}
          onClick={() => onUse(served.fact, value)}
        >
          {`Điền ${served.count} vào ô "${FIELD_LABELS[served.fact]}"`}
        </Button>
        {same && (
          <Text size="sm" c="dimmed">
            Số liệu của tiêu chí đã đúng bằng số theo dõi.
          </Text>
        )}
      </Group>
    </Alert>
  );
}
