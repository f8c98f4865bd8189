import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECURRING } from './jobs/catalogue.js';
import { startTestSmtp, type TestSmtp } from './test-support/smtp.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { seedWorld, type World } from './test-support/world.js';

const PUBLIC_URL = 'https://chiso.hoaan.gov.vn';
/** The office's staff of the lead office, and the unit's officer and head. */
const PEOPLE = ['cb.phong', 'cb.snv', 'tt.snv'] as const;
const address = (username: string) => `${username}@hoaan.gov.vn`;

describe.each(DATABASE_KINDS)('reminders of assigned tasks (%s)', (kind) => {
  let smtp: TestSmtp;
  let t: TestApp;
  let w: World;
  let taskId: string;
  const subjects = () => smtp.messages.map((m) => `${m.to.join(',')}: ${m.subject}`).sort();

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp(kind, {
      env: { CHISO_SMTP_URL: smtp.url, CHISO_PUBLIC_URL: PUBLIC_URL },
    });
    w = await seedWorld(t);
    for (const recurring of RECURRING) await t.queue.schedule(recurring);
    for (const username of [...PEOPLE, 'cb.syt']) {
      await t.request('PATCH', `/api/users/${w.ids[username]}`, {
        as: w.sessions.admin,
        body: { email: address(username) },
      });
    }
    // Sessions last hours; months later everyone signs in again.
    t.setTime('01/06/2023 09:00');
    const created = await t.request('POST', '/api/units/SNV/tasks', {
      as: await t.login('cb.snv'),
      body: { title: 'Báo cáo CCHC quý II', leadOfficeId: w.ids.officeSNV, deadline: '20/06/2023' },
    });
    expect(created.status).toBe(201);
    taskId = (created.body as { id: string }).id;
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('reminds 7 days before, 1 day before, and once overdue, each once, in Vietnam time', async () => {
    // Due "ngày 20/6": its day ends at 00:00 on 21/6, so 7 days before is 00:00 on 14/6.
    t.setTime('13/06/2023 23:59');
    await t.queue.tick();
    expect(smtp.messages).toEqual([]);

    t.setTime('14/06/2023 00:00');
    await t.queue.tick();
    await t.queue.tick();
    expect(subjects()).toEqual(
      PEOPLE.map(
        (p) => `${address(p)}: Nhiệm vụ sắp đến hạn (ngày 20/06/2023): Báo cáo CCHC quý II`,
      ).sort(),
    );
    expect(smtp.messages[0]?.text).toContain('có thời hạn ngày 20/06/2023');
    expect(smtp.messages[0]?.text).toContain(`${PUBLIC_URL}/nhiem-vu/SNV/${taskId}`);

    t.setTime('20/06/2023 00:00');
    await t.queue.tick();
    t.setTime('20/06/2023 23:59');
    await t.queue.tick();
    expect(smtp.messages).toHaveLength(6);
    expect(
      smtp.messages.slice(3).every((m) => m.subject.startsWith('Hôm nay là hạn cuối của nhiệm vụ')),
    ).toBe(true);

    t.setTime('21/06/2023 00:00');
    await t.queue.tick();
    t.setTime('22/06/2023 08:00');
    await t.queue.tick();
    expect(smtp.messages).toHaveLength(9);
    expect(smtp.messages.slice(6).map((m) => m.subject)).toEqual(
      PEOPLE.map(() => 'Nhiệm vụ quá hạn: Báo cáo CCHC quý II'),
    );
    // Another unit's people hear nothing of SNV's task.
    expect(smtp.messages.some((m) => m.to.includes(address('cb.syt')))).toBe(false);
  });

  it('says nothing more once the task is completed', async () => {
    const task = await t.request('GET', `/api/units/SNV/tasks/${taskId}`, {
      as: await t.login('cb.snv'),
    });
    expect(task.status, JSON.stringify(task.body)).toBe(200);
    const version = (task.body as { task: { version: number } }).task.version;
    const done = await t.request('POST', `/api/units/SNV/tasks/${taskId}/complete`, {
      as: await t.login('cb.phong'),
      body: { version },
    });
    expect(done.status).toBe(200);
    t.setTime('30/06/2023 08:00');
    await t.queue.tick();
    expect(smtp.messages).toHaveLength(9);
  });
});
