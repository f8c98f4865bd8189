import { performance } from 'node:perf_hooks';

export interface Target {
  milliseconds?: number;
  megabytes?: number;
}

export interface Figure {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  /** Peak resident memory of the process while measuring, in MB. */
  peakRssMb: number;
  /** Heap still held after the runs and a collection, in MB. */
  heapAfterMb: number;
  target: Target | undefined;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

function collect() {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
}

/** Runs `work` once to warm up, then `runs` times, sampling time and resident memory. */
export function measure(
  name: string,
  runs: number,
  work: () => void,
  options: { target?: Target } = {},
): Figure {
  work();
  collect();
  let peakRss = process.memoryUsage().rss;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  collect();
  times.sort((a, b) => a - b);
  return {
    name,
    runs,
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    p95Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? 0,
    peakRssMb: mb(peakRss),
    heapAfterMb: mb(process.memoryUsage().heapUsed),
    target: options.target,
  };
}

/**
 * Runs an asynchronous `work` `runs` times (no warm-up: each run may change the database, and
 * is told its number), sampling resident memory every 20 ms while it runs.
 */
export async function measureAsync(
  name: string,
  runs: number,
  work: (run: number) => Promise<void>,
  options: { target?: Target } = {},
): Promise<Figure> {
  collect();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await work(i);
      times.push(performance.now() - start);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  } finally {
    clearInterval(sampler);
  }
  collect();
  times.sort((a, b) => a - b);
  return {
    name,
    runs,
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    p95Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? 0,
    peakRssMb: mb(peakRss),
    heapAfterMb: mb(process.memoryUsage().heapUsed),
    target: options.target,
  };
}

const number = (value: number, digits = 2) =>
  value.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function report(figures: Figure[]): string {
  const lines = figures.map((f) => {
    const verdicts: string[] = [];
    if (f.target?.milliseconds !== undefined) {
      verdicts.push(
        `${f.medianMs <= f.target.milliseconds ? 'đạt' : 'KHÔNG ĐẠT'} mục tiêu < ${number(f.target.milliseconds, 0)} ms`,
      );
    }
    if (f.target?.megabytes !== undefined) {
      verdicts.push(
        `${f.peakRssMb <= f.target.megabytes ? 'đạt' : 'KHÔNG ĐẠT'} mục tiêu < ${number(f.target.megabytes, 0)} MB`,
      );
    }
    return [
      `• ${f.name}`,
      `    trung vị ${number(f.medianMs, 3)} ms, p95 ${number(f.p95Ms, 3)} ms (${f.runs} lần)`,
      `    bộ nhớ tiến trình cao nhất ${number(f.peakRssMb, 0)} MB; heap sau khi dọn ${number(f.heapAfterMb, 0)} MB`,
      ...(verdicts.length > 0 ? [`    ${verdicts.join('; ')}`] : []),
    ].join('\n');
  });
  return lines.join('\n');
}
