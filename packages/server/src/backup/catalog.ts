import { readFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Db } from '../db/database.js';

// What a backup reads the database's own catalogue for: the tables of the public schema with
// their columns and keys, the order their foreign keys allow loading them in, and the
// migration level (decision 0039). Nothing here lists tables by hand, so a table a later
// migration adds is in the next backup without a change here.

export interface ColumnInfo {
  name: string;
  /** As `format_type` writes it: "numeric(14,6)", "timestamp with time zone", "jsonb", … */
  type: string;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Other tables this one's foreign keys point to. */
  references: string[];
  /** A foreign key to itself (units.parent_id): its rows are loaded in one statement. */
  selfReferencing: boolean;
  hasIdentity: boolean;
}

/** The rows of a query, the same from node-postgres and PGlite. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The public schema's tables, those referenced before those that reference them. */
export async function readTables(db: Db): Promise<TableInfo[]> {
  const columns = await queryRows<{ table: string; name: string; type: string; identity: string }>(
    db,
    sql`select c.relname as "table", a.attname as name,
          format_type(a.atttypid, a.atttypmod) as type, a.attidentity as identity
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0
          and not a.attisdropped and a.attgenerated = ''
        order by c.relname, a.attnum`,
  );
  const keys = await queryRows<{ table: string; columns: string[] | string }>(
    db,
    sql`select c.relname as "table",
          array(select a.attname from unnest(k.conkey) with ordinality as u(attnum, i)
                join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum
                order by u.i)::text[] as columns
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and k.contype = 'p'`,
  );
  const foreign = await queryRows<{ table: string; target: string }>(
    db,
    sql`select c.relname as "table", t.relname as target
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid
        join pg_class t on t.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and k.contype = 'f'`,
  );
  const tables = new Map<string, TableInfo>();
  for (const column of columns) {
    let table = tables.get(column.table);
    if (!table) {
      table = {
        name: column.table,
        columns: [],
        primaryKey: [],
        references: [],
        selfReferencing: false,
        hasIdentity: false,
      };
      tables.set(column.table, table);
    }
    table.columns.push({ name: column.name, type: column.type });
    if (column.identity !== '') table.hasIdentity = true;
  }
  for (const key of keys) {
    const table = tables.get(key.table);
    if (table) table.primaryKey = parseTextArray(key.columns);
  }
  for (const { table: name, target } of foreign) {
    const table = tables.get(name);
    if (!table) continue;
    if (target === name) table.selfReferencing = true;
    else if (!table.references.includes(target)) table.references.push(target);
  }
  return dependencyOrder([...tables.values()]);
}

/** pg gives text[] as an array, PGlite too; a "{a,b}" literal is read as well. */
function parseTextArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter((part) => part !== '')
    .map((part) => part.replace(/^"|"$/g, ''));
}

/** Referenced tables first, by name among equals, so that two backups list tables alike. */
function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  const visiting = new Set<string>();
  const visit = (table: TableInfo) => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name)) {
      throw new Error(`foreign keys form a cycle through ${table.name}`);
    }
    visiting.add(table.name);
    for (const name of [...table.references].sort()) {
      const target = byName.get(name);
      if (target) visit(target);
    }
    visiting.delete(table.name);
    done.add(table.name);
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table);
  return ordered;
}

export interface MigrationStep {
  /** 1-based position in the journal. */
  level: number;
  tag: string;
  hash: string;
  folderMillis: number;
  statements: string[];
}

/** The code's migrations, in order, with the tags the journal gives them. */
export function codeMigrations(folder: string): MigrationStep[] {
  const files = readMigrationFiles({ migrationsFolder: folder });
  // readMigrationFiles has read and checked the journal; only its tags are not returned.
  const journal = (
    JSON.parse(readFileSync(`${folder}/meta/_journal.json`, 'utf8')) as {
      entries: { tag: string }[];
    }
  ).entries.map((entry) => entry.tag);
  return files.map((file, index) => ({
    level: index + 1,
    tag: journal[index] ?? `#${index + 1}`,
    hash: file.hash,
    folderMillis: file.folderMillis,
    statements: file.sql,
  }));
}

/**
 * How far the database is migrated: the applied migrations' hashes, which must be the code's
 * first ones. `undefined` when the database has no migration table (never migrated).
 */
export async function migrationLevel(db: Db): Promise<string[] | undefined> {
  const exists = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists[0]?.present) return undefined;
  const applied = await queryRows<{ hash: string }>(
    db,
    sql`select hash from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return applied.map((row) => row.hash);
}
