import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { vn } from './cli-bench.js';
import { load, percentile, start, type Child, type Subject } from './http-load.js';

const PATH = '/api/tasks/overview';
const TARGET_P99_MS = 200;
const WARM_UP = 30;
/** Floor and server take turns, so that a busy machine weighs on both alike. */
const ROUNDS = 3;

async function signIn(base: string, admin: { username: string; password: string }) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
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
 * The overview end to end over HTTP: the real server (`serve` on the seeded PGlite data
 * directory, a process of its own), signed in as the administrator, `requests` GETs at
 * `concurrency`, beside the floor — a bare Fastify answering the very same body — measured in
 * the same run. The answer is checked against the use-case's before anything is timed.
 */
export async function benchOverviewHttp(options: {
  dataDir: string;
  at: Date;
  admin: { username: string; password: string };
  expected: unknown;
  requests: number;
  concurrency: number;
}): Promise<string> {
  const { requests, concurrency } = options;
  const server = await start('overview-server.js', [
    options.dataDir,
    options.at.toISOString(),
    options.admin.username,
    options.admin.password,
  ]);
  let floor: Child | undefined;
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const cookie = await signIn(base, options.admin);
    const first = await fetch(`${base}${PATH}`, { headers: { cookie } });
    const body = Buffer.from(await first.arrayBuffer());
    if (first.status !== 200 || !isDeepStrictEqual(JSON.parse(body.toString()), options.expected)) {
      throw new Error(`${PATH} → ${first.status}: not the use-case's answer`);
    }
    const bodyFile = join(options.dataDir, 'tong-hop.json');
    await writeFile(bodyFile, body);
    floor = await start('overview-floor.js', [bodyFile, PATH]);
    const subjects: Subject[] = [
      {
        label:
          'Sàn: Fastify trần trả đúng nội dung ấy từ bộ nhớ (không phiên, không cơ sở dữ liệu, không ghi nhật ký)',
        child: floor,
        url: `http://127.0.0.1:${floor.port}${PATH}`,
        headers: {},
        times: [],
        wallMs: 0,
        cpuMs: 0,
      },
      {
        label: `Máy chủ chiso: GET ${PATH} của quản trị (phiên, phân quyền, use-case, JSON theo hợp đồng, nhật ký)`,
        child: server,
        url: `${base}${PATH}`,
        headers: { cookie },
        times: [],
        wallMs: 0,
        cpuMs: 0,
      },
    ];
    for (const s of subjects) await load(s.url, s.headers, WARM_UP, concurrency);
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of subjects) {
        const cpuBefore = await s.child.cpuMs();
        const batch = await load(s.url, s.headers, Math.ceil(requests / ROUNDS), concurrency);
        s.cpuMs += (await s.child.cpuMs()) - cpuBefore;
        s.times.push(...batch.times);
        s.wallMs += batch.wallMs;
      }
    }
    const [floorSubject] = subjects;
    const floorSorted = [...(floorSubject?.times ?? [])].sort((a, b) => a - b);
    const floorCpu = (floorSubject?.cpuMs ?? 0) / Math.max(1, floorSorted.length);
    const lines = [
      `Tổng hợp nhiệm vụ qua HTTP từ đầu đến cuối (máy chủ thật trong tiến trình riêng, PGlite trên đĩa): ${vn(floorSorted.length)} yêu cầu, ${concurrency} đồng thời, trả lời ${vn(body.length / 1024)} KB`,
    ];
    for (const s of subjects) {
      const sorted = [...s.times].sort((a, b) => a - b);
      const figures = [0.5, 0.95, 0.99].map((p) => percentile(sorted, p));
      const [median = 0, p95 = 0, p99 = 0] = figures;
      const cpu = s.cpuMs / Math.max(1, sorted.length);
      const times = (value: number, p: number) =>
        s === floorSubject ? '' : ` = ${vn(value / percentile(floorSorted, p), 1)} × sàn`;
      lines.push(
        `• ${s.label}`,
        `    trung vị ${vn(median, 1)} ms${times(median, 0.5)}, p95 ${vn(p95, 1)} ms, p99 ${vn(p99, 1)} ms${times(p99, 0.99)} (${sorted.length} yêu cầu); ${vn((1000 * sorted.length) / s.wallMs)} yêu cầu/giây`,
        `    CPU của tiến trình phục vụ ${vn(cpu, 1)} ms mỗi yêu cầu${s === floorSubject ? '' : ` = ${vn(cpu / floorCpu, 1)} × sàn`}`,
      );
      if (s !== floorSubject) {
        lines.push(
          concurrency === 1
            ? `    ${p99 < TARGET_P99_MS ? 'đạt' : 'KHÔNG ĐẠT'} mục tiêu p99 < ${TARGET_P99_MS} ms (một người xem một lúc)`
            : `    (tham khảo: mục tiêu p99 < ${TARGET_P99_MS} ms tính cho một người xem một lúc)`,
        );
      }
    }
    return lines.join('\n');
  } finally {
    await floor?.stop();
    await server.stop();
  }
}
