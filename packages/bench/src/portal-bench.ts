import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/dist/db/database.js';
import { periods } from '../../server/dist/db/schema.js';
import type { FrameworkRow } from '../../server/dist/repositories/frameworks.js';
import { insertPublication } from '../../server/dist/repositories/results.js';
import { assemblePeriodResults } from '../../server/dist/use-cases/results/period-results.js';
import { publicationRows } from '../../server/dist/use-cases/results/publication-rows.js';
import { vn } from './cli-bench.js';
import { percentile, rawLoad as load, start, type Child, type Subject } from './http-load.js';
import { period } from './period-results-bench.js';
import { ADMIN } from './tasks-overview-bench.js';

export const UNITS = 4000;
/**
 * Two leaves per area (18 in all): a 4,000-unit publication with 90 leaves is a 160 MB row,
 * which PGlite cannot take in one statement (out of memory). The ranking answer carries no
 * node, so its size and cost do not depend on this; only the first, uncached build does.
 */
const LEAVES_PER_AREA = 2;
const CONCURRENCY = 200;
const REQUESTS = 3000;
const ROUNDS = 3;
const TARGET_P99_MS = 200;
export const NOW = new Date('2026-02-10T02:00:00Z');

/**
 * A published period of 4,000 communes in one block, written into a PGlite data directory
 * the way publication writes it (the frozen rows of version 1), public from a day before NOW.
 */
export async function seedPublished(dataDir: string): Promise<string> {
  const data = period(UNITS, LEAVES_PER_AREA);
  const frameworkId = randomUUID();
  const row: FrameworkRow = {
    id: frameworkId,
    name: 'Bộ chỉ số xã',
    year: 2025,
    unitType: 'xa',
    pointsDecimals: 3,
    policy: {},
    copiedFromId: null,
    previousFrameworkId: null,
    reviewStatus: 'reviewed',
    ownerUnitId: null,
    copyReview: null,
    reviewedAt: null,
    reviewedBy: null,
    createdAt: NOW,
    updatedAt: NOW,
  };
  for (const stored of data.frameworks.values()) stored.row = row;
  const byType = assemblePeriodResults(data);
  const database = await openDatabase({ dataDir });
  try {
    const [inserted] = await database.db
      .insert(periods)
      .values({
        name: 'Chỉ số CCHC năm 2025',
        year: 2025,
        status: 'published',
        councilDecisionNumber: '35/QĐ-HĐĐG',
        councilDecisionDate: '2026-02-05',
        publishedAt: new Date(NOW.getTime() - 2 * 86_400_000),
        publicFrom: new Date(NOW.getTime() - 86_400_000),
      })
      .returning();
    const periodId = inserted!.id;
    await insertPublication(
      database.db,
      {
        periodId,
        version: 1,
        decisionNumber: '35/QĐ-HĐĐG',
        decisionDate: '2026-02-05',
        publishedAt: new Date(NOW.getTime() - 2 * 86_400_000),
        publishedBy: null,
      },
      publicationRows(periodId, 1, byType, NOW),
    );
    return periodId;
  } finally {
    await database.close();
  }
}

/** Floor and server take turns at the same load; returns their figures and the ratio. */
export async function compare(
  subjects: [Subject, Subject],
  target = TARGET_P99_MS,
): Promise<string[]> {
  for (const s of subjects) await load(s.url, s.headers, CONCURRENCY, CONCURRENCY);
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of subjects) {
      const cpuBefore = await s.child.cpuMs();
      const batch = await load(s.url, s.headers, Math.ceil(REQUESTS / ROUNDS), CONCURRENCY);
      s.cpuMs += (await s.child.cpuMs()) - cpuBefore;
      s.times.push(...batch.times);
      s.wallMs += batch.wallMs;
    }
  }
  const [floor, server] = subjects;
  const floorSorted = [...floor.times].sort((a, b) => a - b);
  const lines: string[] = [];
  for (const s of subjects) {
    const sorted = [...s.times].sort((a, b) => a - b);
    const [median = 0, p99 = 0] = [0.5, 0.99].map((p) => percentile(sorted, p));
    const ratio = (value: number, p: number) =>
      s === floor ? '' : ` = ${vn(value / percentile(floorSorted, p), 1)} × sàn`;
    const perSecond = (1000 * sorted.length) / s.wallMs;
    lines.push(
      `• ${s.label}`,
      `    trung vị ${vn(median, 1)} ms${ratio(median, 0.5)}, p99 ${vn(p99, 1)} ms${ratio(p99, 0.99)}; ${vn(perSecond)} yêu cầu/giây${s === floor ? '' : ` = ${vn(perSecond / ((1000 * floorSorted.length) / floor.wallMs), 2)} × sàn`}; CPU ${vn(s.cpuMs / sorted.length, 2)} ms mỗi yêu cầu`,
    );
    if (s === server) {
      lines.push(
        `    ${p99 < target ? 'đạt' : 'KHÔNG ĐẠT'} mục tiêu p99 < ${target} ms với ${CONCURRENCY} kết nối đồng thời`,
      );
    }
  }
  return lines;
}

