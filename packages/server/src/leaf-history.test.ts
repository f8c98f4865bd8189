import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryRow } from './audit/present-history.js';
import { multipart, startTestApp, type TestApp } from './test-support/test-app.js';
import { PDF, seedWorld, type World } from './test-support/world.js';

describe('the history of a leaf through HTTP', () => {
  let t: TestApp;
  let w: World;
  const history = (as: string) =>
    t.request('GET', `/api/periods/${w.periodId}/units/SNV/entries/3.1/history`, {
      as: w.sessions[as],
    });

  beforeAll(async () => {
    t = await startTestApp('pglite');
    w = await seedWorld(t);
    t.setTime('05/01/2023 09:00');
    const officer = w.sessions['cb.snv'];
    const entry = `/api/periods/${w.periodId}/units/SNV/entries/3.1`;
    await t.request('PUT', entry, {
      as: officer,
      body: { facts: { numerator: 574, denominator: 596 }, version: 0 },
    });
    t.setTime('06/01/2023 15:30');
    await t.request('PUT', entry, {
      as: officer,
      body: {
        facts: { numerator: '596', denominator: '596' },
        explanation: 'Theo báo cáo năm',
        version: 1,
      },
    });
    const file = multipart('bao-cao-tthc-2022.pdf', PDF);
    const upload = await t.request('POST', `/api/periods/${w.periodId}/units/SNV/evidence`, {
      as: officer,
      payload: file.payload,
      headers: file.headers,
    });
    const evidenceId = (upload.body as { evidence: { id: string } }).evidence.id;
    await t.request('PUT', `${entry}/evidence`, {
      as: officer,
      body: { evidenceId, pageRef: 'tr. 5' },
    });
    await t.request('PUT', `${entry}/evidence`, {
      as: officer,
      body: { evidenceId, remove: true },
    });
    await t.request('POST', `/api/periods/${w.periodId}/units/SNV/submit`, {
      as: w.sessions['tt.snv'],
    });
    t.setTime('12/01/2023 10:00');
    await t.request('PUT', `${entry}/appraisal`, {
      as: w.sessions.td1,
      body: { points: '0,5', comment: 'Chưa khớp báo cáo', version: 2 },
    });
  }, 60_000);
  afterAll(async () => t.close());

  it('gives the officer who, when and what changed, in Vietnamese, without addresses', async () => {
    const r = await history('cb.snv');
    expect(r.status).toBe(200);
    const rows = r.body as HistoryRow[];
    // The appraisal is not sent to the unit yet: its row stays out of the unit's history.
    expect(rows.map((row) => row.actionLabel)).toEqual([
      'Gỡ tài liệu kiểm chứng',
      'Gắn tài liệu kiểm chứng',
      'Đơn vị lưu kết quả tự đánh giá',
      'Đơn vị lưu kết quả tự đánh giá',
    ]);
    expect(rows[2]).toMatchObject({
      when: '06/01/2023 15:30',
      actor: 'Người dùng cb.snv (cb.snv)',
      changes: [
        { label: 'Tử số (đạt)', before: '574', after: '596' },
        { label: 'Điểm tự chấm', before: '0,95', after: '1' },
        { label: 'Giải trình của đơn vị', before: '(trống)', after: 'Theo báo cáo năm' },
      ],
    });
    expect(rows[0]?.changes).toEqual([
      { label: 'Tài liệu', after: 'bao-cao-tthc-2022.pdf' },
      { label: 'Trang, mục trong tài liệu', after: 'tr. 5' },
    ]);
    for (const row of rows) expect(row).not.toHaveProperty('ip');
  });

  it('hides the address from the appraiser and shows it to the administrator', async () => {
    const appraiser = (await history('td1')).body as HistoryRow[];
    expect(appraiser[0]).toMatchObject({
      actionLabel: 'Tổ thẩm định chấm điểm',
      actor: 'Người dùng td1 (td1)',
      changes: [
        { label: 'Cách thẩm định', before: '(trống)', after: 'Chấm điểm trực tiếp' },
        { label: 'Điểm thẩm định', before: '(trống)', after: '0,5' },
        { label: 'Nhận xét thẩm định', before: '(trống)', after: 'Chưa khớp báo cáo' },
      ],
    });
    for (const row of appraiser) expect(row).not.toHaveProperty('ip');
    const admin = (await history('admin')).body as HistoryRow[];
    expect(admin).toHaveLength(5);
    expect(new Set(admin.map((row) => row.ip))).toEqual(new Set(['127.0.0.1']));
  });

  it('refuses the history of a unit to another unit’s officer', async () => {
    expect((await history('cb.syt')).status).toBe(403);
  });
});
