import { dateInDays, dueReminderStage, formatDate, overdueFrom } from '@chiso/core';
import { listOfficeStaff } from '../../repositories/reminder-sources.js';
import { listOpenTasksDueBy } from '../../repositories/tasks.js';
import type { DueReminder, ReminderSource } from '../source.js';
import { peopleByUnit } from './people.js';

const STAGES = [7, 1];

/**
 * The staff of some offices, in the order the staff list gives them, each person once. The
 * list is grouped by office once: every open task of a province would otherwise read it all.
 */
export function officeStaff(
  staff: readonly { id: string; officeId: string | null }[],
): (officeIds: readonly (string | null)[]) => string[] {
  const byOffice = new Map<string, { id: string; at: number }[]>();
  staff.forEach((person, at) => {
    if (person.officeId === null) return;
    const list = byOffice.get(person.officeId);
    if (list === undefined) byOffice.set(person.officeId, [{ id: person.id, at }]);
    else list.push({ id: person.id, at });
  });
  return (officeIds) => {
    const found = new Map<string, number>();
    for (const officeId of new Set(officeIds)) {
      if (officeId === null) continue;
      for (const { id, at } of byOffice.get(officeId) ?? []) {
        const seen = found.get(id);
        if (seen === undefined || at < seen) found.set(id, at);
      }
    }
    return [...found].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  };
}

/**
 * Assigned tasks not yet completed: 7 days and 1 day before the end of their deadline day
 * (Vietnam time), and once when they become overdue (00:00 the day after). To the staff of the
 * lead and supporting offices and to the unit's officers and heads. The deadline is in the
 * subject, so a task given more time is reminded of again.
 */
export const taskDueSource: ReminderSource = {
  kind: 'taskDue',
  async due(db, now) {
    const at = now.getTime();
    const open = await listOpenTasksDueBy(db, dateInDays(at, Math.max(...STAGES)));
    if (open.length === 0) return [];
    const officeIds = new Set(
      open.flatMap((task) => [task.leadOfficeId, ...(task.supportingOfficeIds as string[])]),
    );
    officeIds.delete(null);
    const staffOf = officeStaff(await listOfficeStaff(db, [...officeIds] as string[]));
    const people = await peopleByUnit(db, [...new Set(open.map((task) => task.unitId))]);
    const found: DueReminder[] = [];
    for (const task of open) {
      const end = overdueFrom(task.deadline);
      const stage = at >= end ? 'overdue' : dueReminderStage(end, at, STAGES);
      if (stage === undefined) continue;
      const recipients = new Set([
        ...staffOf([task.leadOfficeId, ...(task.supportingOfficeIds as string[])]),
        ...(people.get(task.unitId) ?? []),
      ]);
      const deadline = formatDate(task.deadline);
      // The stage is when a reminder starts, not how long is left: the title says the date.
      const title =
        stage === 'overdue'
          ? `Nhiệm vụ quá hạn: ${task.title}`
          : stage === 1
            ? `Hôm nay là hạn cuối của nhiệm vụ: ${task.title}`
            : `Nhiệm vụ sắp đến hạn (ngày ${deadline}): ${task.title}`;
      const body =
        stage === 'overdue'
          ? `${task.unitName}: nhiệm vụ "${task.title}" có thời hạn ngày ${deadline} đã quá hạn mà chưa hoàn thành. Hãy báo cáo tiến độ, hoàn thành và giải trình việc chậm.`
          : `${task.unitName}: nhiệm vụ "${task.title}" có thời hạn ngày ${deadline}. Hãy hoàn thành và báo cáo kết quả, kèm tài liệu kiểm chứng, trước thời hạn.`;
      for (const recipientId of recipients) {
        found.push({
          kind: 'taskDue',
          subject: `${task.id}/${task.deadline}`,
          recipientId,
          stage: stage === 'overdue' ? 'overdue' : `${stage}d`,
          title,
          body,
          link: `/nhiem-vu/${task.unitId}/${task.id}`,
        });
      }
    }
    return found;
  },
};