export const subject = (
  label: string,
  child: Child,
  url: string,
  headers: Record<string, string>,
) => ({
  label,
  child,
  url,
  headers,
  times: [],
  wallMs: 0,
  cpuMs: 0,
});

/**
 * The portal's ranking page of a block of 4,000 units over HTTP: the real server (its own
 * process, PGlite on disk, production settings: no response validation, logging on) answering
 * GET /api/public/results/:periodId/blocks/xa to 200 connections at once, beside a bare
 * Fastify serving the very same bytes, in the same run: as sent uncompressed and as brotli.
 * Every request checks the embargo at its instant (the published state kept in memory, read
 * again after a write or every 5 s); the body is built once and cached.
 */
export async function benchPortal(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'chiso-portal-bench-'));
  const children: Child[] = [];
  try {
    const periodId = await seedPublished(dataDir);
    const path = `/api/public/results/${periodId}/blocks/xa`;
    const server = await start('overview-server.js', [
      dataDir,
      NOW.toISOString(),
      ADMIN.username,
      ADMIN.password,
    ]);
    children.push(server);
    const base = `http://127.0.0.1:${server.port}`;
    const check = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'identity' } });
    const rows = ((await check.json()) as { rows?: unknown[] }).rows?.length;
    if (check.status !== 200 || rows !== UNITS) {
      throw new Error(`${path} → ${check.status}, ${String(rows)} rows, not ${UNITS}`);
    }
    const lines: string[] = [];
    for (const encoding of ['identity', 'br'] as const) {
      const headers = { 'accept-encoding': encoding };
      // The bytes as sent (fetch would unpack brotli), for the floor to send the same.
      const bytes = Buffer.from(await rawBody(`${base}${path}`, headers));
      const bodyFile = join(dataDir, `xep-hang-${encoding}.bin`);
      await writeFile(bodyFile, bytes);
      const floor = await start('portal-floor.js', [
        bodyFile,
        path,
        ...(encoding === 'br' ? ['br'] : []),
      ]);
      children.push(floor);
      lines.push(
        `Nén: ${encoding === 'br' ? 'brotli' : 'không'} — trả lời ${vn(bytes.length / 1024)} KB, ${vn(REQUESTS)} yêu cầu mỗi bên, ${CONCURRENCY} đồng thời`,
        ...(await compare([
          subject(
            'Sàn: Fastify trần trả đúng các byte ấy từ bộ nhớ',
            floor,
            `http://127.0.0.1:${floor.port}${path}`,
            headers,
          ),
          subject(
            'Máy chủ chiso: giờ công khai xét mỗi yêu cầu (trạng thái công bố giữ trong bộ nhớ), thân trả lời từ bộ nhớ đệm',
            server,
            `${base}${path}`,
            headers,
          ),
        ])),
      );
      await floor.stop();
    }
    return `Cổng công khai kết quả: bảng xếp hạng một khối ${vn(UNITS)} xã qua HTTP\n${lines.join('\n')}`;
  } finally {
    for (const child of children) await child.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The bytes as the server sent them (fetch would unpack a compressed body). */
export function rawBody(url: string, headers: Record<string, string>): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}
