import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  multipart,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { importAndWait } from './test-support/import-jobs.js';
import { PDF, seedWorld, toCsv, type World } from './test-support/world.js';

interface TaskBody {
  id: string;
  status: string;
  statusLabel: string;
  daysLabel: string;
  version: number;
  leadOffice: { id: string; name: string } | null;
  documentText: string | null;
}
interface ListBody {
  tasks: TaskBody[];
  lateSentence: string;
  counts: { total: number; late: number; overdue: number; doneLate: number };
}
interface ErrorBody {
  error: { code: string; message: string; issues: Record<string, unknown>[] };
}

describe.each(DATABASE_KINDS)('tasks given to a unit and its offices (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let admin: Session;
  let officer: Session;
  let staff: Session;
  let vanPhong: string;
  let officeSYT: string;
  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    as: Session | undefined,
    body?: unknown,
  ) =>
    t.request(method, `/api${url}`, {
      ...(as ? { as } : {}),
      ...(body === undefined ? {} : { body }),
    });
  const ok = async <T>(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    as: Session,
    body?: unknown,
  ) => {
    const r = await call(method, url, as, body);
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as T;
  };
  const upload = (url: string, as: Session, name: string, content: Buffer | string) => {
    const file = multipart(name, content);
    return t.request('POST', `/api${url}`, { as, payload: file.payload, headers: file.headers });
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    admin = w.sessions.admin!;
    officer = w.sessions['cb.snv']!;
    staff = w.sessions['cb.phong']!;
    vanPhong = (
      await ok<{ id: string }>('POST', '/units/SNV/offices', admin, { name: 'Văn phòng Sở' })
    ).id;
    officeSYT = (
      await ok<{ id: string }>('POST', '/units/SYT/offices', admin, { name: 'Phòng Pháp chế' })
    ).id;
  }, 60_000);
  afterAll(async () => t.close());

  let legal: TaskBody;
  let office: TaskBody;

  it('lets the unit give tasks to its offices, and refuses an office of another unit', async () => {
    t.setTime('05/01/2023 09:00');
    legal = await ok<TaskBody>('POST', '/units/SNV/tasks', officer, {
      title: 'Rà soát văn bản quy phạm pháp luật',
      authority: 'Chủ tịch UBND tỉnh',
      documentNumber: '1138/UBND-NC',
      documentDate: '08/06/2022',
      leadOfficeId: w.ids.officeSNV,
      supportingOfficeIds: [vanPhong],
      frameworkId: w.frameworkId,
      codes: ['1.1'],
      deadline: '10/01/2023',
      target: 'Hoàn thành 100%',
    });
    expect(legal).toMatchObject({
      status: 'notStarted',
      daysLabel: 'còn 5 ngày',
      documentText: '1138/UBND-NC ngày 08/06/2022',
      leadOffice: { name: 'Phòng Pháp chế' },
    });
    office = await ok<TaskBody>('POST', '/units/SNV/tasks', officer, {
      title: 'Công khai thủ tục hành chính',
      leadOfficeId: vanPhong,
      deadline: '2023-01-12',
    });
    const wrong = await call('POST', '/units/SNV/tasks', officer, {
      title: 'Sai',
      leadOfficeId: officeSYT,
      codes: ['1'],
      frameworkId: w.frameworkId,
      deadline: '31/02/2023',
    });
    expect(wrong.status).toBe(400);
    const bad = await call('POST', '/units/SNV/tasks', officer, {
      title: 'Sai',
      leadOfficeId: officeSYT,
      codes: ['1'],
      frameworkId: w.frameworkId,
      deadline: '12/01/2023',
    });
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorBody).error.issues).toEqual([
      { path: 'leadOfficeId', message: 'không phải là phòng, ban của đơn vị' },
      { path: 'codes.0', message: 'bộ tiêu chí không có tiêu chí lá 1' },
    ]);
  });

  it("shows an office's staff their office's tasks only, and lets them report on those", async () => {
    const mine = await ok<ListBody>('GET', '/units/SNV/tasks', staff);
    expect(mine.tasks.map((task) => task.id)).toEqual([legal.id]);
    expect((await call('GET', `/units/SNV/tasks/${office.id}`, staff)).status).toBe(403);
    expect(
      (await call('POST', `/units/SNV/tasks/${office.id}/reports`, staff, { text: 'x' })).status,
    ).toBe(403);
    expect(
      (
        await call('POST', '/units/SNV/tasks', staff, {
          title: 'x',
          leadOfficeId: null,
          deadline: '12/01/2023',
        })
      ).status,
    ).toBe(403);
    // Another unit's tasks: nothing, for its staff or its officer.
    expect((await call('GET', '/units/SYT/tasks', staff)).status).toBe(403);
    expect((await call('GET', `/units/SNV/tasks/${legal.id}`, w.sessions['cb.syt'])).status).toBe(
      403,
    );
    expect((await call('GET', `/units/SYT/tasks/${legal.id}`, w.sessions['cb.syt'])).status).toBe(
      404,
    );
    const all = await ok<ListBody>('GET', '/units/SNV/tasks', w.sessions['tt.snv']!);
    expect(all.tasks).toHaveLength(2);
    expect((await ok<ListBody>('GET', '/units/SNV/tasks', w.sessions.hd1!)).tasks).toHaveLength(2);
  });

  it('takes a report with evidence checked by content and size, hashed once', async () => {
    t.setTime('08/01/2023 10:00');
    const started = await ok<TaskBody>('POST', `/units/SNV/tasks/${legal.id}/start`, staff, {
      version: legal.version,
    });
    expect(started.status).toBe('inProgress');
    const url = `/units/SNV/tasks/${legal.id}/evidence`;
    const notPdf = await upload(url, staff, 'bao-cao.pdf', 'chỉ là chữ');
    expect(notPdf.status).toBe(422);
    expect((notPdf.body as ErrorBody).error.code).toBe('FILE_REJECTED');
    const big = await upload(
      url,
      staff,
      'qua-lon.pdf',
      Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10, 0x20)]),
    );
    expect([413, 422]).toContain(big.status);
    const first = await upload(url, staff, 'bao-cao.pdf', PDF);
    expect(first.status).toBe(201);
    const again = await upload(url, staff, 'bao-cao-lan-2.pdf', PDF);
    expect(again.status).toBe(200);
    const evidence = (first.body as { evidence: { id: string; sha256: string } }).evidence;
    expect(evidence.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(
      (await upload(`/units/SNV/tasks/${office.id}/evidence`, staff, 'x.pdf', PDF)).status,
    ).toBe(403);
    await ok('POST', `/units/SNV/tasks/${legal.id}/reports`, staff, {
      text: 'Đã rà soát 12/15 văn bản',
      percent: 80,
      evidenceIds: [evidence.id],
    });
    const reused = await call('POST', `/units/SNV/tasks/${legal.id}/reports`, staff, {
      text: 'Lặp lại',
      evidenceIds: [evidence.id],
    });
    expect(reused.status).toBe(400);
    const detail = await ok<{
      task: { latestPercent: number; reportCount: number };
      reports: { author: string; evidence: { fileName: string }[]; office: { name: string } }[];
      history: { actionLabel: string; changes: { label: string; after: string }[] }[];
      canReport: boolean;
      canEdit: boolean;
    }>('GET', `/units/SNV/tasks/${legal.id}`, staff);
    expect(detail.task).toMatchObject({ latestPercent: 80, reportCount: 1 });
    expect(detail.reports[0]).toMatchObject({
      evidence: [{ fileName: 'bao-cao.pdf' }],
      office: { name: 'Phòng Pháp chế' },
    });
    expect(detail).toMatchObject({ canReport: true, canEdit: false });
    expect(detail.history.map((h) => h.actionLabel)).toEqual([
      'Báo cáo tiến độ',
      'Tải lên tài liệu kiểm chứng',
      'Tải lên tài liệu kiểm chứng',
      'Bắt đầu thực hiện',
      'Giao nhiệm vụ',
    ]);
    expect(detail.history[0]!.changes).toEqual([
      { label: 'Nội dung báo cáo', after: 'Đã rà soát 12/15 văn bản' },
      { label: 'Tiến độ', after: '80%' },
      { label: 'Tài liệu kèm theo', after: 'bao-cao.pdf' },
    ]);
    const file = await t.request(
      'GET',
      `/api/units/SNV/tasks/${legal.id}/evidence/${evidence.id}`,
      { as: staff },
    );
    expect(file.status).toBe(200);
    expect((await t.request('GET', `/api/evidence/${evidence.id}`, { as: officer })).status).toBe(
      404,
    );
  });

  it('completes on the deadline day on time, after it late; counts late per office as seed 000', async () => {
    t.setTime('10/01/2023 23:59');
    const current = await ok<{ task: TaskBody }>('GET', `/units/SNV/tasks/${legal.id}`, officer);
    const stale = await call('POST', `/units/SNV/tasks/${legal.id}/complete`, staff, {
      version: 1,
    });
    expect(stale.status).toBe(409);
    const done = await ok<TaskBody>('POST', `/units/SNV/tasks/${legal.id}/complete`, staff, {
      version: current.task.version,
    });
    expect(done).toMatchObject({ status: 'doneOnTime', statusLabel: 'Hoàn thành đúng hạn' });
    t.setTime('13/01/2023 00:00');
    const list = await ok<ListBody>('GET', '/units/SNV/tasks', officer);
    expect(list.tasks.find((task) => task.id === office.id)).toMatchObject({
      status: 'overdue',
      daysLabel: 'quá hạn 1 ngày',
    });
    expect(list.lateSentence).toBe('01 nội dung công việc quá hạn (Văn phòng Sở: 01)');
    const reopened = await ok<TaskBody>('POST', `/units/SNV/tasks/${legal.id}/reopen`, officer, {
      version: done.version,
    });
    expect(reopened.status).toBe('overdue');
    expect(
      (
        await call('POST', `/units/SNV/tasks/${legal.id}/reopen`, staff, {
          version: reopened.version,
        })
      ).status,
    ).toBe(403);
    const late = await ok<TaskBody>('POST', `/units/SNV/tasks/${legal.id}/complete`, officer, {
      version: reopened.version,
    });
    expect(late).toMatchObject({ status: 'doneLate', daysLabel: 'hoàn thành trễ 3 ngày' });
    const after = await ok<ListBody>('GET', '/units/SNV/tasks?late=true', officer);
    expect(after.tasks).toHaveLength(2);
    expect(after.lateSentence).toBe(
      '02 nội dung công việc quá hạn (Phòng Pháp chế: 01 và Văn phòng Sở: 01)',
    );
    const calendar = await ok<{ tasks: TaskBody[] }>(
      'GET',
      '/units/SNV/tasks/calendar?month=2023-01',
      officer,
    );
    expect(calendar.tasks.map((task) => task.id)).toEqual([legal.id, office.id]);
  });

  it('lets the administrator dispatch to several units at once, and import a dispatch all or nothing', async () => {
    const dispatched = await ok<{ dispatchId: string; tasks: { unitId: string }[] }>(
      'POST',
      '/task-dispatches',
      admin,
      {
        authority: 'UBND tỉnh',
        documentNumber: '1763/UBND-NC',
        documentDate: '31/05/2022',
        tasks: [
          {
            title: 'Nâng cao chỉ số SIPAS',
            target: 'SIPAS trên 95 %',
            deadline: '20/01/2023',
            assignments: [
              { unitId: 'SNV', leadOfficeId: w.ids.officeSNV },
              { unitId: 'SYT', leadOfficeId: officeSYT },
            ],
          },
        ],
      },
    );
    expect(dispatched.tasks.map((task) => task.unitId)).toEqual(['SNV', 'SYT']);
    expect(
      (
        await call('POST', '/task-dispatches', officer, {
          authority: 'UBND tỉnh',
          tasks: [{ title: 'x', deadline: '20/01/2023', assignments: [{ unitId: 'SNV' }] }],
        })
      ).status,
    ).toBe(403);
    const header = [
      'Nội dung nhiệm vụ',
      'Đơn vị thực hiện',
      'Phòng/ban chủ trì',
      'Phối hợp',
      'Thời hạn',
      'Văn bản giao',
    ];
    const bad = toCsv([
      header,
      [
        'Công khai TTHC',
        'SNV',
        'Phòng Pháp chế',
        'Văn phòng Sở',
        '30/01/2023',
        '1138/UBND-NC ngày 08/06/2022',
      ],
      ['Báo cáo quý', 'Sở Y tế', 'Văn phòng Sở', null, '30/01/2023', null],
    ]);
    const query = `?authority=${encodeURIComponent('UBND tỉnh')}`;
    // The import runs as a job (decision 0043): 202, then the job's answer or its problems.
    const dispatch = async (at: string, content: string) => {
      const { upload: queued, job } = await importAndWait(
        t,
        `/api/task-dispatches/import${at}`,
        { name: 'giao-nhiem-vu.csv', content },
        admin,
      );
      expect(queued.status).toBe(202);
      return job!;
    };
    const refused = await dispatch(query, bad);
    expect(refused).toMatchObject({ kind: 'taskDispatch', state: 'failed', result: null });
    expect(refused.problems?.issues).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'C',
        message: 'Sở Y tế không có phòng, ban "Văn phòng Sở"',
      }),
    ]);
    const before = await ok<ListBody>('GET', '/units/SNV/tasks', officer);
    const good = bad.replace('Văn phòng Sở;;30', 'Phòng Pháp chế;;30');
    const tooLong = await dispatch(query, good.replace('Báo cáo quý', 'b'.repeat(1001)));
    expect(tooLong.state).toBe('failed');
    expect(tooLong.problems?.issues).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'A',
        message: 'dài 1.001 ký tự, tối đa 1.000 ký tự',
      }),
    ]);
    const preview = await dispatch(`${query}&preview=true`, good);
    expect(preview.state).toBe('succeeded');
    expect(preview.result).toMatchObject({ dispatchId: null, preview: true });
    expect((await ok<ListBody>('GET', '/units/SNV/tasks', officer)).tasks).toHaveLength(
      before.tasks.length,
    );
    const imported = await dispatch(query, good);
    expect(imported.state).toBe('succeeded');
    expect(
      (
        imported.result as {
          tasks: { row: number; unitName: string; documentText: string | null }[];
        }
      ).tasks,
    ).toEqual([
      expect.objectContaining({
        row: 2,
        unitName: 'Sở Nội vụ',
        documentText: '1138/UBND-NC ngày 08/06/2022',
      }),
      expect.objectContaining({ row: 3, unitName: 'Sở Y tế', documentText: null }),
    ]);
    expect((await ok<ListBody>('GET', '/units/SNV/tasks', staff)).tasks).toHaveLength(3);
  });

  it("gives the province every unit's counts, and no one else", async () => {
    const overview = await ok<{
      units: { unitId: string; counts: { total: number; late: number } }[];
    }>('GET', '/tasks/overview', w.sessions.hd1!);
    expect(overview.units.find((u) => u.unitId === 'SNV')?.counts).toMatchObject({
      total: 4,
      late: 2,
    });
    expect(overview.units.find((u) => u.unitId === 'SYT')?.counts).toMatchObject({
      total: 2,
      late: 0,
    });
    expect(overview.units.find((u) => u.unitId === 'H01')?.counts.total).toBe(0);
    expect((await call('GET', '/tasks/overview', officer)).status).toBe(403);
  });
});
