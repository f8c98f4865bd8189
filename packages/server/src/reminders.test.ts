import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from './db/schema.js';
import { jobRegistry, RECURRING } from './jobs/catalogue.js';
import { localQueue } from './jobs/local-queue.js';
import { scanRemindersJob } from './reminders/scan-reminders.js';
import { listDeliveries } from './repositories/reminder-deliveries.js';
import { startTestSmtp, type TestSmtp } from './test-support/smtp.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, type World } from './test-support/world.js';

const PUBLIC_URL = 'https://chiso.hoaan.gov.vn';
const PERIOD = 'Chỉ số CCHC năm 2022';
const PEOPLE = ['cb.snv', 'tt.snv', 'cb.syt', 'tt.syt'] as const;
const address = (username: string) => `${username}@hoaan.gov.vn`;

interface Page {
  items: { id: string; title: string; link: string | null; readAt: string | null }[];
  total: number;
  unread: number;
}

describe.each(DATABASE_KINDS)('reminders over a real SMTP server (%s)', (kind) => {
  let smtp: TestSmtp;
  let t: TestApp;
  let w: World;
  const mine = async (username: string) =>
    (await t.request('GET', '/api/notifications', { as: w.sessions[username] })).body as Page;
  const sentTo = (username: string) =>
    smtp.messages.filter((m) => m.to.includes(address(username)));

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp(kind, {
      env: { CHISO_SMTP_URL: smtp.url, CHISO_PUBLIC_URL: PUBLIC_URL },
    });
    w = await seedWorld(t);
    for (const recurring of RECURRING) await t.queue.schedule(recurring);
    for (const username of PEOPLE) {
      const r = await t.request('PATCH', `/api/users/${w.ids[username]}`, {
        as: w.sessions.admin,
        body: { email: ` ${address(username).toUpperCase()} ` },
      });
      expect(r.status).toBe(200);
      expect((r.body as { email: string }).email).toBe(address(username));
    }
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends the 3-day and the 1-day reminder once each to every officer and head', async () => {
    // The window closes "24:00 on 10/01/2023": the 3-day reminder is due from 00:00 on 08/01.
    t.setTime('07/01/2023 23:59');
    await t.queue.tick();
    expect(smtp.messages).toEqual([]);

    t.setTime('08/01/2023 00:00');
    await t.queue.tick();
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(PEOPLE.map(address).sort());
    for (const message of smtp.messages) {
      expect(message.subject).toBe(`Còn 3 ngày đến hạn tự đánh giá: ${PERIOD}`);
      expect(message.text).toContain('Thời gian tự đánh giá kết thúc lúc 24:00 ngày 10/01/2023');
    }
    const [snvMail] = sentTo('cb.snv');
    const snvLink = `${PUBLIC_URL}/ky-danh-gia/${w.periodId}/don-vi/SNV`;
    expect(snvMail?.text).toContain(`Sở Nội vụ chưa gửi kết quả tự đánh giá kỳ "${PERIOD}"`);
    expect(snvMail?.text).toContain(`Mở trên chiso: ${snvLink}`);
    expect(snvMail?.html).toContain(`href="${snvLink}"`);
    expect(sentTo('cb.syt')[0]?.text).toContain(
      `${PUBLIC_URL}/ky-danh-gia/${w.periodId}/don-vi/SYT`,
    );

    // The next scans, up to the last minute before the 1-day stage, find nothing new.
    t.setTime('09/01/2023 23:59');
    await t.queue.tick();
    expect(smtp.messages).toHaveLength(4);

    // The 1-day stage from 00:00 on 10/01, with a second server working at the same moment
    // and a scan queued by hand on top of the scheduled one.
    t.setTime('10/01/2023 00:00');
    const second = localQueue(t.deps, jobRegistry());
    for (const recurring of RECURRING) await second.schedule(recurring);
    await t.queue.send(scanRemindersJob, {}, 'by-hand');
    await Promise.all([t.queue.tick(), second.tick(), t.queue.tick()]);
    await Promise.all([t.queue.tick(), second.tick()]);
    expect(smtp.messages).toHaveLength(8);
    const lastDay = smtp.messages.slice(4);
    expect(lastDay.flatMap((m) => m.to).sort()).toEqual(PEOPLE.map(address).sort());
    for (const message of lastDay)
      expect(message.subject).toBe(`Còn 1 ngày đến hạn tự đánh giá: ${PERIOD}`);

    // After the close, nothing.
    t.setTime('11/01/2023 00:00');
    await t.queue.tick();
    expect(smtp.messages).toHaveLength(8);
    expect(await listDeliveries(t.deps.db)).toHaveLength(8);

    const page = await mine('cb.snv');
    expect(page).toMatchObject({ total: 2, unread: 2 });
    expect(page.items.map((n) => n.title)).toEqual([
      `Còn 1 ngày đến hạn tự đánh giá: ${PERIOD}`,
      `Còn 3 ngày đến hạn tự đánh giá: ${PERIOD}`,
    ]);
    expect(page.items[0]?.link).toBe(`/ky-danh-gia/${w.periodId}/don-vi/SNV`);
  }, 60_000);

  it('retries a refused e-mail, then records it failed; the in-app notification stays', async () => {
    // SYT's window extended to 20/01: a new close, so new reminders (3 days before: 18/01).
    const extension = await t.request('POST', `/api/periods/${w.periodId}/extensions`, {
      as: w.sessions.admin,
      body: {
        unitId: 'SYT',
        kind: 'selfAssessment',
        closesAt: '20/01/2023 24:00',
        reason: 'Sở Y tế chuyển trụ sở',
      },
    });
    expect(extension.status).toBeLessThan(300);
    const before = smtp.messages.length;
    smtp.failing = true;
    t.setTime('18/01/2023 00:00');
    await t.queue.tick();
    // Backoff: 1, 2, 4 and 8 minutes; the clock moves past each in turn.
    for (const minute of [1, 3, 7, 15, 31]) {
      t.setTime(`18/01/2023 00:${String(minute).padStart(2, '0')}`);
      await t.queue.tick();
    }
    expect(smtp.messages).toHaveLength(before);
    const notification = (await mine('cb.syt')).items[0];
    expect(notification?.title).toBe(`Còn 3 ngày đến hạn tự đánh giá: ${PERIOD}`);
    expect(notification?.readAt).toBeNull();

    const failed = await t.request('GET', '/api/jobs?failed=true', { as: w.sessions.admin });
    expect(failed.status).toBe(200);
    const { jobs } = failed.body as {
      jobs: { id: string; name: string; label: string; attempts: number; error: string }[];
    };
    expect(jobs).toHaveLength(2);
    for (const job of jobs) {
      expect(job).toMatchObject({ name: 'reminders.send', label: 'Gửi nhắc việc', attempts: 5 });
      expect(job.error).toContain('Hộp thư tạm thời không nhận thư');
    }
    const deliveries = (await listDeliveries(t.deps.db)).filter((d) => d.emailStatus !== 'sent');
    expect(deliveries.map((d) => [d.emailTo, d.emailStatus, d.emailAttempts]).sort()).toEqual([
      [address('cb.syt'), 'failed', 5],
      [address('tt.syt'), 'failed', 5],
    ]);

    // The administrator retries one once the mail server is back: it goes, once.
    smtp.failing = false;
    const retried = await t.request('POST', `/api/jobs/${jobs[0]!.id}/retry`, {
      as: w.sessions.admin,
    });
    expect(retried.status).toBe(200);
    await t.queue.tick();
    await t.queue.tick();
    expect(smtp.messages).toHaveLength(before + 1);
    expect(
      (await listDeliveries(t.deps.db)).filter((d) => d.emailStatus === 'failed'),
    ).toHaveLength(1);
    const again = await t.request('POST', `/api/jobs/${jobs[0]!.id}/retry`, {
      as: w.sessions.admin,
    });
    expect(again.status).toBe(409);
    expect((again.body as { error: { message: string } }).error.message).toBe(
      'Chỉ chạy lại được công việc đã thất bại',
    );
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'job.retry'));
    expect(audit).toHaveLength(1);
  }, 60_000);

  it('respects each person’s channels: e-mail off means in the app only', async () => {
    const session = w.sessions['cb.snv']!;
    const defaults = await t.request('GET', '/api/notifications/preferences', { as: session });
    expect(defaults.body).toMatchObject({
      emailAvailable: true,
      email: address('cb.snv'),
      kinds: [
        { kind: 'windowClosing', label: 'Sắp hết hạn tự đánh giá', inApp: true, email: true },
        { kind: 'supplementRequested', inApp: true, email: true },
        { kind: 'explanationOpened', inApp: true, email: true },
        { kind: 'taskDue', label: 'Nhiệm vụ sắp đến hạn, quá hạn', inApp: true, email: true },
        {
          kind: 'surveyCodesUnanswered',
          label: 'Mã phiếu khảo sát chưa được trả lời',
          inApp: true,
          email: true,
        },
      ],
    });
    const set = await t.request('PUT', '/api/notifications/preferences', {
      as: session,
      body: { kinds: [{ kind: 'windowClosing', inApp: true, email: false }] },
    });
    expect(set.status).toBe(200);
    expect((set.body as { kinds: { email: boolean }[] }).kinds[0]?.email).toBe(false);
    const twice = await t.request('PUT', '/api/notifications/preferences', {
      as: session,
      body: {
        kinds: [
          { kind: 'windowClosing', inApp: true, email: false },
          { kind: 'windowClosing', inApp: false, email: false },
        ],
      },
    });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain('mỗi loại thông báo chỉ chọn một lần');
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'notifications.preferences'));
    expect(audit.map((a) => a.entityId)).toEqual([w.ids['cb.snv']]);

    // SNV extended to 25/01: its 3-day reminder from 23/01 goes to the head by e-mail and in
    // the app, to the officer in the app only.
    await t.request('POST', `/api/periods/${w.periodId}/extensions`, {
      as: w.sessions.admin,
      body: {
        unitId: 'SNV',
        kind: 'selfAssessment',
        closesAt: '25/01/2023 24:00',
        reason: 'Sáp nhập phòng',
      },
    });
    const officerMails = sentTo('cb.snv').length;
    const headMails = sentTo('tt.snv').length;
    t.setTime('23/01/2023 00:00');
    await t.queue.tick();
    expect(sentTo('cb.snv')).toHaveLength(officerMails);
    expect(sentTo('tt.snv')).toHaveLength(headMails + 1);
    expect((await mine('cb.snv')).total).toBe(3);
    expect((await mine('tt.snv')).total).toBe(3);
  }, 60_000);

  it('lets people read and mark only their own notifications', async () => {
    const officer = w.sessions['cb.snv']!;
    const other = (await mine('cb.syt')).items[0]!;
    const refused = await t.request('POST', `/api/notifications/${other.id}/read`, { as: officer });
    expect(refused.status).toBe(404);
    expect((await mine('cb.syt')).items[0]?.readAt).toBeNull();

    const own = (await mine('cb.snv')).items[0]!;
    const read = await t.request('POST', `/api/notifications/${own.id}/read`, { as: officer });
    expect(read.status).toBe(200);
    expect((read.body as { readAt: string }).readAt).toBe('2023-01-22T17:00:00.000Z');
    const count = await t.request('GET', '/api/notifications/unread-count', { as: officer });
    expect(count.body).toEqual({ unread: 2 });
    const unreadOnly = await t.request('GET', '/api/notifications?unread=true&limit=1', {
      as: officer,
    });
    expect(unreadOnly.body).toMatchObject({ total: 2, unread: 2 });
    expect((unreadOnly.body as Page).items).toHaveLength(1);
    const all = await t.request('POST', '/api/notifications/read-all', { as: officer });
    expect(all.body).toEqual({ marked: 2, unread: 0 });
    expect((await mine('cb.syt')).unread).toBeGreaterThan(0);
    const jobs = await t.request('GET', '/api/jobs', { as: officer });
    expect(jobs.status).toBe(403);
  });
});

