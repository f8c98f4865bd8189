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
    <Badge color={COLORS[task.status]} variant="light">
      {task.statusLabel}
    </Badge>
  );
}
