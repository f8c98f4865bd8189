import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { quoteIdent, queryRows, type ColumnInfo } from './catalog.js';

// A table's rows as PostgreSQL's own text for each value (or null), ordered by primary key,
// one JSON array per line: exact for numeric, jsonb, bytea (hex) and instants (UTC), and read
// back through the same types' input functions (decision 0039).

/** The settings that make every value's text the same wherever and whenever it is read. */
export async function fixTextSettings(tx: Db): Promise<void> {
  await tx.execute(sql.raw(`set local timezone = 'UTC'`));
  await tx.execute(sql.raw(`set local datestyle = 'ISO, YMD'`));
  await tx.execute(sql.raw(`set local intervalstyle = 'postgres'`));
  await tx.execute(sql.raw(`set local extra_float_digits = 1`));
  await tx.execute(sql.raw(`set local bytea_output = 'hex'`));
}

export type TextRow = (string | null)[];

const pageSize = (columns: ColumnInfo[]) => (columns.some((c) => c.type === 'bytea') ? 8 : 1000);

/**
 * Reads a whole table in pages through a cursor inside the caller's transaction, handing each
 * page to `onPage` before the next is fetched.
 */
export async function readTableRows(
  tx: Db,
  table: { name: string; columns: ColumnInfo[]; primaryKey: string[] },
  onPage: (rows: TextRow[]) => Promise<void>,
): Promise<void> {
  const select = table.columns
    .map((column, i) => `${quoteIdent(column.name)}::text as c${i}`)
    .join(', ');
  const order = (table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((c) => c.name))
    .map(quoteIdent)
    .join(', ');
  const cursor = quoteIdent(`backup_${table.name}`);
  await tx.execute(
    sql.raw(
      `declare ${cursor} no scroll cursor for select ${select} from ${quoteIdent(table.name)} order by ${order}`,
    ),
  );
  const size = pageSize(table.columns);
  for (;;) {
    const result = await queryRows<Record<string, string | null>>(
      tx,
      sql.raw(`fetch ${size} from ${cursor}`),
    );
    if (result.length === 0) break;
    await onPage(result.map((row) => table.columns.map((_, i) => row[`c${i}`] ?? null)));
    if (result.length < size) break;
  }
  await tx.execute(sql.raw(`close ${cursor}`));
}

/**
 * Inserts rows given as text: one statement per batch, each value cast by its column's type.
 * `into` may be a staging table of the same columns.
 */
export async function insertTextRows(
  tx: Db,
  into: string,
  table: { columns: ColumnInfo[]; hasIdentity: boolean },
  rows: TextRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = table.columns.map((column) => quoteIdent(column.name)).join(', ');
  const values = table.columns.map((column, i) => `(r->>${i})::${column.type}`).join(', ');
  const overriding = table.hasIdentity ? ' overriding system value' : '';
  await tx.execute(
    sql`${sql.raw(`insert into ${quoteIdent(into)} (${names})${overriding} select ${values} from jsonb_array_elements(`)}${JSON.stringify(rows)}${sql.raw(`::jsonb) as r`)}`,
  );
}
