import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { vn } from './cli-bench.js';
import { start, type Child } from './http-load.js';
import { compare, NOW, rawBody, seedPublished, subject, UNITS } from './portal-bench.js';
import { ADMIN } from './tasks-overview-bench.js';

const TARGET_P99_MS = 100;

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('chiso_session='));
  if (response.status !== 200 || cookie === undefined) {
    throw new Error(`login → ${response.status}: ${await response.text()}`);
  }
  return cookie;
}

/**
 * The app's ranking of a published 4,000-unit block over HTTP (decision 0048): the real server
 * (its own process, PGlite on disk, production settings) answering
 * GET /api/periods/:id/results/ranking to 200 connections at once, for an account (its session
 * read per request; and without one, the period being open to the public) and brotli, beside a bare Fastify sending the very same bytes from memory,
 * in the same run. A page of 100 units (the screen's) and of 500 (the most a page holds); the
 * first request, which parses the publication and builds the page, is timed on its own.
 */
export async function benchResultsRanking(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'chiso-ranking-bench-'));
  const children: Child[] = [];
  try {
    const periodId = await seedPublished(dataDir);
    const server = await start('overview-server.js', [
      dataDir,
      NOW.toISOString(),
      ADMIN.username,
      ADMIN.password,
    ]);
    children.push(server);
    const base = `http://127.0.0.1:${server.port}`;
    const cookie = await signIn(base);
    const lines: string[] = [];
    const runs = [
      { limit: 100, signedIn: true },
      { limit: 100, signedIn: false },
      { limit: 500, signedIn: true },
    ];
    for (const { limit, signedIn } of runs) {
      const path = `/api/periods/${periodId}/results/ranking?block=xa&offset=0&limit=${limit}`;
      const headers: Record<string, string> = signedIn
        ? { cookie, 'accept-encoding': 'br' }
        : { 'accept-encoding': 'br' };
      const started = performance.now();
      const check = await fetch(`${base}${path}`, { headers: { cookie } });
      const firstMs = performance.now() - started;
      const body = (await check.json()) as { total?: number; units?: unknown[] };
      if (check.status !== 200 || body.total !== UNITS || body.units?.length !== limit) {
        throw new Error(`${path} → ${check.status}, ${String(body.units?.length)} units`);
      }
      const identity = Buffer.from(
        await rawBody(`${base}${path}`, { cookie, 'accept-encoding': 'identity' }),
      );
      const bytes = Buffer.from(await rawBody(`${base}${path}`, headers));
      const bodyFile = join(dataDir, `ranking-${limit}-${String(signedIn)}.br`);
      await writeFile(bodyFile, bytes);
      const floor = await start('portal-floor.js', [bodyFile, path.split('?')[0] ?? '', 'br']);
      children.push(floor);
      lines.push(
        `Trang ${vn(limit)} đơn vị, ${signedIn ? 'có đăng nhập' : 'không đăng nhập (sau giờ công khai)'} — ${vn(identity.length / 1024)} KB, brotli ${vn(bytes.length / 1024)} KB; yêu cầu đầu tiên (đọc bản công bố, dựng trang) ${vn(firstMs)} ms; tải máy lúc đo ${loadavg()
          .map((l) => vn(l, 2))
          .join(' ')}`,
        ...(await compare(
          [
            subject(
              'Sàn: Fastify trần trả đúng các byte ấy từ bộ nhớ',
              floor,
              `http://127.0.0.1:${floor.port}${path.split('?')[0] ?? ''}`,
              headers,
            ),
            subject(
              `Máy chủ chiso: ${signedIn ? 'phiên đăng nhập đọc trong cơ sở dữ liệu mỗi yêu cầu, ' : ''}bản đang có hiệu lực từ bộ nhớ, thân trả lời từ bộ nhớ đệm`,
              server,
              `${base}${path}`,
              headers,
            ),
          ],
          TARGET_P99_MS,
        )),
      );
      await floor.stop();
    }
    return `Kết quả đã công bố trong ứng dụng: một trang bảng xếp hạng của khối ${vn(UNITS)} xã qua HTTP\n${lines.join('\n')}`;
  } finally {
    for (const child of children) await child.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
