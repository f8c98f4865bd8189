import type { Actor } from '@chiso/core';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { JobQueue } from './jobs/queue.js';
import type { Mailer } from './mail/mailer.js';
import type { EvidenceStore } from './storage/evidence-store.js';

/** The signed-in person, as use-cases see them. */
export interface CurrentActor extends Actor {
  username: string;
  fullName: string;
}

/** What the server is built from; tests pass their own clock and storage. */
export interface Deps {
  db: Db;
  clock: () => Date;
  storage: EvidenceStore;
  config: Config;
  /** E-mail, when SMTP is configured. */
  mailer?: Mailer | undefined;
  /** The job queue, once started (the server and tests start it; the command line does not). */
  jobs?: JobQueue | undefined;
}

/** Who asks, from where, and when (the server's clock, never the client's). */
export interface RequestContext {
  actor: CurrentActor | undefined;
  ip: string;
  now: Date;
}

/** A use-case's view of one request. */
export interface UseCaseContext extends RequestContext {
  deps: Deps;
}
