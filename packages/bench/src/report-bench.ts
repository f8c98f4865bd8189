import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHISO, FLOOR, median, runOnce, vn, type Run } from './cli-bench.js';
import { benchFramework, benchRequest } from './results-world.js';

const UNITS = 4000;
const TARGET_SECONDS = 10;
const TARGET_MB = 1024;

/**
 * `chiso report` end to end for 4,000 units (national scale), each run a process of its own:
 * start, read and check the request, compute, build the report, write the .docx (every unit
 * named in its group and ranked in its block) and the appendix .xlsx (every node of every
 * unit, half a million rows), beside the floor and `chiso results` on the same request in the
 * same run, interleaved. Target: under 10 s and 1 GB. The Word appendix is left out here: at
 * this size it would be some 15,000 pages, which the command refuses (decision 0021).
 */
export async function benchReportCli(): Promise<string> {
  const quick = process.env.CHISO_BENCH_QUICK === '1';
  const dir = await mkdtemp(join(tmpdir(), 'chiso-bench-report-'));
  try {
    const request = join(dir, 'yeu-cau.json');
    await writeFile(request, JSON.stringify(benchRequest(UNITS)));
    const docx = join(dir, 'bao-cao.docx');
    const xlsx = join(dir, 'phu-luc.xlsx');
    const nodes = benchFramework().nodes.length;
    const subjects = [
      { label: 'Sàn (như của chiso results)', args: [FLOOR, request], target: false },
      {
        label: 'chiso results --input',
        args: [CHISO, 'results', '--input', request],
        target: false,
      },
      {
        label: 'chiso report --input --out bao-cao.docx --no-appendix (báo cáo, không phụ lục)',
        args: [CHISO, 'report', '--input', request, '--out', docx, '--no-appendix'],
        target: false,
      },
      {
        label: `chiso report --input --out bao-cao.docx --no-appendix --xlsx phu-luc.xlsx (phụ lục ${vn(UNITS * (nodes + 1))} dòng)`,
        args: [CHISO, 'report', '--input', request, '--out', docx, '--no-appendix', '--xlsx', xlsx],
        target: true,
      },
    ];
    const runs = quick ? 1 : 3;
    for (const s of subjects) await runOnce(s.args, join(dir, 'ra.txt'));
    const measured = new Map<string, Run[]>(subjects.map((s) => [s.label, []]));
    for (let i = 0; i < runs; i++) {
      for (const s of subjects)
        measured.get(s.label)?.push(await runOnce(s.args, join(dir, 'ra.txt')));
    }
    const lines = [
      `chiso report từ đầu đến cuối, mỗi lần một tiến trình: ${vn(UNITS)} đơn vị × ${nodes} nội dung`,
    ];
    for (const s of subjects) {
      const list = measured.get(s.label) ?? [];
      const seconds = median(list.map((r) => r.ms)) / 1000;
      const cpu = median(list.map((r) => r.cpuMs)) / 1000;
      const rss = Math.max(...list.map((r) => r.rssMb));
      const verdict = s.target
        ? ` — mục tiêu < ${TARGET_SECONDS} s và < ${vn(TARGET_MB)} MB: ${seconds < TARGET_SECONDS && rss < TARGET_MB ? 'đạt' : 'CHƯA ĐẠT'}`
        : '';
      lines.push(
        `• ${s.label}`,
        `    trung vị ${vn(seconds, 2)} s, CPU (mọi luồng) ${vn(cpu, 2)} s (${list.length} lần); bộ nhớ cao nhất ${vn(rss)} MB${verdict}`,
      );
    }
    return lines.join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
