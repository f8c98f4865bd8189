import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { DISTRICT_TASKS_CSV, seedWorld } from './test-support/world.js';
import { imported } from './test-support/import-jobs.js';

interface Served {
  fact: string;
  counts: string;
  count: number;
  label: string;
  tasks: {
    title: string;
    office: string | null;
    deadline: string;
    status: string;
    counted: boolean;
  }[];
}
interface Assessment {
  entries: { code: string; tasks: Served | null }[];
}

describe.each(DATABASE_KINDS)("the assessment's leaves fed by the unit's tasks (%s)", (kind) => {
  let t: TestApp;
  let officer: Session;
  let periodId: string;
  const ok = async <T>(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    as: Session,
    body?: unknown,
  ) => {
    const r = await t.request(method, `/api${url}`, {
      as,
      ...(body === undefined ? {} : { body }),
    });
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as T;
  };
  // Sessions end after a while idle: each jump of the clock signs in again.
  const at = async (vietnamTime: string) => {
    t.setTime(vietnamTime);
    officer = await t.login('cb.h01');
  };
  const served = async (code: string) => {
    const body = await ok<Assessment>('GET', `/periods/${periodId}/units/H01/assessment`, officer);
    return body.entries.find((e) => e.code === code)?.tasks;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const w = await seedWorld(t);
    const admin = w.sessions.admin!;
    const framework = await imported<{ id: string }>(
      t,
      `/api/frameworks/import?name=${encodeURIComponent('Bộ chỉ số huyện 2023')}&year=2023&unitType=huyen`,
      { name: 'bo-chi-so-huyen-2023.csv', content: DISTRICT_TASKS_CSV },
      admin,
    );
    periodId = (
      await ok<{ id: string }>('POST', '/periods', admin, {
        name: 'Chỉ số CCHC năm 2023',
        year: 2023,
        frameworks: { huyen: framework.id },
        unitIds: ['H01'],
      })
    ).id;
    await t.createAccount('cb.h01', 'unitOfficer', 'H01');
    await at('05/06/2023 09:00');
    const justice = await ok<{ id: string }>('POST', '/units/H01/offices', officer, {
      name: 'Phòng Tư pháp',
    });
    const finance = await ok<{ id: string }>('POST', '/units/H01/offices', officer, {
      name: 'Phòng Tài chính - Kế hoạch',
    });
    const give = (title: string, deadline: string, leadOfficeId: string, codes = ['1.6.1']) =>
      ok<{ id: string; version: number }>('POST', '/units/H01/tasks', officer, {
        title,
        leadOfficeId,
        frameworkId: framework.id,
        codes,
        deadline,
      });
    await give('Rà soát văn bản quy phạm pháp luật', '20/06/2023', justice.id);
    await give('Báo cáo tình hình thực hiện dự toán', '30/06/2023', finance.id);
    const late = await give('Công khai thủ tục hành chính', '10/06/2023', justice.id);
    await give('Đăng ký sáng kiến CCHC', '20/06/2023', justice.id, ['1.2']);
    // Done on 15/6, five days after its deadline: "hoàn thành quá hạn".
    await at('15/06/2023 10:00');
    await ok('POST', `/units/H01/tasks/${late.id}/complete`, officer, { version: late.version });
  }, 60_000);
  afterAll(async () => t.close());

  it('counts the tasks not done on time — overdue and done late — at the server clock in Vietnam time', async () => {
    // On 01/07 from 00:00 the tasks due 20/6 and 30/6 are overdue and the one done on 15/6 was
    // done late: decision 0018 reads "quá hạn" as not done by the deadline, finished or not, so
    // the deduction takes 3 — not 2 (only those still open).
    await at('01/07/2023 00:00');
    const tasks = await served('1.6.1');
    expect(tasks).toMatchObject({
      fact: 'occurrences',
      counts: 'late',
      count: 3,
      label: '3 nhiệm vụ quá hạn',
    });
    expect(
      tasks?.tasks.map((task) => [
        task.title,
        task.office,
        task.deadline,
        task.status,
        task.counted,
      ]),
    ).toEqual([
      ['Công khai thủ tục hành chính', 'Phòng Tư pháp', '2023-06-10', 'doneLate', true],
      ['Rà soát văn bản quy phạm pháp luật', 'Phòng Tư pháp', '2023-06-20', 'overdue', true],
      [
        'Báo cáo tình hình thực hiện dự toán',
        'Phòng Tài chính - Kế hoạch',
        '2023-06-30',
        'overdue',
        true,
      ],
    ]);
  });

  it('does not count a task due 30/6 until 00:00 on 1/7', async () => {
    await at('30/06/2023 23:59');
    const tasks = await served('1.6.1');
    expect(tasks?.count).toBe(2);
    expect(tasks?.tasks.find((task) => task.deadline === '2023-06-30')).toMatchObject({
      status: 'notStarted',
      counted: false,
    });
  });

  it('gives no task summary to a leaf whose rule does not count tasks', async () => {
    expect(await served('1.2')).toBeNull();
  });
});
