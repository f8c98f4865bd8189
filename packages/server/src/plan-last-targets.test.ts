import type { PlanView } from '@chiso/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castOf, importFramework, ok, runUntouched, type Cast } from './test-support/cycle.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { toCsv } from './test-support/world.js';

const FRAMEWORK_CSV = toCsv([
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
  ['1', 'Công tác chỉ đạo, điều hành', '50', null],
  ['1.1', 'Kết quả thực hiện kế hoạch', '50', '{"kind":"manual","step":"0,01"}'],
  ['6', 'Tài chính công', '50', null],
  ['6.1', 'Thực hiện dự toán', '47', '{"kind":"manual","step":"0,01"}'],
  [
    '6.2',
    'Cơ chế tự chủ của đơn vị sự nghiệp',
    '3',
    '{"kind":"notApplicableWhen","condition":"Không có đơn vị sự nghiệp công lập","otherwise":{"kind":"passFail"}}',
  ],
]);
const NA = { notApplicable: true };
const points = (p11: string, p61: string) => ({
  SXD: { '1.1': { points: p11 }, '6.1': { points: p61 }, '6.2': NA },
  SYT: { '1.1': { points: '49' }, '6.1': { points: '46' }, '6.2': NA },
});

// Issue 10, item 6 (decision 0020): the plan made from the 2023 result shows, row by row,
// whether the 2022 plan's targets for 2023 were met.
describe.each(DATABASE_KINDS)("next year's plan against last year's targets (%s)", (kind) => {
  let t: TestApp;
  let cast: Cast;
  let frameworkId: string;
  let first: string;
  const row = (plan: PlanView, code: string) => plan.rows.find((r) => r.code === code)!;
  const planUrl = (periodId: string) => `/api/units/SXD/plans/${periodId}`;

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await castOf(t, ['SXD', 'SYT'], { SXD: 'Sở Xây dựng', SYT: 'Sở Y tế' });
    frameworkId = await importFramework(t, cast.admin, FRAMEWORK_CSV);
    first = (await runUntouched(t, cast, frameworkId, 'Chỉ số CCHC năm 2022', points('45,5', '45')))
      .periodId;
    // The 2022 result's plan for 2023: 1.1 to 48 and 6.1 to 46, area targets left as defaults.
    let plan = (await ok(t, 'POST', '/api/units/SXD/plans', {
      as: cast.officers.SXD,
      body: { periodId: first },
    })) as unknown as PlanView;
    for (const [code, target] of [
      ['1.1', '48'],
      ['6.1', '46'],
    ] as const) {
      plan = (await ok(t, 'PUT', `${planUrl(first)}/rows/${code}`, {
        as: cast.officers.SXD,
        body: { target, version: plan.version },
      })) as unknown as PlanView;
    }
  }, 180_000);
  afterAll(async () => t.close());

  it('has nothing to compare on a plan whose unit had no plan the year before', async () => {
    const plan = (await ok(t, 'GET', planUrl(first), {
      as: cast.officers.SXD,
    })) as unknown as PlanView;
    expect(plan.lastTargets).toBeNull();
    expect(row(plan, '1.1').lastTarget).toBeNull();
  });

  let second: string;

  it("compares the 2023 result with the 2022 plan's draft, node by node", async () => {
    second = (
      await runUntouched(t, cast, frameworkId, 'Chỉ số CCHC năm 2023', points('49', '45'), 2023)
    ).periodId;
    const plan = (await ok(t, 'POST', '/api/units/SXD/plans', {
      as: cast.officers.SXD,
      body: { periodId: second },
    })) as unknown as PlanView;
    expect(plan.planYear).toBe(2024);
    expect(plan.lastTargets?.planId).toMatch(/^[0-9a-f-]{36}$/);
    expect(plan.lastTargets).toEqual({
      planId: plan.lastTargets?.planId,
      period: { id: first, name: 'Chỉ số CCHC năm 2022', year: 2022 },
      approval: null,
      met: 1,
      compared: 2,
      givenOnly: true,
      summary: 'Đạt 1/2 mục tiêu năm trước',
    });
    expect(row(plan, '1.1').lastTarget).toEqual({
      target: '48',
      targetGiven: true,
      outcome: 'met',
      shortBy: '0',
      label: 'Đạt mục tiêu',
    });
    expect(row(plan, '6.1').lastTarget).toEqual({
      target: '46',
      targetGiven: true,
      outcome: 'notMet',
      shortBy: '1',
      label: 'Chưa đạt mục tiêu, thiếu 1 điểm',
    });
    // The area's default target was the sum of its rows' (48): met with 49, not counted.
    expect(row(plan, '1').lastTarget).toMatchObject({
      target: '48',
      targetGiven: false,
      outcome: 'met',
    });
    expect(row(plan, '6.2').lastTarget).toMatchObject({
      outcome: 'noTarget',
      label: 'Không có mục tiêu năm trước',
    });
  });

  it("takes the targets of last year's latest approval over a later draft", async () => {
    t.setTime('03/02/2024 09:00');
    cast.heads.SXD = await t.login('tt.SXD');
    cast.officers.SXD = await t.login('cb.SXD');
    const head = cast.heads.SXD;
    let old = (await ok(t, 'GET', planUrl(first), { as: head })) as unknown as PlanView;
    old = (await ok(t, 'POST', `${planUrl(first)}/approve`, {
      as: head,
      body: { version: old.version },
    })) as unknown as PlanView;
    old = (await ok(t, 'POST', `${planUrl(first)}/reopen`, {
      as: head,
      body: { version: old.version },
    })) as unknown as PlanView;
    await ok(t, 'PUT', `${planUrl(first)}/rows/6.1`, {
      as: cast.officers.SXD,
      body: { target: '44', version: old.version },
    });
    const plan = (await ok(t, 'GET', planUrl(second), {
      as: cast.officers.SXD,
    })) as unknown as PlanView;
    expect(plan.lastTargets).toMatchObject({ approval: 1, summary: 'Đạt 1/2 mục tiêu năm trước' });
    expect(row(plan, '6.1').lastTarget?.target).toBe('46');
  });
});
