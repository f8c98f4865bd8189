import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from './db/schema.js';
import {
  DATABASE_KINDS,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';
import { importedFramework } from './test-support/import-jobs.js';

interface ErrorBody {
  error: { code: string; message: string; details: string[] };
}
const errorOf = (body: unknown) => (body as ErrorBody).error;

interface FrameworkBody {
  id: string;
  name: string;
  year: number;
  review: {
    status: string;
    copy: {
      dates: { code: string; field: string; from: string; to: string }[];
      checks: { code: string; field: string; kind: string; found: string }[];
    } | null;
  };
  nodes: { code: string; ruleText: string | null }[];
}
interface Previous {
  year: number;
  points: string | null;
  maxPoints: string | null;
  status: string;
  kind: string;
  fromCodes: string[];
}
interface AssessmentBody {
  previousSource: { year: number; unitId: string } | null;
  entries: { code: string; previous: Previous | null }[];
}

/** The issue's example: a departments' framework for 2026 with its deadline in the rule and the text. */
const FRAMEWORK_2026 = toCsv([
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm', 'Tài liệu kiểm chứng', 'Hướng dẫn'],
  ['1', 'Công tác chỉ đạo, điều hành CCHC', '2', null, null, null],
  [
    '1.1',
    'Ban hành kế hoạch CCHC năm',
    '1',
    '{"kind":"timeliness","deadline":"2026-01-31","latePoints":"0,5"}',
    'Kế hoạch CCHC năm 2026',
    'Ban hành trước 31/01/2026: đủ điểm; ban hành chậm: 0,5 điểm.',
  ],
  ['1.2', 'Báo cáo CCHC định kỳ', '1', '{"kind":"countOnTime","required":4}', null, null],
]);

/** 2023 with area 3's two leaves merged into one (3.1, max 3). */
const FRAMEWORK_2023_MERGED = toCsv([
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
  ['1', 'Công tác chỉ đạo, điều hành CCHC', '4', null],
  ['1.1', 'Ban hành kế hoạch CCHC năm', '1', null],
  ['1.2', 'Báo cáo CCHC định kỳ', '1', null],
  ['1.3', 'Sáng kiến CCHC được công nhận', '2', null],
  ['3', 'Cải cách thủ tục hành chính', '3', null],
  ['3.1', 'Giải quyết và công khai thủ tục hành chính', '3', '{"kind":"manual"}'],
  ['7', 'Chính quyền điện tử, chính quyền số', '3', null],
  ['7.1', 'Hồ sơ trực tuyến toàn trình', '3', null],
]);

const windowsOf = (year: number) => ({
  selfAssessment: { opensAt: `25/12/${year} 00:00`, closesAt: `10/01/${year + 1} 24:00` },
  appraisal: { opensAt: `11/01/${year + 1} 00:00`, closesAt: `16/01/${year + 1} 24:00` },
  explanation: { opensAt: `17/01/${year + 1} 00:00`, closesAt: `20/01/${year + 1} 24:00` },
  council: { opensAt: `21/01/${year + 1} 00:00`, closesAt: `31/01/${year + 1} 24:00` },
  publication: { opensAt: `01/02/${year + 1} 00:00`, closesAt: `31/12/${year + 1} 24:00` },
});

describe.each(DATABASE_KINDS)('copying a framework to a new year (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let admin: Session;
  const send = async (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: unknown,
    as: Session = admin,
  ) => t.request(method, `/api${url}`, { as, ...(body === undefined ? {} : { body }) });
  const ok = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => {
    const r = await send(method, url, body);
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as T;
  };
  const importFramework = async (name: string, year: number, csv: string) => {
    const query = new URLSearchParams({ name, year: String(year), unitType: 'so' });
    return importedFramework<FrameworkBody>(
      t,
      query.toString(),
      { name: `${name}.csv`, content: csv },
      admin,
    );
  };
  const audited = async (entityId: string) =>
    (
      await t.deps.db
        .select({ action: auditLog.action, actorId: auditLog.actorId })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'framework'), eq(auditLog.entityId, entityId)))
    ).map((a) => a.action);

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    admin = w.sessions.admin!;
  }, 60_000);
  afterAll(async () => t.close());

  let copy2027: FrameworkBody;

  it('moves 31/01/2026 to 31/01/2027 and lists it, with the years left in the text', async () => {
    const source = await importFramework('Bộ chỉ số sở năm 2026', 2026, FRAMEWORK_2026);
    copy2027 = await ok<FrameworkBody>('POST', `/frameworks/${source.id}/copy`, { year: 2027 });
    expect(copy2027).toMatchObject({ name: 'Bộ chỉ số sở năm 2027', year: 2027 });
    expect(copy2027.nodes.find((n) => n.code === '1.1')?.ruleText).toBe(
      'Đúng hạn (31/01/2027): 1 điểm; chậm: 0,5 điểm; không thực hiện: 0 điểm',
    );
    expect(copy2027.review.status).toBe('needsReview');
    expect(copy2027.review.copy?.dates).toEqual([
      { code: '1.1', field: 'Hạn hoàn thành', from: '2026-01-31', to: '2027-01-31' },
    ]);
    expect(copy2027.review.copy?.checks.map((c) => [c.code, c.field, c.found])).toEqual([
      ['1.1', 'Tài liệu kiểm chứng', '2026'],
      ['1.1', 'Hướng dẫn', '31/01/2026'],
    ]);
    // The source is untouched.
    const again = await ok<FrameworkBody>('GET', `/frameworks/${source.id}`);
    expect(again.nodes.find((n) => n.code === '1.1')?.ruleText).toContain('31/01/2026');
    expect(again.review.status).toBe('reviewed');
    expect(await audited(copy2027.id)).toEqual(['framework.copy']);
  });

  it('refuses a period with the copy until it is reviewed, saying where to review it', async () => {
    const period = { name: 'Chỉ số CCHC năm 2027', year: 2027, frameworks: { so: copy2027.id } };
    let r = await send('POST', '/periods', period);
    expect(r.status).toBe(400);
    expect(errorOf(r.body).details).toEqual([
      `Trường "Bộ chỉ số", frameworks.so: bộ chỉ số "Bộ chỉ số sở năm 2027" được sao chép sang năm 2027 nhưng chưa được rà soát: hãy xem các ngày đã dời và các mục cần kiểm tra tại /bo-chi-so/${copy2027.id}, rồi bấm "Xác nhận đã rà soát"`,
    ]);
    r = await send('POST', `/frameworks/${copy2027.id}/review`, undefined, w.sessions['cb.snv']);
    expect(r.status).toBe(403);
    const reviewed = await ok<FrameworkBody>('POST', `/frameworks/${copy2027.id}/review`);
    expect(reviewed.review.status).toBe('reviewed');
    r = await send('POST', `/frameworks/${copy2027.id}/review`);
    expect(r.status).toBe(409);
    expect(errorOf(r.body).message).toBe('Bộ chỉ số này đã được rà soát');
    expect(await audited(copy2027.id)).toEqual(['framework.copy', 'framework.review.confirm']);
    r = await send('POST', '/periods', { ...period, windows: windowsOf(2027) });
    expect(r.status).toBe(201);
  });

  it('scores a 2027 completion date on time under the copy', async () => {
    const periods = await ok<{ id: string; year: number }[]>('GET', '/periods');
    const period = periods.find((p) => p.year === 2027);
    t.setTime('05/01/2028 09:00');
    // Five years on from the world's sign-ins: the officer signs in again.
    const officer = await t.login('cb.snv');
    const r = await send(
      'PUT',
      `/periods/${period?.id}/units/SNV/entries/1.1`,
      { facts: { completedOn: '20/01/2027' }, version: 0 },
      officer,
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ selfPoints: '1.000000' });
  });

  it("carries last year's points through a renumbered leaf, a merged leaf and a merged unit", async () => {
    await publishWorldPeriod();
    // A copy of 2022 for 2023 where 1.3 became 1.4 (renumbered in the tree).
    const copy = await ok<FrameworkBody>('POST', `/frameworks/${w.frameworkId}/copy`, {
      year: 2023,
    });
    let r = await send(
      'POST',
      `/frameworks/${copy.id}/nodes/1.3/renumber`,
      { code: '1.4' },
      w.sessions['cb.snv'],
    );
    expect(r.status).toBe(403);
    const renumbered = await ok<FrameworkBody>(
      'POST',
      `/frameworks/${copy.id}/nodes/1.3/renumber`,
      {
        code: '1.4',
      },
    );
    expect(renumbered.nodes.map((n) => n.code)).toEqual([
      '1',
      '1.1',
      '1.2',
      '1.4',
      '3',
      '3.1',
      '3.2',
      '7',
      '7.1',
    ]);
    const map = await ok<{ links: { oldCode: string; newCode: string; kind: string }[] }>(
      'GET',
      `/frameworks/${copy.id}/code-map`,
    );
    expect(map.links.find((l) => l.newCode === '1.4')).toMatchObject({
      oldCode: '1.3',
      kind: 'renumbered',
      kindLabel: 'Đổi mã số',
    });
    await ok('POST', `/frameworks/${copy.id}/review`);
    const p23 = await ok<{ id: string }>('POST', '/periods', {
      name: 'Chỉ số CCHC năm 2023',
      year: 2023,
      frameworks: { so: copy.id },
      windows: windowsOf(2023),
    });
    const a = await ok<AssessmentBody>('GET', `/periods/${p23.id}/units/SNV/assessment`);
    expect(a.previousSource).toMatchObject({ year: 2022, unitId: 'SNV' });
    const previous = (code: string) => a.entries.find((e) => e.code === code)?.previous;
    expect(previous('1.4')).toEqual({
      year: 2022,
      points: '1',
      maxPoints: '2',
      status: 'scored',
      kind: 'renumbered',
      fromCodes: ['1.3'],
    });
    expect(previous('1.1')).toMatchObject({ points: '1', maxPoints: '1', kind: 'unchanged' });
    expect(previous('7.1')).toMatchObject({ points: '0', maxPoints: '3', status: 'missing' });
    r = await send('POST', `/frameworks/${copy.id}/nodes/1.4/renumber`, { code: '1.5' });
    expect(r.status).toBe(409);
    expect(await audited(copy.id)).toEqual([
      'framework.copy',
      'framework.node.renumber',
      'framework.review.confirm',
    ]);

    // An imported 2023 framework with 3.1 and 3.2 merged, mapped by the administrator.
    const merged = await importFramework('Bộ chỉ số sở 2023 (gộp)', 2023, FRAMEWORK_2023_MERGED);
    const body = {
      previousFrameworkId: w.frameworkId,
      links: [
        { oldCode: '3.1', newCode: '3.1' },
        { oldCode: '3.2', newCode: '3.1' },
      ],
    };
    r = await send('PUT', `/frameworks/${merged.id}/code-map`, body, w.sessions['cb.snv']);
    expect(r.status).toBe(403);
    const saved = await ok<{ links: { oldCode: string; newCode: string; kind: string }[] }>(
      'PUT',
      `/frameworks/${merged.id}/code-map`,
      body,
    );
    expect(saved.links.filter((l) => l.newCode === '3.1').map((l) => [l.oldCode, l.kind])).toEqual([
      ['3.1', 'merged'],
      ['3.2', 'merged'],
    ]);
    await ok('PUT', '/units/SNYT', { name: 'Sở Nội vụ và Y tế', type: 'so' });
    await ok('POST', '/units/SNYT/lineage', {
      from: ['SYT', 'SNV'],
      kind: 'merge',
      effectiveOn: '2023-01-01',
      primary: 'SNV',
    });
    const p23b = await ok<{ id: string }>('POST', '/periods', {
      name: 'Chỉ số CCHC năm 2023 (bộ chỉ số mới)',
      year: 2023,
      frameworks: { so: merged.id },
      windows: windowsOf(2023),
    });
    const m = await ok<AssessmentBody>('GET', `/periods/${p23b.id}/units/SNYT/assessment`);
    expect(m.previousSource).toMatchObject({ year: 2022, unitId: 'SNV' });
    // 0,95 on 3.1 and 1,75 on 3.2 last year: 2,7 of 3.
    expect(m.entries.find((e) => e.code === '3.1')?.previous).toEqual({
      year: 2022,
      points: '2.7',
      maxPoints: '3',
      status: 'scored',
      kind: 'merged',
      fromCodes: ['3.1', '3.2'],
    });
    r = await send('PUT', `/frameworks/${merged.id}/code-map`, body);
    expect(r.status).toBe(409);
    expect(errorOf(r.body).message).toBe(
      'Bộ chỉ số đã được dùng cho kỳ đánh giá (Chỉ số CCHC năm 2023 (bộ chỉ số mới)): bảng đối chiếu mã không còn sửa được',
    );
    expect(await audited(merged.id)).toEqual(['framework.import', 'framework.codeMap.save']);
  });

  it('explains a wrong code map in Vietnamese, row by row, and stores nothing', async () => {
    const fresh = await importFramework('Bộ chỉ số sở 2024', 2024, FRAMEWORK_2023_MERGED);
    const r = await send('PUT', `/frameworks/${fresh.id}/code-map`, {
      previousFrameworkId: w.frameworkId,
      links: [
        { oldCode: '9.9', newCode: '3.1' },
        { oldCode: '3', newCode: '3.1' },
        { oldCode: '3.2', newCode: null },
        { oldCode: '3.2', newCode: '3.1' },
      ],
    });
    expect(r.status).toBe(400);
    expect(errorOf(r.body)).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Bảng đối chiếu mã chưa đúng, chưa lưu',
      details: [
        'Dòng 1, trường "Mã năm 2022", links[0].oldCode: không có mục "9.9" trong bộ chỉ số năm 2022',
        'Dòng 2, trường "Mã năm 2022", links[1].oldCode: mục 3 của năm 2022 có mục con; chỉ đối chiếu các mục chấm điểm (không có mục con)',
        'Dòng 3, trường "Mã năm 2022", links[2].oldCode: mục 3.2 (năm 2022) vừa được ghi là không còn, vừa chuyển sang 3.1 (dòng 4)',
      ],
    });
    const other = await send('PUT', `/frameworks/${fresh.id}/code-map`, {
      previousFrameworkId: fresh.id,
      links: [],
    });
    expect(errorOf(other.body).details).toEqual([
      'Trường "Bộ chỉ số năm trước", previousFrameworkId: không thể đối chiếu bộ chỉ số với chính nó',
    ]);
    const older = await importFramework('Bộ chỉ số sở 2021', 2021, FRAMEWORK_2023_MERGED);
    const later = await send('PUT', `/frameworks/${older.id}/code-map`, {
      previousFrameworkId: fresh.id,
      links: [],
    });
    expect(errorOf(later.body).details).toEqual([
      'Trường "Bộ chỉ số năm trước", previousFrameworkId: bộ chỉ số "Bộ chỉ số sở 2024" là của năm 2024, không phải năm trước 2021',
    ]);
    const view = await ok<{ stored: boolean; previous: unknown }>(
      'GET',
      `/frameworks/${fresh.id}/code-map`,
    );
    expect(view).toMatchObject({ stored: false, previous: null });
    expect(await audited(fresh.id)).toEqual(['framework.import']);
  });

  /** The world's 2022 period through every step to publication; SNV scores on five leaves. */
  async function publishWorldPeriod() {
    const unit = (id: string) => `/periods/${w.periodId}/units/${id}`;
    const officer = w.sessions['cb.snv'];
    t.setTime('05/01/2023 09:00');
    const facts: [string, unknown][] = [
      ['1.1', { facts: { completedOn: '20/01/2022' } }],
      ['1.2', { facts: { onTime: 4 } }],
      ['1.3', { facts: { count: 1 } }],
      ['3.1', { facts: { numerator: 574, denominator: 596 } }],
      ['3.2', { points: '1,75' }],
    ];
    for (const [code, entry] of facts) {
      const r = await send(
        'PUT',
        `${unit('SNV')}/entries/${code}`,
        { ...(entry as object), explanation: 'Theo báo cáo năm', version: 0 },
        officer,
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    for (const [id, head] of [
      ['SNV', 'tt.snv'],
      ['SYT', 'tt.syt'],
    ] as const)
      expect((await send('POST', `${unit(id)}/submit`, undefined, w.sessions[head])).status).toBe(
        200,
      );
    for (const time of ['15/01/2023 09:00', '18/01/2023 09:00']) {
      t.setTime(time);
      for (const [id, appraiser] of [
        ['SNV', 'td1'],
        ['SYT', 'td2'],
      ] as const)
        expect(
          (await send('POST', `${unit(id)}/finalise`, undefined, w.sessions[appraiser])).status,
        ).toBe(200);
    }
    t.setTime('25/01/2023 14:00');
    const approve = { decisionNumber: '27/QĐ-HĐ', decisionDate: '2023-01-25' };
    expect(
      (await send('POST', `/periods/${w.periodId}/approve`, approve, w.sessions.hd1)).status,
    ).toBe(200);
    t.setTime('02/02/2023 08:00');
    expect((await send('POST', `/periods/${w.periodId}/publish`)).status).toBe(200);
  }
});
