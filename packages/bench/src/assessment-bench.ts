import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  ADMIN,
  assessmentStore,
  NOW,
  OFFICER,
  seedAssessment,
  UNIT,
  type AssessmentStore,
} from './assessment-world.js';
import { vn } from './cli-bench.js';
import { percentile, rawLoad, start, type Child } from './http-load.js';

const QUICK = process.env.CHISO_BENCH_QUICK === '1';
const REQUESTS = QUICK ? 400 : 2000;
const ROUNDS = 2;
const PUT_CONNECTIONS = 20;
const PUTS = QUICK ? 200 : 600;

/** Where a long run is, on stderr (the figures go to stdout at the end). */
const progress = (what: string) => process.stderr.write(`[${new Date().toISOString()}] ${what}\n`);
/** The targets (issue 14 item 2): a multiple of the floor, by database. */
const GET_TARGET = { PGlite: 5, PostgreSQL: 3 } as const;
const PUT_TARGET = 3;

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(base: string, who: { username: string; password: string }) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('chiso_session='));
  const body = (await response.json()) as { csrfToken?: string };
  if (response.status !== 200 || cookie === undefined || !body.csrfToken) {
    throw new Error(`login → ${response.status}`);
  }
  return { cookie, csrf: body.csrfToken };
}

interface Figures {
  median: number;
  p99: number;
  perSecond: number;
  cpuPerRequest: number;
}

function figuresOf(times: number[], wallMs: number, cpuMs: number): Figures {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    perSecond: (1000 * sorted.length) / wallMs,
    cpuPerRequest: cpuMs / sorted.length,
  };
}

/** Floor and server take turns at the same load (a busy machine weighs on both alike). */
async function compareGets(
  subjects: { child: Child; url: string; headers: Record<string, string> }[],
  concurrency: number,
): Promise<Figures[]> {
  const totals = subjects.map(() => ({ times: [] as number[], wallMs: 0, cpuMs: 0 }));
  for (const s of subjects) await rawLoad(s.url, s.headers, concurrency * 2, concurrency);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, s] of subjects.entries()) {
      const cpu = await s.child.cpuMs();
      const batch = await rawLoad(s.url, s.headers, REQUESTS / ROUNDS, concurrency);
      const total = totals[i]!;
      total.cpuMs += (await s.child.cpuMs()) - cpu;
      total.times.push(...batch.times);
      total.wallMs += batch.wallMs;
    }
  }
  return totals.map((t) => figuresOf(t.times, t.wallMs, t.cpuMs));
}

/**
 * PUTs at `connections` at a time, each connection saving its own leaf again and again at
 * the version the last save answered (so none is refused as a conflict).
 */
async function putLoad(
  child: Child,
  urlOf: (code: string) => string,
  headers: Record<string, string>,
  codes: readonly string[],
  versions: Map<string, number>,
): Promise<Figures> {
  const times: number[] = [];
  let sent = 0;
  const worker = async (code: string) => {
    while (sent < PUTS) {
      sent++;
      const begin = performance.now();
      const response = await fetch(urlOf(code), {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          explanation: `Giải trình lần ${sent}`,
          version: versions.get(code) ?? 0,
        }),
      });
      const body = (await response.json()) as { version?: number };
      times.push(performance.now() - begin);
      if (response.status !== 200 || body.version === undefined) {
        throw new Error(`PUT ${code} → ${response.status} ${JSON.stringify(body)}`);
      }
      versions.set(code, body.version);
    }
  };
  const cpu = await child.cpuMs();
  const begin = performance.now();
  await Promise.all(codes.map(worker));
  const wallMs = performance.now() - begin;
  return figuresOf(times, wallMs, (await child.cpuMs()) - cpu);
}

const line = (label: string, f: Figures, floor?: Figures) => {
  const times = (value: number, base: number | undefined) =>
    base === undefined ? '' : ` = ${vn(value / base, 1)} × sàn`;
  const rate =
    floor === undefined ? '' : ` = ${vn(floor.perSecond / f.perSecond, 1)} × chậm hơn sàn`;
  return [
    `• ${label}`,
    `    trung vị ${vn(f.median, 1)} ms${times(f.median, floor?.median)}, p99 ${vn(f.p99, 1)} ms${times(f.p99, floor?.p99)}; ${vn(f.perSecond)} yêu cầu/giây${rate}; CPU ${vn(f.cpuPerRequest, 2)} ms mỗi yêu cầu`,
  ];
};

const load = () =>
  `tải máy ${loadavg()
    .map((l) => vn(l, 2))
    .join(' / ')}`;

