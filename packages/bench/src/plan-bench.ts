import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPlans, computeResults, DEFAULT_POLICY, plansOf, presentPlan } from '@chiso/core';
import { CHISO, FLOOR, median, runOnce, vn, type Run } from './cli-bench.js';
import { measure, type Figure } from './measure.js';
import { benchFramework, benchRequest, benchUnits } from './results-world.js';

const UNITS = 4000;

/**
 * Improvement plans for 4,000 units in process, from results computed once (what the server
 * holds for a published period): every unit's rows with the what-if total, index and rank,
 * one plan after another as a caller storing them would take them. Target: under 2 s. Then
 * all of them held at once, and with the JSON presentation and its Vietnamese lines.
 */
export function benchPlans(): Figure[] {
  const framework = benchFramework();
  const { units, previous, lineage } = benchUnits(framework, UNITS);
  const results = computeResults({ framework, policy: DEFAULT_POLICY, units, previous, lineage });
  const rows = framework.nodes.length;
  return [
    measure(
      `Kế hoạch khắc phục cho ${vn(UNITS)} đơn vị × ${rows} dòng, lần lượt từng đơn vị (điểm bị mất, mục tiêu, tổng điểm, chỉ số và hạng nếu đạt mục tiêu)`,
      5,
      () => {
        let count = 0;
        for (const plan of plansOf(framework, results)) count += plan.rows.length;
        if (count !== UNITS * rows) throw new Error('wrong row count');
      },
      { target: { milliseconds: 2000 } },
    ),
    measure(`Như trên, giữ cả ${vn(UNITS)} kế hoạch trong bộ nhớ (buildPlans)`, 3, () => {
      if (buildPlans(framework, results).length !== UNITS) throw new Error('wrong plan count');
    }),
    measure(
      `Kế hoạch cho ${vn(UNITS)} đơn vị kèm bản JSON (mỗi dòng một câu tóm tắt tiếng Việt)`,
      3,
      () => {
        let length = 0;
        for (const plan of plansOf(framework, results)) {
          length += JSON.stringify(presentPlan(plan)).length;
        }
        if (length === 0) throw new Error('nothing presented');
      },
    ),
  ];
}

/**
 * `chiso plan --input … --unit … --json` end to end on the 4,000-unit request (it computes
 * every unit's results to rank the peer group), beside the floor of `chiso results` and
 * `chiso results --input` measured in the same run, interleaved.
 */
export async function benchPlanCli(): Promise<string> {
  const quick = process.env.CHISO_BENCH_QUICK === '1';
  const dir = await mkdtemp(join(tmpdir(), 'chiso-bench-plan-'));
  try {
    const request = join(dir, 'yeu-cau.json');
    await writeFile(request, JSON.stringify(benchRequest(UNITS)));
    const subjects = [
      { label: 'Sàn (như của chiso results)', args: [FLOOR, request] },
      { label: 'chiso results --input', args: [CHISO, 'results', '--input', request] },
      {
        label:
          'chiso plan --input --unit u123 --json (kết quả cả tỉnh để xếp hạng, kế hoạch một đơn vị)',
        args: [CHISO, 'plan', '--input', request, '--unit', 'u123', '--json'],
      },
    ];
    const runs = quick ? 1 : 3;
    for (const s of subjects) await runOnce(s.args, join(dir, 'ra.json'));
    const measured = new Map<string, Run[]>(subjects.map((s) => [s.label, []]));
    for (let i = 0; i < runs; i++) {
      for (const s of subjects)
        measured.get(s.label)?.push(await runOnce(s.args, join(dir, 'ra.json')));
    }
    const floorMs = median((measured.get(subjects[0]!.label) ?? []).map((r) => r.ms));
    const lines = [`chiso plan từ đầu đến cuối, mỗi lần một tiến trình: ${vn(UNITS)} đơn vị`];
    for (const s of subjects) {
      const list = measured.get(s.label) ?? [];
      const ms = median(list.map((r) => r.ms));
      const cpu = median(list.map((r) => r.cpuMs));
      const rss = Math.max(...list.map((r) => r.rssMb));
      const ratio = s === subjects[0] ? '' : ` = ${vn(ms / floorMs, 1)} × sàn`;
      lines.push(
        `• ${s.label}`,
        `    trung vị ${vn(ms)} ms${ratio}, CPU (mọi luồng) ${vn(cpu)} ms (${list.length} lần); bộ nhớ cao nhất ${vn(rss)} MB`,
      );
    }
    return lines.join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
