import { signIn } from './client.js';
import {
  entryChain,
  entryWorld,
  ENTRY_CODES,
  lostEntries,
  type AckedEntry,
} from './entry-world.js';
import type { Random } from './seeded.js';
import { ADMIN, freshDatabase, startServer, type DatabaseKind } from './server-process.js';

export interface Durability {
  kind: DatabaseKind;
  runs: number;
  acknowledged: number;
  /** Of them, the unit officer's entry saves. */
  entrySaves: number;
  lost: number;
  /** Runs whose server did not come back on its own data. */
  failedRestarts: number;
  restartMsMax: number;
  restartMsMedian: number;
  /** The first start on the empty database, for comparison (the slowest run). */
  firstStartMsMax: number;
}

/**
 * kill -9 in the middle of concurrent writes: each run a fresh database, the real server
 * process, `writers` administrators' loops each creating units (`PUT /api/units/:id`, one
 * transaction with its audit row), SIGKILL at a seeded moment, a restart on the same data and
 * every acknowledged (2xx) unit read back by id and name; beside them the unit officer saves six
 * leaves in version-checked chains, each leaf's last acknowledged save read back.
 */
export async function killDurability(
  kind: DatabaseKind,
  random: Random,
  options: { runs: number; writers: number; killAfterMs: [number, number]; baseUrl?: string },
): Promise<Durability> {
  let acknowledged = 0;
  let entrySavesAll = 0;
  let firstStartMsMax = 0;
  let lost = 0;
  let failedRestarts = 0;
  const restarts: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const database = await freshDatabase(kind, options.baseUrl);
    try {
      const server = await startServer(database);
      firstStartMsMax = Math.max(firstStartMsMax, server.startMs);
      const client = await signIn(server.base, ADMIN);
      const { officer, periodId } = await entryWorld(client);
      const acked = new Map<string, string>();
      const ackedEntries = new Map<string, AckedEntry>();
      let stopping = false;
      const writer = async (w: number) => {
        for (let i = 0; !stopping; i++) {
          const id = `K${run}-${w}-${i}`;
          const name = `Đơn vị kiểm tra ${run}.${w}.${i}`;
          try {
            const r = await client.request('PUT', `/api/units/${id}`, { name, type: 'so' }, 10_000);
            if (r.status >= 200 && r.status < 300) acked.set(id, name);
          } catch {
            return; // The connection died with the process: not acknowledged.
          }
        }
      };
      const writers = [
        ...Array.from({ length: options.writers }, (_x, w) => writer(w).then(() => 0)),
        ...ENTRY_CODES.map((code) =>
          entryChain(officer, periodId, code, ackedEntries, () => stopping),
        ),
      ];
      const delay = random.int(options.killAfterMs[0], options.killAfterMs[1]);
      await new Promise((resolve) => setTimeout(resolve, delay));
      await server.kill9();
      stopping = true;
      const entrySaves = (await Promise.all(writers)).reduce((a, b) => a + b, 0);
      acknowledged += acked.size + entrySaves;
      entrySavesAll += entrySaves;
      let again;
      try {
        again = await startServer(database);
      } catch {
        failedRestarts++;
        lost += acked.size + entrySaves;
        continue;
      }
      restarts.push(again.startMs);
      const reader = await signIn(again.base, ADMIN);
      const listed = await reader.request('GET', '/api/units');
      const names = new Map(
        (listed.body as { units: { id: string; name: string }[] }).units.map((u) => [u.id, u.name]),
      );
      for (const [id, name] of acked) if (names.get(id) !== name) lost++;
      lost += await lostEntries(reader, periodId, ackedEntries);
      await again.stop();
    } finally {
      await database.drop();
    }
  }
  restarts.sort((a, b) => a - b);
  return {
    kind,
    runs: options.runs,
    acknowledged,
    entrySaves: entrySavesAll,
    lost,
    failedRestarts,
    restartMsMax: restarts.at(-1) ?? 0,
    restartMsMedian: restarts[Math.floor((restarts.length - 1) / 2)] ?? 0,
    firstStartMsMax,
  };
}

/** How long after the writes begin the process is killed; overridden by the environment. */
export const KILL_WINDOW_MS: [number, number] = [1000, 5000];
