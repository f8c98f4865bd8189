import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castOf, importFramework, ok, SXD_CSV, type Cast } from './test-support/cycle.js';
import { DATABASE_KINDS, startTestApp, type TestApp } from './test-support/test-app.js';
import { WINDOWS } from './test-support/world.js';

interface EntryView {
  code: string;
  version: number;
  appraisal: { kind: string | null; disputed: boolean; comment: string | null } | null;
}
interface ResultNode {
  code: string;
  status: string;
  points: number;
  explanation: string | null;
}

describe.each(DATABASE_KINDS)("the appraiser's decisions on a leaf (%s)", (kind) => {
  let t: TestApp;
  let cast: Cast;
  let base = '';
  const assessment = async (as = cast.appraiser) =>
    (await ok(t, 'GET', `${base}/assessment`, { as })) as unknown as {
      entries: EntryView[];
      appraised: { nodes: ResultNode[]; points: number; maxPoints: number } | null;
    };
  const versionOf = async (code: string) =>
    (await assessment()).entries.find((e) => e.code === code)?.version ?? 0;
  const appraise = async (code: string, body: Record<string, unknown>) =>
    t.request('PUT', `${base}/entries/${code}/appraisal`, {
      as: cast.appraiser,
      body: { ...body, version: await versionOf(code) },
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await castOf(t, ['SXD'], { SXD: 'Sở Xây dựng' });
    const frameworkId = await importFramework(t, cast.admin, SXD_CSV);
    t.setTime('26/12/2022 09:00');
    const period = await ok(t, 'POST', '/api/periods', {
      as: cast.admin,
      body: { name: 'Kỳ thử', year: 2022, frameworks: { so: frameworkId }, windows: WINDOWS },
    });
    base = `/api/periods/${String(period.id)}/units/SXD`;
    await ok(t, 'PUT', `${base}/appraisers`, {
      as: cast.admin,
      body: { appraiserIds: [cast.appraiserId] },
    });
    for (const [code, facts] of Object.entries({
      '1.1': { points: '45,5' },
      '6.1': { points: '45,41' },
      '6.2': { notApplicable: true },
    })) {
      await ok(t, 'PUT', `${base}/entries/${code}`, {
        as: cast.officers.SXD,
        body: { facts, explanation: 'Theo hồ sơ lưu tại đơn vị', version: 0 },
      });
    }
    await ok(t, 'POST', `${base}/submit`, { as: cast.heads.SXD });
    t.setTime('12/01/2023 09:00');
  }, 120_000);
  afterAll(async () => t.close());

  it('wants a reason wherever the outcome differs from the unit’s, and names the field', async () => {
    const r = await appraise('6.2', { facts: { passed: false } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      error: {
        issues: [
          {
            path: 'comment',
            message:
              'Kết quả thẩm định tiêu chí 6.2 khác kết quả đơn vị tự đánh giá: hãy ghi lý do vào ô Nhận xét',
          },
        ],
      },
    });
    const twice = await appraise('6.2', { points: '1', outcome: 'missing', comment: 'x' });
    expect(twice.status).toBe(400);
  });

  it('overturns a not-applicable claim with a reason: the 3 points return to the max', async () => {
    const r = await appraise('6.2', {
      facts: { passed: false },
      comment: 'Đơn vị có Trung tâm Quy hoạch xây dựng là đơn vị sự nghiệp công lập',
    });
    expect(r.status).toBe(200);
    const a = await assessment();
    expect(a.entries.find((e) => e.code === '6.2')?.appraisal).toMatchObject({
      kind: 'facts',
      disputed: true,
    });
    expect(a.appraised).toMatchObject({ points: 90.91, maxPoints: 100 });
  });

  it('confirms it again by accepting the unit’s outcome: not applicable, no reason needed', async () => {
    const r = await appraise('6.2', { outcome: 'accepted', comment: null });
    expect(r.status).toBe(200);
    const a = await assessment();
    expect(a.entries.find((e) => e.code === '6.2')?.appraisal).toMatchObject({
      kind: 'accepted',
      disputed: false,
    });
    expect(a.appraised?.nodes.find((n) => n.code === '6.2')).toMatchObject({
      status: 'notApplicable',
    });
    expect(a.appraised).toMatchObject({ points: 90.91, maxPoints: 97 });
  });

  it('says why a leaf scores nothing, or is set outright', async () => {
    expect(
      (await appraise('1.1', { outcome: 'missing', comment: 'Không có tài liệu kiểm chứng' }))
        .status,
    ).toBe(200);
    expect(
      (await appraise('6.1', { points: '40', comment: 'Thiếu quyết định giao dự toán' })).status,
    ).toBe(200);
    const nodes = (await assessment()).appraised?.nodes ?? [];
    expect(nodes.find((n) => n.code === '1.1')).toMatchObject({
      status: 'missing',
      points: 0,
      explanation: 'Thẩm định không tính điểm: Không có tài liệu kiểm chứng',
    });
    expect(nodes.find((n) => n.code === '6.1')).toMatchObject({
      explanation: 'Thẩm định 40/47: Thiếu quyết định giao dự toán',
    });
  });

  it('decides again after a supplement: the unit’s new figures clear the old decision', async () => {
    expect(
      (
        await appraise('6.1', {
          supplementDeadline: '14/01/2023 17:00',
          supplementNote: 'Bổ sung quyết định giao dự toán',
        })
      ).status,
    ).toBe(200);
    const officerVersion = async () =>
      (await assessment(cast.officers.SXD)).entries.find((e) => e.code === '6.1')?.version;
    // A sentence added, the figures unchanged: the decision stands.
    await ok(t, 'PUT', `${base}/entries/6.1`, {
      as: cast.officers.SXD,
      body: {
        explanation: 'Bổ sung quyết định giao dự toán số 12/QĐ-SXD',
        version: await officerVersion(),
      },
    });
    expect((await assessment()).entries.find((e) => e.code === '6.1')?.appraisal).toMatchObject({
      kind: 'points',
    });
    await ok(t, 'PUT', `${base}/entries/6.1`, {
      as: cast.officers.SXD,
      body: { facts: { points: '46' }, version: await officerVersion() },
    });
    expect((await assessment()).entries.find((e) => e.code === '6.1')?.appraisal).toMatchObject({
      kind: null,
      comment: null,
    });
    t.setTime('15/01/2023 09:00');
    expect(await ok(t, 'POST', `${base}/finalise`, { as: cast.appraiser })).toEqual({
      status: 'appraised',
      accepted: 1,
    });
    const a = await assessment();
    expect(a.appraised?.nodes.find((n) => n.code === '6.1')).toMatchObject({ points: 46 });
    const history = await ok(
      t,
      'GET',
      `/api/audit?entityType=entry&entityId=${base.replace('/api/periods/', '').replace('/units', '')}/6.1`,
      {
        as: cast.admin,
      },
    );
    expect((history as unknown as { entries: { action: string }[] }).entries[0]).toMatchObject({
      action: 'entry.accept',
    });
  });
});
