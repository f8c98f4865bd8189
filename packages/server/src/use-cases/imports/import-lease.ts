import type { Deps } from '../../context.js';
import {
  holdImportRunLock,
  IMPORT_LEASE_RENEW_MS,
  renewImportLease,
} from '../../repositories/import-jobs.js';

/**
 * Renews a running job's lease every `everyMs` until the returned function is called (decision
 * 0058), on PostgreSQL, where another server's sweep would otherwise fail it. On PGlite one
 * process holds the database and the start's recovery is enough (0045): no renewal competes for
 * its one connection. A failed renewal is let go: the next one tries again, and a lease that
 * lapses for good means the job is failed, as if its server had stopped.
 */
export function keepImportLease(
  deps: Deps,
  id: string,
  everyMs: number = IMPORT_LEASE_RENEW_MS,
): () => void {
  if (deps.config.databaseUrl === undefined) return () => undefined;
  // The lock says "alive" where the lease cannot (a stalled event loop renews nothing); taken
  // while the fresh lease already covers the job. Not got: the lease alone decides, as before.
  const held = holdImportRunLock(deps.db, id).catch(() => undefined);
  let renewing: Promise<void> | undefined;
  const timer = setInterval(() => {
    renewing ??= renewImportLease(deps.db, id)
      .catch(() => undefined)
      .finally(() => (renewing = undefined));
  }, everyMs);
  // A renewal must not keep a stopping process alive.
  timer.unref();
  return () => {
    clearInterval(timer);
    void held.then((release) => release?.()).catch(() => undefined);
  };
}
