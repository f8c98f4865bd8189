import type { NotificationKind } from '@chiso/core';
import type { Db } from '../db/database.js';

/** One reminder for one person, as a source finds it due. */
export interface DueReminder {
  kind: NotificationKind;
  /** What it is about, unique within the kind ("period/unit/selfAssessment/close"). */
  subject: string;
  recipientId: string;
  /** Which of the reminders about the subject: "3d", "1d", "opened", … */
  stage: string;
  title: string;
  body: string;
  /** The page in the web app to open. */
  link: string | null;
}

/**
 * Something people are reminded of. The scan asks every source what is due at the server's
 * now; each answer is sent once per key (decision 0017). A new source is one file implementing
 * this and one line in sources/index.ts.
 */
export interface ReminderSource {
  kind: NotificationKind;
  due: (db: Db, now: Date) => Promise<DueReminder[]>;
}

/** The reminder's identity: no two deliveries share it. */
export function reminderKey(r: Pick<DueReminder, 'kind' | 'subject' | 'recipientId' | 'stage'>) {
  return `${r.kind}|${r.subject}|${r.recipientId}|${r.stage}`;
}

/** "10/01/2023 24:00" as plans write a deadline: "24:00 ngày 10/01/2023". */
export function deadlineText(formatted: string): string {
  const [date, time] = formatted.split(' ');
  return `${time} ngày ${date}`;
}
