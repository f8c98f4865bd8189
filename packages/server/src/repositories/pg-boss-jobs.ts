import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';

// pg-boss keeps its jobs in its own schema ("pgboss"); the administrator's list reads them here.

export interface PgBossJobRow {
  id: string;
  name: string;
  state: string;
  singleton_key: string | null;
  retry_count: number;
  retry_limit: number;
  created_on: Date | string;
  started_on: Date | string | null;
  completed_on: Date | string | null;
  start_after: Date | string;
  output: unknown;
}

export async function listPgBossJobs(
  db: Db,
  names: readonly string[],
  options: { failedOnly: boolean; limit: number; id?: string },
): Promise<PgBossJobRow[]> {
  const result = await db.execute(sql`
    select id::text, name, state::text, singleton_key, retry_count, retry_limit, created_on,
           started_on, completed_on, start_after, output
      from pgboss.job
     where name in (${sql.join(
       names.map((n) => sql`${n}`),
       sql`, `,
     )})
       ${options.failedOnly ? sql`and state = 'failed'` : sql``}
       ${options.id ? sql`and id = ${options.id}::uuid` : sql``}
     order by created_on desc, id desc
     limit ${options.limit}`);
  return (result as { rows: PgBossJobRow[] }).rows;
}
