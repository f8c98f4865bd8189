import { Badge } from '@mantine/core';
import type { Task } from '@chiso/contract';

const COLORS: Record<Task['status'], string> = {
  notStarted: 'gray',
  inProgress: 'blue',
  doneOnTime: 'green',
  doneLate: 'orange',
  overdue: 'red',
};

/** A task's status in words, coloured: red for overdue, orange for done late. */
export function StatusBadge({ task }: { task: Pick<Task, 'status' | 'statusLabel'> }) {
  return (
    // Labels are long ("Quá hạn chưa hoàn thành"): in sentence case and wrapped, never cut.
    <Badge
      color={COLORS[task.status]}
      variant="light"
      tt="none"
      h="auto"
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
    >
      {task.statusLabel}
    </Badge>
  );
}
