import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { vn } from '../cli-bench.js';
import { authorizationProbes } from './authorization-probes.js';
import { killDurability, KILL_WINDOW_MS } from './kill-durability.js';
import { mutatedImports } from './mutated-imports.js';
import { envInt, seeded } from './seeded.js';
import type { DatabaseKind } from './server-process.js';
import { signInConcurrency } from './sign-in-concurrency.js';

/**
 * `npm run bench:reliability`: what held and what did not, as numbers, on loopback only.
 * Bounded by default (a few minutes on two cores); the environment makes it longer.
 */
const seed = envInt('CHISO_RELIABILITY_SEED', 13);
const killRuns = envInt('CHISO_RELIABILITY_KILL_RUNS', 3);
const writers = envInt('CHISO_RELIABILITY_WRITERS', 8);
const files = envInt('CHISO_RELIABILITY_FILES', 63);
const hangS = envInt('CHISO_RELIABILITY_HANG_S', 20);
const signIns = envInt('CHISO_RELIABILITY_SIGN_INS', 60);
const killMaxMs = envInt('CHISO_RELIABILITY_KILL_MAX_MS', KILL_WINDOW_MS[1]);
const baseUrl = process.env.CHISO_BENCH_DATABASE_URL;
const kinds: DatabaseKind[] = baseUrl ? ['pglite', 'postgres'] : ['pglite'];
const name = (kind: DatabaseKind) => (kind === 'pglite' ? 'PGlite' : 'PostgreSQL');

interface Row {
  label: string;
  value: number;
  /** What the figure must be, when it has to be one (0 leaks, 0 lost writes…). */
  mustBe?: number;
}
const summary: Row[] = [];
const print = (text: string) => process.stdout.write(`${text}\n`);
const figure = (label: string, value: number, mustBe?: number, digits = 0) => {
  summary.push({ label, value, ...(mustBe === undefined ? {} : { mustBe }) });
  const verdict =
    mustBe === undefined ? '' : value === mustBe ? '  (đạt)' : `  (KHÔNG ĐẠT: phải là ${mustBe})`;
  print(`  ${vn(value, digits).padStart(9)}  ${label}${verdict}`);
};