async function benchOn(store: AssessmentStore): Promise<string[]> {
  const children: Child[] = [];
  progress(`${store.kind}: seeding`);
  const { periodId, leaves } = await seedAssessment(store);
  progress(`${store.kind}: seeded`);
  const dbArgs = store.databaseUrl === undefined ? [] : [store.databaseUrl];
  const lines: string[] = [`[${store.kind}]`];
  try {
    const serverArgs = [
      store.dataDir,
      NOW.toISOString(),
      ADMIN.username,
      ADMIN.password,
      ...dbArgs,
    ];
    const path = `/api/periods/${periodId}/units/${UNIT}/assessment`;
    let floor: Child | undefined;
    let bytes = Buffer.alloc(0);
    let server: Child | undefined;
    let base = '';
    let session: Session | undefined;
    // The page without its answers' cache, then with it (decision 0051), each beside the floor
    // in turns; one server at a time (PGlite's folder is one process's).
    for (const cache of ['off', 'on'] as const) {
      server = await start('overview-server.js', serverArgs, { CHISO_ASSESSMENT_CACHE: cache });
      children.push(server);
      base = `http://127.0.0.1:${server.port}`;
      session = await signIn(base, OFFICER);
      const headers = { cookie: session.cookie, 'accept-encoding': 'identity' };
      const first = await fetch(`${base}${path}`, { headers });
      const answered = Buffer.from(await first.arrayBuffer());
      if (first.status !== 200) throw new Error(`${path} → ${first.status}`);
      if (floor === undefined) {
        bytes = answered;
        const bodyFile = join(store.dataDir, 'tu-danh-gia.json');
        await writeFile(bodyFile, bytes);
        floor = await start('portal-floor.js', [bodyFile, path]);
        children.push(floor);
      } else if (!answered.equals(bytes)) {
        throw new Error('the cached page differs from the page built without the cache');
      }
      for (const concurrency of [50, 200]) {
        progress(`${store.kind}: GET at ${concurrency}, cache ${cache}`);
        const [bare, chiso] = await compareGets(
          [
            { child: floor, url: `http://127.0.0.1:${floor.port}${path}`, headers },
            { child: server, url: `${base}${path}`, headers },
          ],
          concurrency,
        );
        const ratio = bare!.perSecond / chiso!.perSecond;
        lines.push(
          `GET hồ sơ tự đánh giá (${vn(bytes.length / 1024)} KB, ${leaves.length} tiêu chí), ${concurrency} kết nối, ${vn(REQUESTS)} yêu cầu mỗi bên, CHISO_ASSESSMENT_CACHE=${cache}; ${load()}`,
          ...line('Sàn: Fastify trần trả đúng các byte ấy từ bộ nhớ', bare!),
          ...line(
            cache === 'on'
              ? 'Máy chủ chiso (phiên, phân quyền, một câu lệnh kiểm tra bản đã lưu)'
              : 'Máy chủ chiso (phiên, phân quyền, đọc và tính điểm mỗi yêu cầu)',
            chiso!,
            bare,
          ),
          `    ${ratio <= GET_TARGET[store.kind] ? 'đạt' : 'KHÔNG ĐẠT'} mục tiêu trong ${GET_TARGET[store.kind]} × sàn (số yêu cầu/giây)`,
        );
      }
      if (cache === 'off') await server.stop();
    }
    await floor?.stop();
    if (server === undefined || session === undefined) throw new Error('no server started');
    progress(`${store.kind}: PUT`);
    const codes = leaves.slice(0, PUT_CONNECTIONS);
    const versions = new Map(codes.map((code) => [code, 1]));
    const put = await putLoad(
      server,
      (code) => `${base}/api/periods/${periodId}/units/${UNIT}/entries/${code}`,
      { cookie: session.cookie, 'x-csrf-token': session.csrf },
      codes,
      versions,
    );
    await server.stop();
    // PGlite's folder is one process's at a time: the bare transaction runs once chiso stops.
    const entryFloor = await start('entry-floor.js', [store.dataDir, periodId, UNIT, ...dbArgs]);
    children.push(entryFloor);
    const bare = await putLoad(
      entryFloor,
      (code) => `http://127.0.0.1:${entryFloor.port}/entries/${code}`,
      {},
      codes,
      versions,
    );
    const ratio = put.p99 / bare.p99;
    lines.push(
      `PUT lưu một tiêu chí, ${PUT_CONNECTIONS} kết nối (mỗi kết nối một tiêu chí), ${vn(PUTS)} lần mỗi bên; ${load()}`,
      ...line(
        'Sàn: cùng giao dịch viết trần (khóa tham gia, đọc, ghi theo phiên bản, nhật ký)',
        bare,
      ),
      ...line('Máy chủ chiso PUT /entries/:code', put, bare),
      `    ${ratio <= PUT_TARGET ? 'đạt' : 'KHÔNG ĐẠT'} mục tiêu p99 trong ${PUT_TARGET} × sàn`,
    );
    return lines;
  } finally {
    for (const child of children) await child.stop();
  }
}

/**
 * A department's self-assessment page over HTTP (issue 14 item 2): the real server in its own
 * process (production settings) answering GET …/assessment to 50 and 200 connections beside a
 * bare Fastify serving the very same bytes, then saving entries at 20 connections beside the
 * same transaction written bare; on PGlite, and on PostgreSQL when CHISO_BENCH_DATABASE_URL
 * (or CHISO_TEST_DATABASE_URL) names a server. The load is http-load.ts's rawLoad (node:http,
 * kept-alive sockets), not autocannon: it already does the job and adds no dependency.
 */
export async function benchAssessment(): Promise<string> {
  const url = process.env.CHISO_BENCH_DATABASE_URL ?? process.env.CHISO_TEST_DATABASE_URL;
  const sections: string[] = [];
  // CHISO_BENCH_ASSESSMENT=pglite or postgres measures only that one.
  const only = process.env.CHISO_BENCH_ASSESSMENT;
  const targets = url === undefined ? [undefined] : [undefined, url];
  for (const target of targets.filter(
    (t) => only === undefined || (only === 'postgres') === (t !== undefined),
  )) {
    const dataDir = await mkdtemp(join(tmpdir(), 'chiso-assessment-bench-'));
    const store = await assessmentStore(dataDir, target);
    try {
      sections.push(...(await benchOn(store)));
    } finally {
      await store.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  return `Trang tự đánh giá của một sở qua HTTP, bên cạnh sàn${QUICK ? ' (CHISO_BENCH_QUICK: ít yêu cầu hơn)' : ''}\n${sections.join('\n')}`;
}
