import { describe, expect, it } from 'vitest';
import { parseVietnamTime, vietnamDate } from '../time/vietnam-time.js';
import {
  dateInDays,
  monthRange,
  overdueFrom,
  taskDays,
  taskDaysLabel,
  taskStatus,
  TASK_STATUS_LABELS,
  type TaskTiming,
} from './status.js';

const at = (text: string) => {
  const ms = parseVietnamTime(text);
  if (ms === undefined) throw new Error(text);
  return ms;
};
const dueJune20: TaskTiming = { deadline: '2023-06-20', startedAt: null, completedAt: null };

describe("a task's status", () => {
  it('is overdue from 00:00 on 21/6 Vietnam time for a task due ngày 20/6', () => {
    expect(overdueFrom('2023-06-20')).toBe(Date.UTC(2023, 5, 20, 17, 0, 0));
    expect(taskStatus(dueJune20, at('2023-06-20T23:59:59+07:00'))).toBe('notStarted');
    expect(taskStatus(dueJune20, at('2023-06-20T23:59:59.999+07:00'))).toBe('notStarted');
    expect(taskStatus(dueJune20, at('21/06/2023 00:00'))).toBe('overdue');
    expect(TASK_STATUS_LABELS.overdue).toBe('Quá hạn chưa hoàn thành');
  });

  it('is in progress once started, until the deadline passes', () => {
    const started = { ...dueJune20, startedAt: at('10/06/2023 08:00') };
    expect(taskStatus(started, at('09/06/2023 08:00'))).toBe('notStarted');
    expect(taskStatus(started, at('20/06/2023 17:00'))).toBe('inProgress');
    expect(taskStatus(started, at('21/06/2023 00:00'))).toBe('overdue');
  });

  it('is done on time when completed on the deadline day, even a second before midnight', () => {
    const done = { ...dueJune20, completedAt: at('2023-06-20T23:59:59+07:00') };
    expect(taskStatus(done, at('25/06/2023 09:00'))).toBe('doneOnTime');
    expect(taskDays(done, at('25/06/2023 09:00'))).toEqual({ kind: 'doneEarly', days: 0 });
    expect(taskDaysLabel(taskDays(done, at('25/06/2023 09:00')))).toBe('hoàn thành đúng ngày hạn');
  });

  it('is done late when completed from 00:00 on the next day, and says by how much', () => {
    const done = { ...dueJune20, completedAt: at('21/06/2023 00:00') };
    expect(taskStatus(done, at('30/09/2023 17:00'))).toBe('doneLate');
    const later = { ...dueJune20, completedAt: at('23/06/2023 10:00') };
    expect(taskDaysLabel(taskDays(later, at('30/09/2023 17:00')))).toBe('hoàn thành trễ 3 ngày');
  });

  it('reads the past as it was: completed later means still open then', () => {
    const done = { ...dueJune20, completedAt: at('01/10/2023 10:00') };
    expect(taskStatus(done, at('30/09/2023 17:00'))).toBe('overdue');
    expect(taskStatus(done, at('01/10/2023 10:00'))).toBe('doneLate');
  });

  it('counts days left in Vietnam calendar days, 0 on the day itself', () => {
    // 19/6 23:30 Vietnam time is 19/6 16:30 UTC: one day left, whatever the server's zone.
    expect(taskDays(dueJune20, at('19/06/2023 23:30'))).toEqual({ kind: 'left', days: 1 });
    expect(taskDaysLabel(taskDays(dueJune20, at('20/06/2023 07:00')))).toBe('đến hạn hôm nay');
    expect(taskDaysLabel(taskDays(dueJune20, at('15/06/2023 07:00')))).toBe('còn 5 ngày');
    expect(taskDaysLabel(taskDays(dueJune20, at('21/06/2023 00:00')))).toBe('quá hạn 1 ngày');
    expect(taskDaysLabel(taskDays(dueJune20, at('30/06/2023 00:00')))).toBe('quá hạn 10 ngày');
  });

  it('gives a month for the calendar and a date N days ahead for reminders', () => {
    expect(monthRange(2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange(2023, 12)).toEqual({ from: '2023-12-01', to: '2023-12-31' });
    expect(dateInDays(at('2023-06-13T23:30+07:00'), 7)).toBe('2023-06-20');
    expect(dateInDays(at('2023-12-31T08:00+07:00'), 1)).toBe('2024-01-01');
  });

  it('is overdue exactly when the deadline is before the Vietnam date, as the database compares', () => {
    for (const deadline of ['2023-06-20', '2024-02-29', '2024-12-31']) {
      const late = overdueFrom(deadline);
      for (const offset of [
        -86_400_001, -86_400_000, -25_200_000, -1, 0, 1, 25_200_000, 86_400_000,
      ]) {
        const instant = late + offset;
        expect(instant >= late).toBe(deadline < vietnamDate(instant));
        // Completed at `instant`: on time exactly when its Vietnam date is not after the deadline.
        const status = taskStatus({ deadline, startedAt: null, completedAt: instant }, instant);
        expect(status === 'doneOnTime').toBe(vietnamDate(instant) <= deadline);
      }
    }
  });
});
