import pg from 'pg';

/** Advisory lock numbers of chiso's start-up steps ("chis" and "chiq" in ASCII; any fixed numbers). */
export const LOCKS = {
  migrations: 0x63686973,
  jobQueues: 0x63686971,
  /** With the import's id hashed as the second key: held while a server runs it ("chii"). */
  importRuns: 0x63686969,
} as const;

/**
 * Runs `work` while holding a PostgreSQL session advisory lock, taken on a connection of its own
 * (from the pool, or a client opened on the URL), so that servers starting together on one
 * database do a step one after the other (decision 0040). The work may use other connections:
 * the lock only makes the other servers wait. A dropped connection releases the lock.
 */
export async function withAdvisoryLock<T>(
  database: pg.Pool | string,
  lock: number,
  work: () => Promise<T>,
): Promise<T> {
  const client =
    typeof database === 'string' ? new pg.Client({ connectionString: database }) : undefined;
  const session = client ?? (await (database as pg.Pool).connect());
  try {
    if (client) await client.connect();
    await session.query('select pg_advisory_lock($1)', [lock]);
    try {
      return await work();
    } finally {
      await session.query('select pg_advisory_unlock($1)', [lock]);
    }
  } finally {
    if (client) await client.end();
    else (session as pg.PoolClient).release();
  }
}
