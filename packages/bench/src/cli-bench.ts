import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchFramework, benchRequest } from './results-world.js';

const here = dirname(fileURLToPath(import.meta.url));
export const CHISO = join(here, '..', '..', 'server', 'bin', 'chiso.js');
export const FLOOR = join(here, 'results-floor.js');
/** Node started, the request read and parsed, nothing else (start-floor.ts). */
export const START_FLOOR = join(here, 'start-floor.js');
/** Preloaded into each child: writes its peak resident memory (KB) to fd 3 on exit. */
const REPORT_RSS = pathToFileURL(join(here, 'report-rss.js')).href;

const UNITS = 4000;
const TARGET_RATIO = 3;
const TARGET_MB = 300;

export interface Run {
  ms: number;
  /** Processor time of all the process's threads (collector included). */
  cpuMs: number;
  rssMb: number;
  outMb: number;
}

/** One process from start to exit, its standard output going to a file. */
export async function runOnce(args: string[], out: string): Promise<Run> {
  const fd = openSync(out, 'w');
  try {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', REPORT_RSS, ...args], {
      stdio: ['ignore', fd, 'pipe', 'pipe'],
    });
    let stderr = '';
    let usage = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdio[3]?.on('data', (chunk: Buffer) => (usage += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    const ms = performance.now() - start;
    if (code !== 0) throw new Error(`${args.join(' ')} → ${String(code)}: ${stderr}`);
    const { rssKb, cpuMs } = JSON.parse(usage) as { rssKb: number; cpuMs: number };
    return { ms, cpuMs, rssMb: rssKb / 1024, outMb: statSync(out).size / 1024 / 1024 };
  } finally {
    closeSync(fd);
  }
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
export const vn = (value: number, digits = 0) =>
  value.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

interface Subject {
  label: string;
  args: string[];
  runs: number;
  targets: boolean;
}

/**
 * `chiso results` end to end, each run a process of its own (start, read the request, compute,
 * write the output to a file), beside the floor program doing the least work that writes the
 * same unit-level fields. Runs of the three are interleaved so that a busy machine weighs on
 * all of them alike. CHISO_BENCH_QUICK=1 runs each once.
 */
export async function benchCli(): Promise<string> {
  const quick = process.env.CHISO_BENCH_QUICK === '1';
  const dir = await mkdtemp(join(tmpdir(), 'chiso-bench-cli-'));
  try {
    const request = join(dir, 'yeu-cau.json');
    await writeFile(request, JSON.stringify(benchRequest(UNITS)));
    const requestMb = statSync(request).size / 1024 / 1024;
    const leaves = benchFramework().leaves.length;
    const subjects: Subject[] = [
      {
        label: 'Sàn khởi động: node bắt đầu, đọc và phân tích JSON yêu cầu, thoát',
        args: [START_FLOOR, request],
        runs: quick ? 1 : 5,
        targets: false,
      },
      {
        label:
          'Sàn: đọc JSON, cộng điểm tiêu chí theo lĩnh vực, xếp hạng, ghi cùng các trường (không kiểm tra, không tính quy tắc)',
        args: [FLOOR, request],
        runs: quick ? 1 : 5,
        targets: false,
      },
      {
        label:
          'chiso results --input (mặc định: đơn vị, tổng điểm, hạng, xếp loại, cảnh báo, lĩnh vực)',
        args: [CHISO, 'results', '--input', request],
        runs: quick ? 1 : 5,
        targets: true,
      },
      {
        label: 'chiso results --input --detail (thêm từng tiêu chí có giải thích và điểm bị mất)',
        args: [CHISO, 'results', '--input', request, '--detail'],
        runs: quick ? 1 : 3,
        targets: false,
      },
    ];
    // A first run of each, not measured, so that files come from the page cache.
    for (const s of subjects) await runOnce(s.args, join(dir, 'ra.json'));
    const runs = new Map<Subject, Run[]>(subjects.map((s) => [s, []]));
    for (let i = 0; i < Math.max(...subjects.map((s) => s.runs)); i++) {
      for (const s of subjects) {
        if (i < s.runs) runs.get(s)?.push(await runOnce(s.args, join(dir, 'ra.json')));
      }
    }
    const startRuns = runs.get(subjects[0]!) ?? [];
    const floorRuns = runs.get(subjects[1]!) ?? [];
    const floorMs = median(floorRuns.map((r) => r.ms));
    const floorCpu = median(floorRuns.map((r) => r.cpuMs));
    const lines = [
      `chiso results từ đầu đến cuối, mỗi lần một tiến trình (khởi động, đọc yêu cầu ${vn(requestMb, 1)} MB, tính, ghi ra tệp): ${vn(UNITS)} đơn vị × ${leaves} tiêu chí`,
    ];
    for (const s of subjects) {
      const list = runs.get(s) ?? [];
      const ms = median(list.map((r) => r.ms));
      const cpu = median(list.map((r) => r.cpuMs));
      const rss = Math.max(...list.map((r) => r.rssMb));
      const ratio = ms / floorMs;
      lines.push(`• ${s.label}`);
      const times = (value: number, floor: number) =>
        s === subjects[0] || s === subjects[1] ? '' : ` = ${vn(value / floor, 1)} × sàn`;
      lines.push(
        `    trung vị ${vn(ms)} ms${times(ms, floorMs)}, CPU (mọi luồng) ${vn(cpu)} ms${times(cpu, floorCpu)} (${list.length} lần)`,
        `    bộ nhớ tiến trình cao nhất ${vn(rss)} MB; ra ${vn(list[0]?.outMb ?? 0, 1)} MB`,
      );
      if (s.targets) {
        lines.push(
          `    ${ratio <= TARGET_RATIO ? 'đạt' : 'KHÔNG ĐẠT'} mục tiêu trung vị ≤ ${TARGET_RATIO} × sàn; ${rss <= TARGET_MB ? 'đạt' : 'KHÔNG ĐẠT'} mục tiêu < ${TARGET_MB} MB`,
        );
      }
    }
    const startMs = median(startRuns.map((r) => r.ms));
    const startCpu = median(startRuns.map((r) => r.cpuMs));
    // Processor time too: on a busy machine the wall clock measures the neighbours as well.
    lines.push(
      'con số | sàn | tỉ lệ (trung vị từ đầu đến cuối; trong ngoặc: CPU mọi luồng)',
      ...subjects.slice(2).flatMap((s) => {
        const list = runs.get(s) ?? [];
        const ms = median(list.map((r) => r.ms));
        const cpu = median(list.map((r) => r.cpuMs));
        const name = s.args.includes('--detail') ? 'chiso results --detail' : 'chiso results';
        const line = (floor: string, floorMs: number, floorCpu: number) =>
          `${name} ${vn(ms)} ms (${vn(cpu)} ms) | ${floor} ${vn(floorMs)} ms (${vn(floorCpu)} ms) | ${vn(ms / floorMs, 1)} × (${vn(cpu / floorCpu, 1)} ×)`;
        return [
          line('khởi động + đọc yêu cầu', startMs, startCpu),
          line('tính tối thiểu', floorMs, floorCpu),
        ];
      }),
    );
    return lines.join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
