import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';

function idsOf(result: unknown): string[] {
  return (result as { rows: { id: string }[] }).rows.map((r) => r.id);
}

/**
 * A unit's chain up to the root: the unit itself, its parent, … (one recursive query). Empty
 * when the unit does not exist; a cycle in the parents stops at the first repeat.
 */
export async function unitChain(db: Db, unitId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive chain(id, parent_id, depth, seen) as (
      select id, parent_id, 0, array[id] from units where id = ${unitId}
      union all
      select u.id, u.parent_id, c.depth + 1, c.seen || u.id
        from units u join chain c on u.id = c.parent_id
       where not u.id = any(c.seen)
    )
    select id from chain order by depth`);
  return idsOf(result);
}

/**
 * A unit and every unit below it (via parents), the unit first. The view's `parent_id` is the
 * change row's or the table's (decision 0057), which no index answers: each level's children
 * are first found by the two tables' parent indexes, then checked against the view by key
 * (`offset 0` keeps the planner from joining the whole view instead).
 */
export async function subtreeUnitIds(db: Db, unitId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive tree(id, depth, seen) as (
      select id, 0, array[id] from units where id = ${unitId}
      union all
      select k.id, t.depth + 1, t.seen || k.id
        from tree t cross join lateral (
          select u.id
            from (select r.id from unit_rows r where r.parent_id = t.id
                  union
                  select c.unit_id from unit_changes c where c.parent_id = t.id) candidate
            join units u on u.id = candidate.id
           where u.parent_id = t.id
          offset 0) k
       where not k.id = any(t.seen)
    )
    select id from tree order by depth, id`);
  return idsOf(result);
}

/** The chain up from the unit `owner` selects (one row, one column); empty when none. */
async function ownerChain(db: Db, owner: SQL): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive chain(id, parent_id, depth, seen) as (
      select u.id, u.parent_id, 0, array[u.id] from units u where u.id = (${owner})
      union all
      select u.id, u.parent_id, c.depth + 1, c.seen || u.id
        from units u join chain c on u.id = c.parent_id
       where not u.id = any(c.seen)
    )
    select id from chain order by depth`);
  return idsOf(result);
}

/** The chain of the unit whose secretariat runs a period (empty: the install's, or no period). */
export function periodChain(db: Db, periodId: string): Promise<string[]> {
  return ownerChain(db, sql`select owner_unit_id from periods where id::text = ${periodId}`);
}

/** The chain of the unit whose secretariat keeps a framework (empty: the install's). */
export function frameworkChain(db: Db, frameworkId: string): Promise<string[]> {
  return ownerChain(db, sql`select owner_unit_id from frameworks where id::text = ${frameworkId}`);
}

/** The chain of the unit whose secretariat runs the survey's period. */
export function surveyChain(db: Db, surveyId: string): Promise<string[]> {
  return ownerChain(
    db,
    sql`select p.owner_unit_id from periods p join surveys s on s.period_id = p.id
         where s.id::text = ${surveyId}`,
  );
}