const machine = `${cpus().length} nhân ${cpus()[0]?.model ?? ''}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;
print(`chiso — độ tin cậy (${machine}; hạt giống ${seed}; chỉ trên loopback)`);
if (!baseUrl) print('PostgreSQL: bỏ qua (đặt CHISO_BENCH_DATABASE_URL để đo cả PostgreSQL)');
const began = performance.now();
const random = seeded(seed);

print(
  `\n1. kill -9 giữa lúc ghi đồng thời (${writers} luồng tạo đơn vị và 6 chuỗi lưu tiêu chí, tiến trình thật, khởi động lại trên cùng dữ liệu)`,
);
for (const kind of kinds) {
  const d = await killDurability(kind, random, {
    runs: killRuns,
    writers,
    killAfterMs: [Math.min(KILL_WINDOW_MS[0], killMaxMs), killMaxMs],
    ...(baseUrl ? { baseUrl } : {}),
  });
  figure(`${name(kind)}: lần kill -9 (runs)`, d.runs);
  figure(`${name(kind)}: lượt ghi được xác nhận 2xx (writes acknowledged)`, d.acknowledged);
  figure(`${name(kind)}:   trong đó lưu tiêu chí có kiểm phiên bản (entry saves)`, d.entrySaves);
  figure(`${name(kind)}: lượt ghi đã xác nhận bị mất (acknowledged writes lost)`, d.lost, 0);
  figure(`${name(kind)}: lần không khởi động lại được (failed restarts)`, d.failedRestarts, 0);
  figure(`${name(kind)}: khởi động lại, trung vị ms (restart median)`, d.restartMsMedian);
  figure(`${name(kind)}: khởi động lại, chậm nhất ms (restart max)`, d.restartMsMax);
  figure(`${name(kind)}: khởi động lần đầu, chậm nhất ms (first start max)`, d.firstStartMsMax);
}

print(
  `\n2. Tệp nhập bị làm hỏng (đơn vị, tài khoản, bộ chỉ số; .xlsx/.csv; chờ tối đa ${hangS} s mỗi tệp)`,
);
for (const kind of kinds) {
  const m = await mutatedImports(kind, random, {
    files,
    timeoutMs: hangS * 1000,
    ...(baseUrl ? { baseUrl } : {}),
  });
  figure(`${name(kind)}: tệp đã thử (tried)`, m.tried);
  figure(`${name(kind)}: tệp được nhận (accepted; hỏng nhẹ mà vẫn hợp lệ)`, m.accepted);
  figure(`${name(kind)}: trả lời 5xx hoặc không trả lời (5xx)`, m.serverErrors, 0);
  figure(`${name(kind)}: tiến trình chết (crashes)`, m.crashes, 0);
  figure(`${name(kind)}: treo quá ${hangS} s (hangs)`, m.hangs, 0);
  figure(`${name(kind)}: bị từ chối mà số dòng đổi (partial imports)`, m.partial, 0);
  figure(`${name(kind)}: bộ nhớ đỉnh của máy chủ MiB (peak RSS, VmHWM)`, m.peakRssMb);
  figure(`${name(kind)}: bộ nhớ đỉnh sau khởi động, trước tệp đầu MiB`, m.startPeakRssMb);
  print(
    `             trả lời: ${Object.entries(m.statuses)
      .map(([s, n]) => `${s} × ${n}`)
      .join(', ')}`,
  );
  if (m.heaviest) print(`             tệp nặng nhất: ${m.heaviest}`);
  for (const example of m.examples) print(`             ${example}`);
}

print(
  '\n3. Dò phân quyền: mọi tuyến × mọi vai trò (và không tài khoản) × đơn vị mình / đơn vị khác',
);
const p = await authorizationProbes();
figure('tuyến trong bảng định tuyến (routes)', p.routes);
figure('lượt dò (probes)', p.probes);
figure('lượt qua được kiểm tra dữ liệu vào (decided, not 400)', p.decided);
figure(
  'đơn vị khác: 2xx cho quản trị/hội đồng (other unit let through: the ids are real)',
  p.otherLetThrough,
);
figure('phiên đăng nhập lại sau lượt dò làm mất (sessions restored)', p.sessionsRestored);
figure('lượt lộ (leaks: 2xx mà ma trận nói 401/403)', p.leaks, 0);
for (const example of p.examples) print(`             ${example}`);

print(
  `\n4. Đăng nhập đồng thời: ${signIns} lượt cùng lúc cho một tài khoản (1 đúng, ${signIns - 1} sai)`,
);
for (const kind of kinds) {
  const s = await signInConcurrency(kind, random, {
    attempts: signIns,
    ...(baseUrl ? { baseUrl } : {}),
  });
  figure(`${name(kind)}: lượt đăng nhập (attempts)`, s.attempts);
  figure(`${name(kind)}: mật khẩu đã kiểm (checked, from audit rows)`, s.checked);
  figure(
    `${name(kind)}: mật khẩu sai kiểm quá giới hạn ${s.limit} (checked past the limit)`,
    s.checkedPastLimit,
    0,
  );
  print(
    `             trả lời: ${Object.entries(s.answers)
      .map(([a, n]) => `${a} × ${n}`)
      .join(', ')}`,
  );
}

print(`\nTóm tắt (${vn((performance.now() - began) / 1000, 0)} s)`);
const width = Math.max(...summary.map((r) => r.label.length));
for (const row of summary) {
  const verdict = row.mustBe === undefined ? '' : row.value === row.mustBe ? 'đạt' : 'KHÔNG ĐẠT';
  print(`  ${row.label.padEnd(width)}  ${vn(row.value).padStart(9)}  ${verdict}`);
}
process.exitCode = summary.some((r) => r.mustBe !== undefined && r.value !== r.mustBe) ? 1 : 0;
