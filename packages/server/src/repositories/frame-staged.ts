import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { importJobs, surveyFrame } from '../db/schema.js';

// A sampling frame imported on PGlite is staged, decided, then applied in chunks (decision
// 0053); its rows are hidden from readers until the job ends, so that no one sees half a frame.

/**
 * Frame rows a reader may see: all but those of a decided frame import still being applied.
 * Such rows carry their job's decision instant (`committed_at`, the database's own clock, one
 * per transaction) as created_at, and the job's end (`state` leaving running, one statement)
 * shows them all at once.
 */
export const frameVisible: SQL = sql`not exists (
  select 1 from ${importJobs}
   where ${importJobs.kind} = 'surveyFrame'
     and ${importJobs.state} = 'running'
     and ${importJobs.committedAt} = ${surveyFrame.createdAt}
     and ${importJobs.parameters}->>'surveyId' = ${surveyFrame.surveyId}::text)`;

/**
 * Moves the first `limit` staged rows of import `importId` into survey `surveyId`'s frame in
 * one statement (taken, so each is applied once, crash or not), created at the import's
 * decision instant; answers how many moved.
 */
export async function applyStagedFrameRows(
  tx: Db,
  importId: string,
  surveyId: string,
  limit: number,
): Promise<number> {
  const result = await tx.execute(sql`
    with taken as (
      delete from import_rows
       where import_id = ${importId}::uuid
         and n in (select n from import_rows where import_id = ${importId}::uuid
                    order by n limit ${limit})
      returning n, data),
    stored as (
      insert into survey_frame
             (survey_id, unit_id, full_name, contact, procedure, completed_on, created_at)
      select ${surveyId}::uuid, data->>'unitId', data->>'fullName', data->>'contact',
             data->>'procedure', (data->>'completedOn')::date, j.committed_at
        from taken, import_jobs j where j.id = ${importId}::uuid order by n
      returning 1)
    select count(*)::int as n from stored`);
  return (result as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}
