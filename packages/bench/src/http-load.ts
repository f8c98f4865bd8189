import { fork } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// The HTTP load shared by the end-to-end figures: a served process of its own, kept-alive
// GETs at a concurrency, each one's time to its last byte.

export interface Child {
  port: number;
  /** The child's processor time so far (user and system), in milliseconds. */
  cpuMs: () => Promise<number>;
  stop: () => Promise<void>;
}

/** A bench process of its own (forked), once it has said which port it listens on. */
/** One side of a comparison (the floor or chiso): its process, what it is asked, what it took. */
export interface Subject {
  label: string;
  child: Child;
  url: string;
  headers: Record<string, string>;
  times: number[];
  wallMs: number;
  cpuMs: number;
}

export async function start(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Child> {
  // Plain `node`, as production starts it: none of the bench's own flags (--expose-gc).
  const child = fork(join(here, script), args, {
    env: { ...process.env, ...env },
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) =>
      reject(new Error(`${script} stopped (${String(code)}): ${stderr}`)),
    );
  });
  return {
    port,
    cpuMs: async () => {
      const answer = new Promise<NodeJS.CpuUsage>((resolve) => {
        const listen = (message: unknown) => {
          const { cpu } = message as { cpu?: NodeJS.CpuUsage };
          if (!cpu) return;
          child.off('message', listen);
          resolve(cpu);
        };
        child.on('message', listen);
      });
      child.send('cpu');
      const { user, system } = await answer;
      return (user + system) / 1000;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.send('stop');
      await exited;
    },
  };
}

/** `requests` GETs, `concurrency` at a time over kept-alive connections; each one's time to its last byte. */
export async function load(
  url: string,
  headers: Record<string, string>,
  requests: number,
  concurrency: number,
) {
  const times: number[] = [];
  let sent = 0;
  const worker = async () => {
    while (sent < requests) {
      sent++;
      const begin = performance.now();
      const response = await fetch(url, { headers });
      const body = await response.arrayBuffer();
      times.push(performance.now() - begin);
      if (response.status !== 200 || body.byteLength === 0) {
        throw new Error(`${url} → ${response.status}`);
      }
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { times, wallMs: performance.now() - begin };
}

/** Nearest-rank percentile of sorted times. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;

/**
 * Like `load`, over node:http with `concurrency` kept-alive sockets, reading the bytes as sent
 * (a compressed body is not unpacked): the client costs far less than fetch, so that with 200
 * connections on a small machine the figure is the server's and not the load generator's.
 */
export async function rawLoad(
  url: string,
  headers: Record<string, string>,
  requests: number,
  concurrency: number,
) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const times: number[] = [];
  let sent = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const begin = performance.now();
      request(url, { headers, agent }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => {
          times.push(performance.now() - begin);
          if (response.statusCode !== 200 || bytes === 0) {
            reject(new Error(`${url} → ${String(response.statusCode)}`));
          } else resolve();
        });
        response.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
  const worker = async () => {
    while (sent < requests) {
      sent++;
      await one();
    }
  };
  const begin = performance.now();
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return { times, wallMs: performance.now() - begin };
}