describe('reminders on a server without SMTP', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp('pglite');
    w = await seedWorld(t);
  }, 60_000);
  afterAll(async () => t.close());

  it('offers no e-mail and keeps reminders in the app', async () => {
    const prefs = await t.request('GET', '/api/notifications/preferences', {
      as: w.sessions['cb.snv'],
    });
    expect(prefs.body).toMatchObject({ emailAvailable: false, email: null });
    expect((prefs.body as { kinds: { email: boolean }[] }).kinds.every((k) => !k.email)).toBe(true);
    t.setTime('10/01/2023 08:00');
    const scan = await t.request('POST', '/api/jobs/reminders-scan', { as: w.sessions.admin });
    expect(scan).toMatchObject({ status: 201, body: { queued: true } });
    await t.queue.tick();
    const deliveries = await listDeliveries(t.deps.db);
    expect(deliveries).toHaveLength(4);
    expect(deliveries.every((d) => d.emailStatus === 'none' && d.notificationId !== null)).toBe(
      true,
    );
    const jobs = await t.request('GET', '/api/jobs', { as: w.sessions.admin });
    expect(jobs.body).toMatchObject({ engine: 'local' });
    // The world's framework came in as an import job; the scan's are the reminders.
    const reminderJobs = (jobs.body as { jobs: { name: string; state: string }[] }).jobs.filter(
      (j) => j.name.startsWith('reminders.'),
    );
    expect(reminderJobs.map((j) => j.state)).toEqual(Array(5).fill('completed'));
  });
});
