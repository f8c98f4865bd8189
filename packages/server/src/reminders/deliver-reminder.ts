import type { Deps } from '../context.js';
import type { JobRun } from '../jobs/job.js';
import { renderReminderMail } from '../mail/render-reminder.js';
import { insertNotification } from '../repositories/notifications.js';
import {
  claimDeliveryEmail,
  findDelivery,
  insertDelivery,
  linkDeliveryNotification,
  settleDeliveryEmail,
} from '../repositories/reminder-deliveries.js';
import { findUserById } from '../repositories/users.js';
import { channelsOf } from './preferences.js';
import { reminderKey, type DueReminder } from './source.js';

/** An e-mail left "sending" this long by a worker that stopped is taken up again. */
const STALE_SENDING_MS = 10 * 60_000;

/**
 * Sends one reminder once: the delivery row is claimed by its key and the in-app notification
 * written in the same transaction, so a second scan, a retry or another server writes nothing
 * more. The e-mail follows, claimed before it goes; a failure leaves it pending for the job's
 * retry, and on the last attempt records it failed (the in-app notification stays).
 */
export async function deliverReminder(deps: Deps, reminder: DueReminder, run: JobRun) {
  const key = reminderKey(reminder);
  const recipient = await findUserById(deps.db, reminder.recipientId);
  if (!recipient?.active) return;
  const mailer = deps.mailer;
  const channels = (await channelsOf(deps.db, recipient.id, mailer !== undefined))[reminder.kind];
  const emailTo = channels.email ? recipient.email : null;
  await deps.db.transaction(async (tx) => {
    const claimed = await insertDelivery(tx, {
      key,
      kind: reminder.kind,
      subject: reminder.subject,
      recipientId: recipient.id,
      stage: reminder.stage,
      createdAt: run.now,
      notificationId: null,
      emailStatus: emailTo ? 'pending' : 'none',
      emailTo,
    });
    if (!claimed || !channels.inApp) return;
    const notification = await insertNotification(tx, {
      userId: recipient.id,
      kind: reminder.kind,
      title: reminder.title,
      body: reminder.body,
      link: reminder.link,
      createdAt: run.now,
    });
    await linkDeliveryNotification(tx, key, notification.id);
  });
  const delivery = await findDelivery(deps.db, key);
  if (!mailer || !delivery?.emailTo) return;
  const email = await claimDeliveryEmail(
    deps.db,
    key,
    run.now,
    new Date(run.now.getTime() - STALE_SENDING_MS),
  );
  if (!email?.emailTo) return;
  try {
    await mailer.send(renderReminderMail(email.emailTo, reminder, deps.config.publicUrl));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await settleDeliveryEmail(deps.db, key, {
      status: run.lastAttempt ? 'failed' : 'pending',
      error: message,
    });
    throw new Error(`gửi thư tới ${email.emailTo} không được: ${message}`);
  }
  await settleDeliveryEmail(deps.db, key, { status: 'sent', at: deps.clock() });
}
