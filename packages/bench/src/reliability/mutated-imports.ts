import { signIn, type Client } from './client.js';
import { IMPORT_KINDS, MUTATIONS, mutatedFile } from './import-files.js';
import type { Random } from './seeded.js';
import {
  ADMIN,
  freshDatabase,
  startServer,
  type DatabaseKind,
  type ServerProcess,
} from './server-process.js';
import { uploadAndWait } from './upload-outcome.js';

export interface MutatedImports {
  kind: DatabaseKind;
  tried: number;
  accepted: number;
  refused: number;
  serverErrors: number;
  crashes: number;
  hangs: number;
  partial: number;
  peakRssMb: number;
  /** The peak after the start and sign-in, before the first upload. */
  startPeakRssMb: number;
  /** The first few 5xx, crashes and partial imports, for whoever looks into them. */
  examples: string[];
  /** Answers by status (a job's outcome counts as its final state). */
  statuses: Record<string, number>;
  /** The upload after which the server's peak memory rose most, and by how much. */
  heaviest: string;
}

/** Units, accounts and frameworks in the database, as the administrator reads them. */
async function rowCounts(client: Client): Promise<string> {
  const [units, users, frameworks] = await Promise.all([
    client.request('GET', '/api/units'),
    client.request('GET', '/api/users'),
    client.request('GET', '/api/frameworks'),
  ]);
  const length = (body: unknown) => (Array.isArray(body) ? body.length : -1);
  return [
    (units.body as { units?: unknown[] }).units?.length ?? -1,
    length(users.body),
    length(frameworks.body),
  ].join('/');
}

/**
 * Valid unit, account and framework files (.xlsx and .csv), each damaged one seeded way, each
 * uploaded through its route to the real server; the row counts are compared before and after
 * every refused import. A process that exits is counted and started again on its data.
 */
export async function mutatedImports(
  kind: DatabaseKind,
  random: Random,
  options: { files: number; timeoutMs: number; baseUrl?: string },
): Promise<MutatedImports> {
  const database = await freshDatabase(kind, options.baseUrl);
  const figures: MutatedImports = {
    kind,
    tried: 0,
    accepted: 0,
    refused: 0,
    serverErrors: 0,
    crashes: 0,
    hangs: 0,
    partial: 0,
    peakRssMb: 0,
    startPeakRssMb: 0,
    examples: [],
    statuses: {},
    heaviest: '',
  };
  let biggestRise = 0;
  const note = (text: string) => {
    if (figures.examples.length < 8) figures.examples.push(text);
  };
  let server: ServerProcess = await startServer(database);
  try {
    let client = await signIn(server.base, ADMIN);
    const seed = await client.request('PUT', '/api/units/SNV', { name: 'Sở Nội vụ', type: 'so' });
    if (seed.status !== 200) throw new Error(`unit SNV → ${seed.status}`);
    let before = await rowCounts(client);
    figures.startPeakRssMb = figures.peakRssMb = server.peakRssMb();
    for (let trial = 0; trial < options.files; trial++) {
      const importKind = IMPORT_KINDS[trial % IMPORT_KINDS.length]!;
      const mutation = MUTATIONS[Math.floor(trial / IMPORT_KINDS.length) % MUTATIONS.length]!;
      const file = await mutatedFile(importKind, trial, mutation, random);
      const what = `${importKind.name} ${mutation} ${file.name} (${file.content.length} B)`;
      const outcome = await uploadAndWait(client, importKind.path(trial), file, options.timeoutMs);
      figures.tried++;
      if (outcome.kind === 'accepted') figures.accepted++;
      if (outcome.kind === 'refused') figures.refused++;
      if (outcome.kind === 'serverError') {
        figures.serverErrors++;
        note(`5xx ${what}: ${outcome.status} ${outcome.message}`);
      }
      if (outcome.kind === 'hang') {
        figures.hangs++;
        note(`hang ${what}`);
      }
      const status = 'status' in outcome ? String(outcome.status) : outcome.kind;
      figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
      const peak = server.peakRssMb();
      if (peak - figures.peakRssMb > biggestRise) {
        biggestRise = peak - figures.peakRssMb;
        figures.heaviest = `${what}: +${Math.round(biggestRise)} MiB`;
      }
      figures.peakRssMb = Math.max(figures.peakRssMb, peak);
      if (!server.alive()) {
        figures.crashes++;
        note(`crash ${what}: ${server.stderr().slice(-300)}`);
        server = await startServer(database);
        client = await signIn(server.base, ADMIN);
      } else if (outcome.kind === 'noAnswer') {
        figures.serverErrors++;
        note(`no answer ${what}: ${outcome.message}`);
      }
      if (outcome.kind === 'hang') {
        // Whatever it still does may change the counts later: wait until it answers again.
        await waitHealthy(server);
      }
      const after = await rowCounts(client);
      if (after !== before && outcome.kind !== 'accepted') {
        figures.partial++;
        note(`partial ${what}: units/users/frameworks ${before} → ${after} (${outcome.kind})`);
      }
      before = after;
    }
    figures.peakRssMb = Math.max(figures.peakRssMb, server.peakRssMb());
  } finally {
    await server.stop();
    await database.drop();
  }
  return figures;
}

async function waitHealthy(server: ServerProcess): Promise<void> {
  for (let i = 0; i < 600 && server.alive(); i++) {
    const ok = await fetch(`${server.base}/healthz`, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
