import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, multipart, startTestApp, type TestApp } from './test-support/test-app.js';
import { PDF, seedWorld, type World } from './test-support/world.js';

interface ErrorBody {
  error: { code: string; message: string; details: string[] };
}
const errorOf = (body: unknown) => (body as ErrorBody).error;

describe.each(DATABASE_KINDS)('the whole cycle through HTTP (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  const unit = (id: string) => `/api/periods/${w.periodId}/units/${id}`;
  const entry = (id: string, code: string) => `${unit(id)}/entries/${code}`;
  const versionOf = async (id: string, code: string, as = w.sessions['cb.snv']) => {
    const r = await t.request('GET', `${unit(id)}/assessment`, { as });
    const entries = (r.body as { entries: { code: string; version: number }[] }).entries;
    return entries.find((e) => e.code === code)?.version ?? 0;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
  }, 60_000);
  afterAll(async () => t.close());

  it('lets the officer fill three leaves with evidence inside the window', async () => {
    t.setTime('05/01/2023 09:00');
    const officer = w.sessions['cb.snv'];
    let r = await t.request('PUT', entry('SNV', '1.1'), {
      as: officer,
      body: { facts: { completedOn: '20/01/2022' }, version: 0 },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ selfPoints: '1.000000', version: 1 });
    r = await t.request('PUT', entry('SNV', '3.1'), {
      as: officer,
      body: { facts: { numerator: 574, denominator: 596 }, version: 0 },
    });
    expect(r.body).toMatchObject({ selfPoints: '0.950000' });
    r = await t.request('PUT', entry('SNV', '3.2'), {
      as: officer,
      body: { points: '1,75', explanation: 'Đã công khai 95% TTHC', version: 0 },
    });
    expect(r.body).toMatchObject({ selfPoints: '1.750000' });

    const file = multipart('ke-hoach-cchc-2022.pdf', PDF);
    r = await t.request('POST', `${unit('SNV')}/evidence`, {
      as: officer,
      payload: file.payload,
      headers: file.headers,
    });
    expect(r.status).toBe(201);
    const evidenceId = (r.body as { evidence: { id: string } }).evidence.id;
    r = await t.request('PUT', `${entry('SNV', '1.1')}/evidence`, {
      as: officer,
      body: { evidenceId, pageRef: 'trang 2, mục II' },
    });
    expect(r.status).toBe(200);

    r = await t.request('GET', `${unit('SNV')}/assessment`, { as: officer });
    const assessment = r.body as {
      self: { points: number; maxPoints: number };
      progress: { code: string; filled: number; leaves: number }[];
      entries: { code: string; evidence: { pageRef: string }[] }[];
      submissionProblems: { code: string }[];
    };
    expect(assessment.self).toMatchObject({ points: 3.7, maxPoints: 10 });
    expect(assessment.progress).toEqual([
      { code: '1', title: 'Công tác chỉ đạo, điều hành CCHC', leaves: 3, filled: 1 },
      { code: '3', title: 'Cải cách thủ tục hành chính', leaves: 2, filled: 2 },
      { code: '7', title: 'Chính quyền điện tử, chính quyền số', leaves: 1, filled: 0 },
    ]);
    expect(assessment.entries.find((e) => e.code === '1.1')?.evidence).toEqual([
      { evidenceId, pageRef: 'trang 2, mục II' },
    ]);
    expect(assessment.submissionProblems.map((p) => p.code)).toEqual(['3.1']);
  });

  it('blocks submission while a scored leaf has neither evidence nor explanation, and lets only the head submit', async () => {
    let r = await t.request('POST', `${unit('SNV')}/submit`, { as: w.sessions['cb.snv'] });
    expect(r.status).toBe(403);
    r = await t.request('POST', `${unit('SNV')}/submit`, { as: w.sessions['tt.snv'] });
    expect(r.status).toBe(400);
    expect(errorOf(r.body).details).toEqual([
      '3.1: tiêu chí 3.1 có điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình',
    ]);
    r = await t.request('PUT', entry('SNV', '3.1'), {
      as: w.sessions['cb.snv'],
      body: {
        explanation: 'Số liệu trích từ Hệ thống thông tin giải quyết TTHC tỉnh',
        version: await versionOf('SNV', '3.1'),
      },
    });
    expect(r.status).toBe(200);
    r = await t.request('POST', `${unit('SNV')}/submit`, { as: w.sessions['tt.snv'] });
    expect(r.status).toBe(200);
    r = await t.request('POST', `${unit('SYT')}/submit`, { as: w.sessions['tt.syt'] });
    expect(r.status).toBe(200);
  });

  it('locks entries after submission', async () => {
    const r = await t.request('PUT', entry('SNV', '1.2'), {
      as: w.sessions['cb.snv'],
      body: { facts: { onTime: 4 }, version: 0 },
    });
    expect(r.status).toBe(409);
    expect(errorOf(r.body).message).toBe(
      'Đơn vị đã gửi kết quả tự đánh giá; chỉ sửa được tiêu chí Tổ thẩm định yêu cầu bổ sung',
    );
  });

  it('lets the assigned appraiser appraise, send a leaf back for supplement, and finalise the first round', async () => {
    t.setTime('12/01/2023 08:00');
    const appraiser = w.sessions.td1;
    let r = await t.request('PUT', `${entry('SNV', '3.2')}/appraisal`, {
      as: appraiser,
      body: {
        points: '1,25',
        comment: 'Chưa công khai trên Cổng dịch vụ công',
        version: await versionOf('SNV', '3.2', appraiser),
      },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ appraisedPoints: '1.250000' });
    r = await t.request('PUT', `${entry('SNV', '1.1')}/appraisal`, {
      as: appraiser,
      body: {
        supplementDeadline: '14/01/2023 17:00',
        supplementNote: 'Bổ sung quyết định ban hành kế hoạch',
        version: await versionOf('SNV', '1.1', appraiser),
      },
    });
    expect(r.status).toBe(200);
    r = await t.request('PUT', `${entry('SNV', '3.2')}/appraisal`, {
      as: w.sessions.td2,
      body: { points: 1, version: 2 },
    });
    expect(r.status).toBe(403);
  });

  it('lets the unit supplement the leaf sent back until its deadline, and no other', async () => {
    const officer = w.sessions['cb.snv'];
    let r = await t.request('PUT', entry('SNV', '1.1'), {
      as: officer,
      body: { facts: { completedOn: '30/01/2022' }, version: await versionOf('SNV', '1.1') },
    });
    expect(r.status).toBe(200);
    r = await t.request('PUT', entry('SNV', '1.3'), {
      as: officer,
      body: { facts: { count: 1 }, version: 0 },
    });
    expect(r.status).toBe(409);
    t.setTime('14/01/2023 17:00');
    r = await t.request('PUT', entry('SNV', '1.1'), {
      as: officer,
      body: { facts: { completedOn: '30/01/2022' }, version: await versionOf('SNV', '1.1') },
    });
    expect(r.status).toBe(409);
    expect(errorOf(r.body)).toMatchObject({
      code: 'WINDOW_CLOSED',
      message: 'Hạn bổ sung tiêu chí 1.1 đã hết lúc 14/01/2023 17:00',
    });
    t.setTime('15/01/2023 09:00');
    r = await t.request('POST', `${unit('SNV')}/finalise`, { as: w.sessions.td1 });
    // 1.1 (supplemented) and 3.1 were left undecided and are accepted as assessed; 3.2 was not.
    expect(r.body).toEqual({ status: 'appraised', accepted: 2 });
    r = await t.request('POST', `${unit('SYT')}/finalise`, { as: w.sessions.td2 });
    expect(r.body).toMatchObject({ status: 'appraised' });
  });

  it('shows the unit its appraised points and takes its explanation on a disputed leaf only', async () => {
    t.setTime('18/01/2023 10:00');
    const officer = w.sessions['cb.snv'];
    let r = await t.request('GET', `${unit('SNV')}/assessment`, { as: officer });
    const assessment = r.body as {
      entries: { code: string; appraisal: { points: string; disputed: boolean } | null }[];
      appraised: { points: number };
    };
    expect(assessment.entries.find((e) => e.code === '3.2')?.appraisal).toMatchObject({
      points: '1.250000',
      disputed: true,
    });
    expect(assessment.appraised.points).toBe(3.2);
    r = await t.request('PUT', `${entry('SNV', '3.2')}/response`, {
      as: officer,
      body: {
        response: 'Đã công khai trên Cổng từ 15/12/2022, xem ảnh chụp màn hình kèm theo',
        version: await versionOf('SNV', '3.2'),
      },
    });
    expect(r.status).toBe(200);
    r = await t.request('PUT', `${entry('SNV', '3.1')}/response`, {
      as: officer,
      body: { response: 'Không đồng ý', version: await versionOf('SNV', '3.1') },
    });
    expect(r.status).toBe(409);
  });

  it('lets the appraiser decide again and finalise', async () => {
    const appraiser = w.sessions.td1;
    let r = await t.request('PUT', `${entry('SNV', '3.2')}/appraisal`, {
      as: appraiser,
      body: {
        points: '1,75',
        comment: 'Chấp nhận giải trình',
        version: await versionOf('SNV', '3.2', appraiser),
      },
    });
    expect(r.status).toBe(200);
    r = await t.request('POST', `${unit('SNV')}/finalise`, { as: appraiser });
    expect(r.body).toEqual({ status: 'finalised', accepted: 0 });
    r = await t.request('POST', `${unit('SYT')}/finalise`, { as: w.sessions.td2 });
    expect(r.body).toEqual({ status: 'finalised', accepted: 0 });
  });

  it('keeps the results from viewers until publication, lets the council approve, then publishes', async () => {
    t.setTime('25/01/2023 14:00');
    let r = await t.request('GET', `/api/periods/${w.periodId}/results`, { as: w.sessions.xem });
    expect(r.status).toBe(403);
    r = await t.request('GET', `/api/periods/${w.periodId}/results`);
    expect(r.status).toBe(401);
    r = await t.request('GET', `/api/periods/${w.periodId}/results`, { as: w.sessions.hd1 });
    expect(r.status).toBe(200);
    r = await t.request('POST', `/api/periods/${w.periodId}/publish`, { as: w.sessions.admin });
    expect(errorOf(r.body).message).toBe('Hội đồng chưa thông qua kết quả');
    r = await t.request('POST', `/api/periods/${w.periodId}/approve`, {
      as: w.sessions.hd1,
      body: { decisionNumber: '27/QĐ-HĐ', decisionDate: '2023-01-25' },
    });
    expect(r.status).toBe(200);
    r = await t.request('POST', `/api/periods/${w.periodId}/publish`, { as: w.sessions.admin });
    expect(r.status).toBe(409);
    expect(errorOf(r.body).code).toBe('WINDOW_CLOSED');
    t.setTime('02/02/2023 08:00');
    r = await t.request('POST', `/api/periods/${w.periodId}/publish`, { as: w.sessions.admin });
    expect(r.status).toBe(200);
  });

  it('shows the published ranking to everyone, with the framework used, and as Excel', async () => {
    let r = await t.request('GET', `/api/periods/${w.periodId}/results`);
    expect(r.status).toBe(200);
    const results = r.body as {
      published: boolean;
      period: { councilDecisionNumber: string };
      groups: {
        unitType: string;
        framework: { nodes: unknown[] };
        results: { units: { id: string; points: number; rank: number }[] };
      }[];
    };
    expect(results.published).toBe(true);
    expect(results.period.councilDecisionNumber).toBe('27/QĐ-HĐ');
    expect(results.groups).toHaveLength(1);
    expect(results.groups[0]?.framework.nodes).toHaveLength(9);
    // 1.1 on time after the supplement (1) + 3.1 (0,95) + 3.2 (1,75): 3,7 for Sở Nội vụ; Sở Y tế entered nothing.
    expect(results.groups[0]?.results.units.map((u) => [u.id, u.points, u.rank])).toEqual([
      ['SNV', 3.7, 1],
      ['SYT', 0, 2],
    ]);
    r = await t.request('GET', `/api/periods/${w.periodId}/results.xlsx`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.raw.subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps the history of a leaf: saves, appraisals, the answer', async () => {
    const r = await t.request('GET', `${entry('SNV', '3.2')}/history`, {
      as: w.sessions['cb.snv'],
    });
    const history = r.body as { action: string; actor: string }[];
    expect(history.map((h) => h.action)).toEqual([
      'entry.reappraise',
      'entry.respond',
      'entry.appraise',
      'entry.self.save',
    ]);
    expect(history[0]?.actor).toBe('Người dùng td1 (td1)');
  });

  it('refuses changes once published', async () => {
    const r = await t.request('PUT', `${entry('SNV', '3.2')}/appraisal`, {
      as: w.sessions.td1,
      body: { points: 2, version: 5 },
    });
    expect(r.status).toBe(409);
  });
});
