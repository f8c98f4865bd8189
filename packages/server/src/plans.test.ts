import { Decimal, planForUnit, planRowSummary, readPlanTable } from '@chiso/core';
import type { PlanImport, PlanView } from '@chiso/contract';
import { and, asc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from './db/schema.js';
import { parseTables } from './spreadsheet/read-table.js';
import { castOf, importFramework, ok, runUntouched, type Cast } from './test-support/cycle.js';
import { importAndWait } from './test-support/import-jobs.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { toCsv, WINDOWS } from './test-support/world.js';
import { markCancelledHere, onImportStep } from './use-cases/imports/import-progress.js';
import { computePeriodResults } from './use-cases/results/period-results.js';

interface ErrorBody {
  error: { code: string; message: string; issues: Record<string, unknown>[] };
}

/** Sở Xây dựng's framework, with the office that leads 1.1 named as seed 004 names it. */
const FRAMEWORK_CSV = toCsv([
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm', 'Đơn vị chủ trì'],
  ['1', 'Công tác chỉ đạo, điều hành', '50', null, null],
  ['1.1', 'Kết quả thực hiện kế hoạch', '50', '{"kind":"manual","step":"0,01"}', 'Văn phòng'],
  ['6', 'Tài chính công', '50', null, null],
  ['6.1', 'Thực hiện dự toán', '47', '{"kind":"manual","step":"0,01"}', null],
  [
    '6.2',
    'Cơ chế tự chủ của đơn vị sự nghiệp',
    '3',
    '{"kind":"notApplicableWhen","condition":"Không có đơn vị sự nghiệp công lập","otherwise":{"kind":"passFail"}}',
    null,
  ],
]);
const NA = { notApplicable: true };
/** Out of 97: SYT 95 (1st), STC 94 (2nd), SXD 90,91 (3rd), SNV 88 (4th). */
const SELF = {
  SXD: { '1.1': { points: '45,5' }, '6.1': { points: '45,41' }, '6.2': NA },
  SYT: { '1.1': { points: '49' }, '6.1': { points: '46' }, '6.2': NA },
  STC: { '1.1': { points: '47' }, '6.1': { points: '47' }, '6.2': NA },
  SNV: { '1.1': { points: '48' }, '6.1': { points: '40' }, '6.2': NA },
};

describe.each(DATABASE_KINDS)('the improvement plan of a published period (%s)', (kind) => {
  let t: TestApp;
  let cast: Cast;
  let periodId: string;
  let officeId: string;
  const url = () => `/api/units/SXD/plans/${periodId}`;
  const row = (plan: PlanView, code: string) => plan.rows.find((r) => r.code === code)!;

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await castOf(t, Object.keys(SELF), {
      SXD: 'Sở Xây dựng',
      SYT: 'Sở Y tế',
      STC: 'Sở Tài chính',
      SNV: 'Sở Nội vụ',
    });
    const frameworkId = await importFramework(t, cast.admin, FRAMEWORK_CSV);
    const office = await ok(t, 'POST', '/api/units/SXD/offices', {
      as: cast.admin,
      body: { name: 'Văn phòng' },
    });
    officeId = String(office.id);
    // A period not published yet: no plan answers it.
    const early = await ok(t, 'POST', '/api/periods', {
      as: cast.admin,
      body: {
        name: 'Kỳ chưa công bố',
        year: 2022,
        frameworks: { so: frameworkId },
        windows: WINDOWS,
      },
    });
    const refused = await t.request('POST', '/api/units/SXD/plans', {
      as: cast.officers.SXD,
      body: { periodId: early.id },
    });
    expect(refused.status).toBe(409);
    expect((refused.body as ErrorBody).error.message).toBe(
      'Kết quả kỳ "Kỳ chưa công bố" chưa được công bố; kế hoạch cải thiện lập sau khi công bố',
    );
    periodId = (await runUntouched(t, cast, frameworkId, 'Chỉ số CCHC năm 2022', SELF)).periodId;
  }, 120_000);
  afterAll(async () => t.close());

  /** The core's plan of the same results, with these targets. */
  const expected = async (targets: Record<string, string> = {}) => {
    const so = (await computePeriodResults(t.deps.db, periodId, 2022)).find(
      (r) => r.unitType === 'so',
    )!;
    return planForUnit(so.framework, so.results, 'SXD', {
      targets: new Map(Object.entries(targets).map(([code, v]) => [code, Decimal.of(v)])),
    });
  };
  const sameFigures = async (plan: PlanView, targets: Record<string, string> = {}) => {
    const core = await expected(targets);
    expect(plan.rows.map((r) => r.code)).toEqual(core.rows.map((r) => r.code));
    for (const coreRow of core.rows) {
      const mine = row(plan, coreRow.code);
      expect(mine.pointsIfTarget).toBe(coreRow.pointsIfTarget?.toString() ?? null);
      expect(mine.percentIfTarget).toBe(coreRow.percentIfTarget?.round(6).toString() ?? null);
      expect(mine.rankIfTarget).toBe(coreRow.rankIfTarget ?? null);
      expect(mine.lost).toBe(coreRow.lost.toString());
      expect(mine.target).toBe(coreRow.target?.toString() ?? null);
      expect(mine.summary).toBe(planRowSummary(coreRow));
    }
  };

  let plan: PlanView;

  it('generates the plan from the published result: every node, the what-if, offices', async () => {
    const created = await t.request('POST', '/api/units/SXD/plans', {
      as: cast.officers.SXD,
      body: { periodId },
    });
    expect(created.status).toBe(201);
    plan = created.body as PlanView;
    expect(plan.planYear).toBe(2023);
    expect(plan.status).toBe('draft');
    expect(plan.total.summary).toBe(
      'Chỉ số CCHC năm 2022 đạt 90,91/97 điểm (93,72%), xếp hạng 3/4',
    );
    expect(row(plan, '1.1')).toMatchObject({
      maxPoints: '50',
      points: '45.5',
      lost: '4.5',
      target: '50',
      targetGiven: false,
      gain: '4.5',
      pointsIfTarget: '95.41',
      rankIfTarget: 1,
      rankChangeIfTarget: 2,
      summary: 'đạt mục tiêu → 95,41 điểm, hạng 1 (tăng 2 bậc)',
      leadOffice: { id: officeId, name: 'Văn phòng' },
    });
    expect(row(plan, '6.2')).toMatchObject({ applicable: false, target: null });
    expect(plan.areas.map((a) => a.summary)).toEqual([
      'Lĩnh vực 1: Công tác chỉ đạo, điều hành đạt 45,5/50 điểm, hạng 4/4',
      'Lĩnh vực 6: Tài chính công đạt 45,41/47 điểm, hạng 3/4',
    ]);
    await sameFigures(plan);
    const again = await t.request('POST', '/api/units/SXD/plans', {
      as: cast.officers.SXD,
      body: { periodId },
    });
    expect(again.status).toBe(409);
  });

  it('edits a row within what the core accepts, with its message', async () => {
    const put = (code: string, body: Record<string, unknown>) =>
      t.request('PUT', `${url()}/rows/${code}`, { as: cast.officers.SXD, body });
    const above = await put('1.1', { target: '51', version: plan.version });
    expect(above.status).toBe(400);
    expect((above.body as ErrorBody).error.issues).toEqual([
      {
        path: 'target',
        message: 'mục tiêu 51 điểm của tiêu chí 1.1 vượt điểm tối đa 50',
      },
    ]);
    const notApplicable = await put('6.2', { target: '1', version: plan.version });
    expect((notApplicable.body as ErrorBody).error.issues[0]?.message).toBe(
      'tiêu chí 6.2 không áp dụng đối với đơn vị nên không đặt mục tiêu',
    );
    const edited = await put('1.1', {
      target: '48',
      tasks: 'Hoàn thành 100% nhiệm vụ trong kế hoạch CCHC',
      timeFrame: 'Quý II/2023',
      deadline: '2023-06-30',
      version: plan.version,
    });
    expect(edited.status).toBe(200);
    plan = edited.body as PlanView;
    expect(row(plan, '1.1')).toMatchObject({ target: '48', gain: '2.5', timeFrame: 'Quý II/2023' });
    await sameFigures(plan, { '1.1': '48' });
    const stale = await put('6.1', { target: '46', version: plan.version - 1 });
    expect(stale.status).toBe(409);
  });

  it('approves, keeps the approved version readable, reopens, and audits each step', async () => {
    const text = await ok(t, 'PUT', url(), {
      as: cast.officers.SXD,
      body: { purpose: 'Nâng cao Chỉ số CCHC năm 2023', version: plan.version },
    });
    plan = text as unknown as PlanView;
    const byOfficer = await t.request('POST', `${url()}/approve`, {
      as: cast.officers.SXD,
      body: { version: plan.version },
    });
    expect(byOfficer.status).toBe(403);
    plan = (await ok(t, 'POST', `${url()}/approve`, {
      as: cast.heads.SXD,
      body: { version: plan.version },
    })) as unknown as PlanView;
    expect(plan.status).toBe('approved');
    expect(plan.approvals.map((a) => a.number)).toEqual([1]);
    const locked = await t.request('PUT', `${url()}/rows/1.1`, {
      as: cast.officers.SXD,
      body: { target: '49', version: plan.version },
    });
    expect((locked.body as ErrorBody).error.message).toBe(
      'Kế hoạch đã được phê duyệt; hãy mở lại kế hoạch để sửa',
    );
    plan = (await ok(t, 'POST', `${url()}/reopen`, {
      as: cast.heads.SXD,
      body: { version: plan.version },
    })) as unknown as PlanView;
    plan = (await ok(t, 'PUT', `${url()}/rows/1.1`, {
      as: cast.officers.SXD,
      body: { target: '49', version: plan.version },
    })) as unknown as PlanView;
    const first = (await ok(t, 'GET', `${url()}?approval=1`, {
      as: cast.officers.SXD,
    })) as unknown as PlanView;
    expect(first.approval?.number).toBe(1);
    expect(first.status).toBe('approved');
    expect(row(first, '1.1').target).toBe('48');
    expect(row(plan, '1.1').target).toBe('49');
    plan = (await ok(t, 'POST', `${url()}/approve`, {
      as: cast.heads.SXD,
      body: { version: plan.version },
    })) as unknown as PlanView;
    expect(plan.approvals.map((a) => a.number)).toEqual([2, 1]);
    const actions = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'improvementPlan'), eq(auditLog.entityId, plan.id)))
      .orderBy(asc(auditLog.id));
    expect(actions.map((a) => a.action)).toEqual([
      'plan.create',
      'plan.row.update',
      'plan.text.update',
      'plan.approve',
      'plan.reopen',
      'plan.row.update',
      'plan.approve',
    ]);
  });

  it('exports seed 004 table (.xlsx, read back) and the document (.docx)', async () => {
    const xlsx = await t.request('GET', `${url()}/plan.xlsx`, { as: cast.officers.SXD });
    expect(xlsx.status).toBe(200);
    const [table] = await parseTables(xlsx.raw, 'ke-hoach.xlsx');
    const read = readPlanTable(table!);
    expect(read.resultYear).toBe(2022);
    expect(read.planYear).toBe(2023);
    expect(read.rows.get('1.1')?.target?.toString()).toBe('49');
    expect(read.rows.get('1.1')?.leadOffice).toBe('Văn phòng');
    const docx = await t.request('GET', `${url()}/plan.docx`, { as: cast.officers.SXD });
    expect(docx.status).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.raw)).file('word/document.xml')!.async('string');
    expect(xml).toContain('KẾ HOẠCH');
    expect(xml).toContain('đạt 90,91/97 điểm');
  });

  it('imports seed 004 table all or nothing, after a preview', async () => {
    plan = (await ok(t, 'POST', `${url()}/reopen`, {
      as: cast.heads.SXD,
      body: { version: plan.version },
    })) as unknown as PlanView;
    const header = [
      'Stt',
      'Lĩnh vực/Tiêu chí',
      'Điểm chuẩn',
      'Điểm 2022 đạt được',
      'Mục tiêu năm 2023',
      'Nhiệm vụ/Giải pháp',
      'Đơn vị chủ trì',
    ];
    // The import runs as a job (decision 0043): 202, then the job's answer or its problems.
    const upload = async (content: string | Buffer, query: string, name = 'ke-hoach.csv') => {
      const { upload: queued, job } = await importAndWait(
        t,
        `${url()}/import?${query}`,
        { name, content },
        cast.officers.SXD!,
      );
      expect(queued.status, JSON.stringify(queued.body)).toBe(202);
      return job!;
    };
    // The table's own check (a target above its "Điểm chuẩn") names the cell.
    const overMax = toCsv([
      header,
      ['6.1', 'Thực hiện dự toán', '47', '45,41', '60', 'Giải ngân', null],
    ]);
    const table = await upload(overMax, `version=${plan.version}`);
    expect(table).toMatchObject({ kind: 'plan', state: 'failed', result: null });
    expect(table.problems?.issues).toEqual([
      {
        sheet: 'ke-hoach.csv',
        row: 2,
        column: 'E',
        field: 'Mục tiêu năm 2023',
        message: 'mục tiêu 60 điểm vượt điểm chuẩn 47 của mã 6.1',
      },
    ]);
    // The plan's checks: the unit's offices, and the core's on the unit's own result.
    const bad = toCsv([
      header,
      ['1.1', 'Kết quả thực hiện kế hoạch', '50', '45,5', '50', 'Rà soát', 'Văn phòng'],
      ['6.1', 'Thực hiện dự toán', '47', '45,41', '46', 'Giải ngân', 'Phòng Kế toán'],
      ['6.2', 'Cơ chế tự chủ của đơn vị sự nghiệp', '3', null, '1', null, null],
    ]);
    const rejected = await upload(bad, `version=${plan.version}`);
    expect(rejected.state).toBe('failed');
    expect(rejected.problems?.message).toBe(
      'Bảng kế hoạch chưa nhập được; không dòng nào được lưu',
    );
    expect(rejected.problems?.issues).toEqual([
      {
        sheet: 'ke-hoach.csv',
        row: 3,
        field: 'Đơn vị chủ trì',
        message: 'đơn vị không có phòng, ban "Phòng Kế toán"',
      },
      {
        sheet: 'ke-hoach.csv',
        row: 4,
        field: 'Mục tiêu',
        message: 'tiêu chí 6.2 không áp dụng đối với đơn vị nên không đặt mục tiêu',
      },
    ]);
    const good = toCsv([
      header,
      ['1.1', 'Kết quả thực hiện kế hoạch', '50', '45,5', '50', 'Rà soát', 'Văn phòng'],
      ['6.1', 'Thực hiện dự toán', '47', '45,41', '46,5', 'Giải ngân đúng hạn', null],
    ]);
    const preview = (await upload(good, 'preview=true')).result as PlanImport;
    expect(preview.preview).toBe(true);
    expect(preview.changes).toEqual([
      { code: '1.1', target: '50', tasks: 'Rà soát', leadOffice: 'Văn phòng' },
      { code: '6.1', target: '46.5', tasks: 'Giải ngân đúng hạn', leadOffice: null },
    ]);
    const unchanged = (await ok(t, 'GET', url(), { as: cast.officers.SXD })) as unknown as PlanView;
    expect(unchanged.version).toBe(plan.version);
    expect(row(unchanged, '6.1').target).toBe('47');
    // Stopped at its one batch, inside the transaction: the plan is left as it was.
    onImportStep((_id, phase) => {
      if (phase === 'checking') markCancelledHere(_id);
    });
    const stopped = await upload(good, `version=${plan.version}`).finally(() =>
      onImportStep(undefined),
    );
    expect(stopped).toMatchObject({ state: 'cancelled', result: null, problems: null });
    const kept = (await ok(t, 'GET', url(), { as: cast.officers.SXD })) as unknown as PlanView;
    expect(kept.version).toBe(plan.version);
    expect(row(kept, '6.1').target).toBe('47');
    const done = await upload(good, `version=${plan.version}`);
    expect(done.state).toBe('succeeded');
    plan = (done.result as PlanImport).plan!;
    expect(row(plan, '6.1')).toMatchObject({ target: '46.5', tasks: 'Giải ngân đúng hạn' });
    await sameFigures(plan, { '1.1': '50', '6.1': '46.5' });
    // The plan's own .xlsx reads back into it unchanged.
    const xlsx = await t.request('GET', `${url()}/plan.xlsx`, { as: cast.officers.SXD });
    const back = await upload(xlsx.raw, `version=${plan.version}`, 'ke-hoach.xlsx');
    expect(back.state, JSON.stringify(back.problems)).toBe('succeeded');
    plan = (back.result as PlanImport).plan!;
    await sameFigures(plan, { '1.1': '50', '6.1': '46.5' });
  });

  it('turns chosen rows into tasks of the unit, naming rows that lack a deadline', async () => {
    const missing = await t.request('POST', `${url()}/tasks`, {
      as: cast.officers.SXD,
      body: { codes: ['1.1', '6.1'], version: plan.version },
    });
    expect(missing.status).toBe(400);
    expect((missing.body as ErrorBody).error.issues).toEqual([
      { path: 'codes.1', message: 'dòng 6.1 chưa có thời hạn hoàn thành' },
      { path: 'codes.1', message: 'dòng 6.1 chưa có đơn vị chủ trì' },
    ]);
    const made = await ok(t, 'POST', `${url()}/tasks`, {
      as: cast.officers.SXD,
      body: { codes: ['1.1'], version: plan.version },
    });
    const tasks = made.tasks as { id: string; title: string; code: string }[];
    expect(tasks.map(({ title, code }) => ({ title, code }))).toEqual([
      { title: 'Rà soát', code: '1.1' },
    ]);
    const task = await ok(t, 'GET', `/api/units/SXD/tasks/${tasks[0]!.id}`, {
      as: cast.officers.SXD,
    });
    expect(task.task).toMatchObject({
      title: 'Rà soát',
      origin: 'plan',
      deadline: '2023-06-30',
      codes: ['1.1'],
      leadOffice: { id: officeId, name: 'Văn phòng' },
      target: 'Tiêu chí 1.1 đạt 50 điểm',
    });
    const after = (await ok(t, 'GET', url(), { as: cast.officers.SXD })) as unknown as PlanView;
    expect(row(after, '1.1').taskCount).toBe(1);
  });

  it("lists every unit's plan for the province and starts the missing ones", async () => {
    const before = await ok(t, 'GET', `/api/plans/overview?periodId=${periodId}`, {
      as: cast.council,
    });
    const units = before.units as { unitId: string; plan: { statusLabel: string } | null }[];
    expect(units.find((u) => u.unitId === 'SXD')?.plan?.statusLabel).toBe('Dự thảo');
    expect(units.find((u) => u.unitId === 'SYT')?.plan).toBeNull();
    const made = await ok(t, 'POST', '/api/plans/generate', {
      as: cast.admin,
      body: { periodId },
    });
    expect(made).toEqual({ created: 3, existing: 1 });
    const other = await t.request('GET', url(), { as: cast.officers.SYT });
    expect(other.status).toBe(403);
  });
});
