import { sql } from 'drizzle-orm';
import { queryRows } from '../backup/catalog.js';
import type { Db } from '../db/database.js';
import { onImportStep } from '../use-cases/imports/import-progress.js';

/** A promise and the function that ends it (failing it with `error`), for a held job. */
function gate() {
  let open: (error?: Error) => void = () => undefined;
  const held = new Promise<void>((resolve, reject) => {
    open = (error) => (error ? reject(error) : resolve());
  });
  held.catch(() => undefined);
  return { held, open };
}

/**
 * Holds import job `id` at the first pause `at` picks until released (with an error: a fault
 * there). Tests reset the hook with `onImportStep(undefined)` after each case.
 */
export function holdImportAt(
  id: string,
  at: (phase: string, done: number, decided: boolean) => boolean,
): { reached: Promise<void>; release: (error?: Error) => void } {
  const g = gate();
  let reach: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  let once = false;
  onImportStep(async (importId, phase, done, decided) => {
    if (once || importId !== id || !at(phase, done, decided)) return;
    once = true;
    reach();
    await g.held;
  });
  return { reached, release: g.open };
}

/** Units with ids starting with `prefix` in the table under the `units` view, hidden or not. */
export async function storedUnitsLike(db: Db, prefix: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from unit_rows where id like ${`${prefix}%`}`,
  );
  return row?.n ?? 0;
}
