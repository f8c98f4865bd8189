import { NOTIFICATION_KINDS } from '@chiso/core';
import { z } from 'zod';
import { defineJob } from '../jobs/job.js';
import { deliverReminder } from './deliver-reminder.js';

export const reminderPayload = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  subject: z.string().min(1),
  recipientId: z.uuid(),
  stage: z.string().min(1),
  title: z.string().min(1),
  body: z.string().min(1),
  link: z.string().nullable(),
});

/** Sends one reminder to one person, in the app and/or by e-mail as they chose; once. */
export const sendReminderJob = defineJob({
  name: 'reminders.send',
  version: 1,
  payload: reminderPayload,
  // An SMTP server that is down for a while: 1, 2, 4, 8 minutes.
  retries: 4,
  retryDelaySeconds: 60,
  handler: (deps, reminder, run) => deliverReminder(deps, reminder, run),
});
