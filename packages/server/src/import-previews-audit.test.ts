import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from './db/schema.js';
import { importAndWait } from './test-support/import-jobs.js';
import {
  DATABASE_KINDS,
  startTestApp,
  type Session,
  type TestApp,
} from './test-support/test-app.js';
import { seedWorld, toCsv, type World } from './test-support/world.js';

const DISPATCH = `/api/task-dispatches/import?authority=${encodeURIComponent('UBND tỉnh')}`;
const DISPATCH_CSV = toCsv([
  ['Nội dung nhiệm vụ', 'Đơn vị thực hiện', 'Thời hạn'],
  ['Rà soát quy chế làm việc', 'SNV', '30/01/2023'],
]);
const STATISTICS_CSV = toCsv([
  ['Đơn vị', 'Số hồ sơ đã giải quyết', 'Đúng hạn'],
  ['SNV', '596', '574'],
]);

interface TrailEntry {
  action: string;
  actionLabel: string;
  entityId: string;
}

// Decision 0056: a preview saves nothing, so the trail says "sent for a preview", never an import.
describe.each(DATABASE_KINDS)('previews of imports on the audit trail (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp(kind);
    w = await seedWorld(t);
    admin = w.sessions.admin!;
  }, 60_000);
  afterAll(async () => t.close());

  async function auditOf(jobId: string) {
    return t.deps.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.entityId, jobId));
  }

  async function trail(query: string): Promise<TrailEntry[]> {
    const r = await t.request('GET', `/api/audit?limit=200${query}`, { as: admin });
    expect(r.status).toBe(200);
    return (r.body as { entries: TrailEntry[] }).entries;
  }

  it('writes a statistics preview as a preview, named so on the trail', async () => {
    const { job } = await importAndWait(
      t,
      `/api/periods/${w.periodId}/statistics/preview`,
      { name: 'thong-ke.csv', content: STATISTICS_CSV },
      admin,
    );
    expect(job).toMatchObject({ kind: 'statisticsPreview', state: 'succeeded' });
    expect(await auditOf(job!.id)).toEqual([
      {
        action: 'import.preview',
        after: {
          kind: 'statisticsPreview',
          fileName: 'thong-ke.csv',
          bytes: Buffer.byteLength(STATISTICS_CSV),
        },
      },
    ]);
    const entries = await trail('&action=import.preview');
    expect(entries.find((e) => e.entityId === job!.id)?.actionLabel).toBe(
      'Gửi tệp để xem trước (không ghi dữ liệu)',
    );
    expect((await trail('&action=import.queue')).map((e) => e.entityId)).not.toContain(job!.id);
  });

  it('tells a dispatch checked with preview=true from the same dispatch imported', async () => {
    const previewed = await importAndWait(
      t,
      `${DISPATCH}&preview=true`,
      { name: 'giao.csv', content: DISPATCH_CSV },
      admin,
    );
    expect(previewed.job).toMatchObject({ state: 'succeeded', result: { preview: true } });
    const imported = await importAndWait(
      t,
      DISPATCH,
      { name: 'giao.csv', content: DISPATCH_CSV },
      admin,
    );
    expect(imported.job).toMatchObject({ state: 'succeeded', result: { preview: false } });
    expect((await auditOf(previewed.job!.id)).map((a) => a.action)).toEqual(['import.preview']);
    expect((await auditOf(imported.job!.id)).map((a) => a.action)).toEqual(['import.queue']);
    const queued = await trail('&action=import.queue');
    expect(queued.find((e) => e.entityId === imported.job!.id)?.actionLabel).toBe(
      'Gửi tệp để nhập (chạy nền)',
    );
  });
});
