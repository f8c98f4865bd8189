import { z } from 'zod';
import { defineJob } from '../jobs/job.js';
import { sendReminderJob } from './send-reminder.js';
import { reminderKey } from './source.js';
import { REMINDER_SOURCES } from './sources/index.js';

/** How often the scan runs (decision 0017). */
export const SCAN_EVERY_MINUTES = 15;

/**
 * The recurring scan: asks every source what is due at the server's now and queues one send per
 * recipient, keyed by the reminder, so a key already queued is not queued again.
 */
export const scanRemindersJob = defineJob({
  name: 'reminders.scan',
  version: 1,
  payload: z.object({}),
  retries: 2,
  retryDelaySeconds: 60,
  handler: async (deps, _payload, run) => {
    const queue = deps.jobs;
    if (!queue) throw new Error('hàng đợi công việc chưa chạy');
    for (const source of REMINDER_SOURCES) {
      for (const reminder of await source.due(deps.db, run.now)) {
        await queue.send(sendReminderJob, reminder, reminderKey(reminder));
      }
    }
  },
});
