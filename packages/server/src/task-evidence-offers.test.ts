import type { Assessment } from '@chiso/contract';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from './demo/pdf.js';
import { auditLog, evidenceFiles } from './db/schema.js';
import {
  DATABASE_KINDS,
  multipart,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { PDF, seedWorld, type World } from './test-support/world.js';

interface ErrorBody {
  error: { code: string; message: string };
}

// Issue 10, item 6 (decision 0020): a finished task's files are offered to the next
// self-assessment of the leaves it serves, and linked without uploading again.
describe.each(DATABASE_KINDS)("a finished task's evidence in the self-assessment (%s)", (kind) => {
  let t: TestApp;
  let w: World;
  let officer: Session;
  const ids: Record<string, string> = {};
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, as: Session, body?: unknown) =>
    t.request(method, `/api${url}`, { as, ...(body === undefined ? {} : { body }) });
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
  // Sessions end after a while idle: each jump of the clock signs in again.
  const at = async (vietnamTime: string) => {
    t.setTime(vietnamTime);
    officer = await t.login('cb.snv');
    w.sessions['cb.syt'] = await t.login('cb.syt');
    w.sessions.td1 = await t.login('td1');
    w.sessions.td2 = await t.login('td2');
    w.sessions['cb.phong'] = await t.login('cb.phong');
  };
  const assessment = (unitId: string, as: Session) =>
    ok<Assessment>('GET', `/periods/${w.periodId}/units/${unitId}/assessment`, as);
  const entry = (body: Assessment, code: string) => body.entries.find((e) => e.code === code)!;
  const link = (unitId: string, code: string, as: Session, evidenceId: string, remove = false) =>
    call('PUT', `/periods/${w.periodId}/units/${unitId}/entries/${code}/evidence`, as, {
      evidenceId,
      remove,
    });

  /** A task of a unit serving these codes, with one report carrying one file. */
  const task = async (
    unitId: string,
    as: Session,
    title: string,
    codes: string[],
    fileName: string,
    content: Buffer,
  ) => {
    const created = await ok<{ id: string }>('POST', `/units/${unitId}/tasks`, as, {
      title,
      leadOfficeId: ids[`office${unitId}`],
      frameworkId: w.frameworkId,
      codes,
      deadline: '20/12/2022',
      documentNumber: '1138/UBND-NC',
      documentDate: '08/06/2022',
    });
    const file = multipart(fileName, content);
    const uploaded = await t.request('POST', `/api/units/${unitId}/tasks/${created.id}/evidence`, {
      as,
      payload: file.payload,
      headers: file.headers,
    });
    const evidenceId = (uploaded.body as { evidence: { id: string } }).evidence.id;
    await ok('POST', `/units/${unitId}/tasks/${created.id}/reports`, as, {
      text: 'Đã ban hành kế hoạch',
      percent: 100,
      evidenceIds: [evidenceId],
    });
    return { taskId: created.id, evidenceId };
  };
  const complete = async (unitId: string, taskId: string, as: Session) => {
    const current = await ok<{ task: { version: number } }>(
      'GET',
      `/units/${unitId}/tasks/${taskId}`,
      as,
    );
    await ok('POST', `/units/${unitId}/tasks/${taskId}/complete`, as, {
      version: current.task.version,
    });
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    await at('01/12/2022 09:00');
    ids.officeSNV = w.ids.officeSNV!;
    ids.officeSYT = (
      await ok<{ id: string }>('POST', '/units/SYT/offices', w.sessions.admin!, {
        name: 'Văn phòng Sở',
      })
    ).id;
    const done = await task(
      'SNV',
      officer,
      'Ban hành kế hoạch CCHC năm',
      ['1.1'],
      'ke-hoach.pdf',
      PDF,
    );
    const open = await task(
      'SNV',
      officer,
      'Báo cáo CCHC quý IV',
      ['1.1'],
      'bao-cao-quy.pdf',
      samplePdf(['Báo cáo quý IV']),
    );
    const other = await task(
      'SYT',
      w.sessions['cb.syt']!,
      'Kế hoạch CCHC của Sở Y tế',
      ['1.1'],
      'ke-hoach-syt.pdf',
      samplePdf(['Kế hoạch Sở Y tế']),
    );
    Object.assign(ids, {
      doneTask: done.taskId,
      done: done.evidenceId,
      open: open.evidenceId,
      other: other.evidenceId,
    });
    await at('15/12/2022 10:00');
    await complete('SNV', done.taskId, officer);
    await complete('SYT', other.taskId, w.sessions['cb.syt']!);
    await at('26/12/2022 09:00');
  }, 120_000);
  afterAll(async () => t.close());

  it('offers the finished task’s file on the leaf it serves, with the task, not the open one’s', async () => {
    const body = await assessment('SNV', officer);
    const offered = entry(body, '1.1').taskEvidence;
    expect(offered.map((o) => [o.evidence.id, o.evidence.fileName])).toEqual([
      [ids.done, 'ke-hoach.pdf'],
    ]);
    expect(offered).toEqual([
      {
        evidence: offered[0]?.evidence,
        attached: false,
        tasks: [
          {
            id: ids.doneTask,
            title: 'Ban hành kế hoạch CCHC năm',
            documentText: '1138/UBND-NC ngày 08/06/2022',
            completedAt: '2022-12-15T03:00:00.000Z',
            statusLabel: 'Hoàn thành đúng hạn',
          },
        ],
      },
    ]);
    expect(entry(body, '1.2').taskEvidence).toEqual([]);
    // The task's file is no period's upload: it is not in the library of the period's files.
    expect(body.evidence.map((e) => e.id)).not.toContain(ids.done);
    // Another unit is never offered it; an appraiser is offered nothing.
    const syt = await assessment('SYT', w.sessions['cb.syt']!);
    expect(entry(syt, '1.1').taskEvidence.map((o) => o.evidence.fileName)).toEqual([
      'ke-hoach-syt.pdf',
    ]);
    expect(entry(await assessment('SNV', w.sessions.td1!), '1.1').taskEvidence).toEqual([]);
  });

  it('refuses another unit’s file, an open task’s file, a leaf the task does not serve, an office’s staff', async () => {
    const foreign = await link('SNV', '1.1', officer, ids.other!);
    expect(foreign.status).toBe(404);
    const theirs = await link('SYT', '1.1', w.sessions['cb.syt']!, ids.done!);
    expect(theirs.status).toBe(404);
    const open = await link('SNV', '1.1', officer, ids.open!);
    expect(open.status).toBe(404);
    expect((open.body as ErrorBody).error.message).toBe(
      'Tài liệu "bao-cao-quy.pdf" không thuộc nhiệm vụ đã hoàn thành nào phục vụ tiêu chí 1.1',
    );
    expect((await link('SNV', '1.2', officer, ids.done!)).status).toBe(404);
    expect((await link('SNV', '1.1', w.sessions['cb.phong']!, ids.done!)).status).toBe(403);
  });

  it('links it to the leaf without uploading again, audited, and lets the assessment’s readers download it', async () => {
    const before = await t.deps.db.select().from(evidenceFiles);
    expect((await link('SNV', '1.1', officer, ids.done!)).status).toBe(200);
    expect(await t.deps.db.select().from(evidenceFiles)).toHaveLength(before.length);
    const body = await assessment('SNV', officer);
    expect(entry(body, '1.1').evidence).toEqual([{ evidenceId: ids.done, pageRef: null }]);
    expect(entry(body, '1.1').taskEvidence[0]?.attached).toBe(true);
    expect(body.taskEvidence.map((e) => e.fileName)).toEqual(['ke-hoach.pdf']);
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'evidence.link'), eq(auditLog.unitId, 'SNV')));
    expect(audit?.after).toMatchObject({
      evidenceId: ids.done,
      fileName: 'ke-hoach.pdf',
      fromTask: { id: ids.doneTask, title: 'Ban hành kế hoạch CCHC năm' },
    });
    // Its period is null, yet it opens through the assessment's route for those who read it.
    const download = (as: Session) => t.request('GET', `/api/evidence/${ids.done}`, { as });
    const got = await download(officer);
    expect(got.status).toBe(200);
    expect(got.headers['content-disposition']).toContain('ke-hoach.pdf');
    expect((await download(w.sessions.td1!)).status).toBe(200);
    expect((await download(w.sessions.hd1!)).status).toBe(200);
    expect((await download(w.sessions.td2!)).status).toBe(403);
    expect((await download(w.sessions['cb.syt']!)).status).toBe(403);
    // A task file linked nowhere still opens only through its task.
    expect((await t.request('GET', `/api/evidence/${ids.open}`, { as: officer })).status).toBe(404);
  });

  it('detaches it from the leaf without touching the task’s own file', async () => {
    expect((await link('SNV', '1.1', officer, ids.done!, true)).status).toBe(200);
    const body = await assessment('SNV', officer);
    expect(entry(body, '1.1').evidence).toEqual([]);
    expect(entry(body, '1.1').taskEvidence[0]?.attached).toBe(false);
    expect(body.taskEvidence).toEqual([]);
    const fromTask = await t.request(
      'GET',
      `/api/units/SNV/tasks/${ids.doneTask}/evidence/${ids.done}`,
      { as: officer },
    );
    expect(fromTask.status).toBe(200);
    expect((await t.request('GET', `/api/evidence/${ids.done}`, { as: officer })).status).toBe(404);
  });

  it('refuses to attach once the unit may no longer edit its self-assessment', async () => {
    await at('12/01/2023 09:00');
    const closed = await link('SNV', '1.1', officer, ids.done!);
    expect(closed.status).toBe(409);
    expect((closed.body as ErrorBody).error.code).toBe('WINDOW_CLOSED');
  });
});
