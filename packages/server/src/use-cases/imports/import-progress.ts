import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { isImportCancelRequested, updateImportJob } from '../../repositories/import-jobs.js';

/** What the progress bar says: reading the file, checking its rows, saving them. */
export const IMPORT_PHASES = ['reading', 'checking', 'saving'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** Thrown between two batches once the requester asked to stop: the job rolls back. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}

/**
 * An import's progress as its use-case reports it. `step` is called between batches: it records
 * the rows done, yields to the event loop (so the server keeps answering) and throws
 * ImportCancelled when the requester asked to stop.
 */
export interface ImportProgress {
  phase: (phase: ImportPhase, totalRows?: number) => Promise<void>;
  /** `tx`: the transaction the batch runs in, when inside one. */
  step: (doneRows: number, tx?: Db) => Promise<void>;
  /** Runs a stepped core reader to its end, calling `step` at each of its pauses. */
  drive: <T>(steps: Generator<number, T>) => Promise<T>;
  /**
   * Present for a job on PGlite (one connection): its rows are staged in short transactions,
   * then applied in chunks (decision 0045). `advance` is `step` once the import is decided: it
   * records and yields but no longer hears a cancel.
   */
  staging?: { importId: string; advance: (doneRows: number) => Promise<void> };
}

/** For an import run inside a request (the ones not yet moved to jobs): it only yields. */
export const IN_REQUEST: ImportProgress = {
  phase: async () => undefined,
  step: async () => {
    await nextTurn();
  },
  drive: async (steps) => {
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      await nextTurn();
    }
  },
};

/**
 * A job's pause between two batches (decision 0045): long enough for a request that arrived
 * meanwhile to run its few short queries before the next batch takes PGlite (one connection,
 * on this thread) again; a turn of the event loop let only its first query in.
 */
const PAUSE_MS = 10;
const pause = () => sleep(PAUSE_MS);

/** Cancellations asked on this server: seen at once, even while a transaction holds PGlite. */
const cancelledHere = new Set<string>();
export const markCancelledHere = (id: string) => cancelledHere.add(id);
export const forgetCancelled = (id: string) => cancelledHere.delete(id);

/**
 * Called at every step of every import job, for tests that act between two batches; `decided`
 * once a staged import is past its commit point (decision 0045).
 */
type StepHook = (
  importId: string,
  phase: ImportPhase,
  doneRows: number,
  decided: boolean,
) => Promise<void> | void;
let stepHook: StepHook | undefined;
export function onImportStep(hook: StepHook | undefined): void {
  stepHook = hook;
}

/**
 * The progress of import job `id`, written to its row. Inside a transaction on PGlite (one
 * connection, held by the transaction) nothing else can be read or written until it ends, so
 * the progress and the flag are then kept here only; on PostgreSQL they go through the pool.
 */
export function jobProgress(deps: Deps, id: string): ImportProgress {
  const shared = deps.config.databaseUrl !== undefined;
  let current: ImportPhase = 'reading';
  const progress: ImportProgress = {
    async phase(phase, totalRows) {
      current = phase;
      await updateImportJob(deps.db, id, {
        phase,
        doneRows: 0,
        ...(totalRows === undefined ? {} : { totalRows }),
      });
    },
    async step(doneRows, tx) {
      await pause();
      await stepHook?.(id, current, doneRows, false);
      const free = tx === undefined || shared;
      if (free) await updateImportJob(deps.db, id, { doneRows });
      if (cancelledHere.has(id) || (free && (await isImportCancelRequested(deps.db, id))))
        throw new ImportCancelled();
    },
    async drive(steps) {
      for (;;) {
        const next = steps.next();
        if (next.done) return next.value;
        await progress.step(next.value);
      }
    },
  };
  if (!shared) {
    progress.staging = {
      importId: id,
      async advance(doneRows) {
        await pause();
        await stepHook?.(id, current, doneRows, true);
        await updateImportJob(deps.db, id, { doneRows });
      },
    };
  }
  return progress;
}
