import { PGlite, protocol } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db } from './database.js';

/**
 * A statement of the hot path, written once as SQL text with $n parameters, sent with neither
 * drizzle's query building nor its row mapping (decision 0050). Prepared by name: on PostgreSQL
 * once per pooled connection, on PGlite once per database (its one connection).
 */
export interface RawStatement {
  /** The name it is prepared under; unique in the program. */
  name: string;
  text: string;
}

/** A row as the database wrote it: each column's text form, or null. */
export type TextRow = (string | null)[];

interface DrizzleInternals {
  $client?: unknown;
  // drizzle keeps its logger on the session: the one a test counts every statement by.
  session?: { logger?: { logQuery: (query: string, params: unknown[]) => void } };
}

// Every column as the text PostgreSQL sent: the caller reads the few it asked for itself.
const AS_TEXT = { getTypeParser: () => (value: string) => value };

/**
 * Runs `statement` on the database handle's own driver and answers its rows as text. Runs on the
 * handle itself, never inside a transaction (PGlite would wait for the transaction it is in).
 * `prepared: false` sends it unnamed on PostgreSQL, for a PgBouncer in transaction mode that
 * does not keep prepared statements (before 1.21, or max_prepared_statements = 0).
 */
export async function runRaw(
  db: Db,
  statement: RawStatement,
  values: string[],
  prepared: boolean,
): Promise<TextRow[]> {
  const internals = db as unknown as DrizzleInternals;
  internals.session?.logger?.logQuery(statement.text, values);
  const client = internals.$client;
  if (client instanceof pg.Pool) {
    const result = await client.query<TextRow>({
      ...(prepared ? { name: statement.name } : {}),
      text: statement.text,
      values,
      rowMode: 'array',
      types: AS_TEXT,
    });
    return result.rows;
  }
  if (client instanceof PGlite) return runOnPglite(client, statement, values);
  throw new Error(`${statement.name}: runs on a database handle, not inside a transaction`);
}

/** Whether the handle is a PostgreSQL server's pool (not PGlite, not a transaction). */
export function onPostgresServer(db: Db): boolean {
  return (db as unknown as DrizzleInternals).$client instanceof pg.Pool;
}

/** The PostgreSQL server's pool behind the handle, if it is one (see onPostgresServer). */
export function postgresPool(db: Db): pg.Pool | undefined {
  const client = (db as unknown as DrizzleInternals).$client;
  return client instanceof pg.Pool ? client : undefined;
}

const { serialize } = protocol;
const SYNC = serialize.sync();
const EXECUTE = serialize.execute({});
/** The statements already parsed by name on each PGlite database. */
const parsedOn = new WeakMap<PGlite, Set<string>>();

/**
 * PGlite's `query` parses, describes, binds, describes again and executes: five trips into the
 * WebAssembly engine per statement, most of a signed-in request's cost. A statement parsed once
 * by name is then one bind-execute-sync message. Both of PGlite's locks are held, as `query`
 * holds them, so that it never runs between the statements of someone else's transaction.
 */
async function runOnPglite(
  client: PGlite,
  statement: RawStatement,
  values: string[],
): Promise<TextRow[]> {
  return client._runExclusiveTransaction(() =>
    client.runExclusive(async () => {
      let parsed = parsedOn.get(client);
      if (!parsed) parsedOn.set(client, (parsed = new Set()));
      if (!parsed.has(statement.name)) {
        await client.execProtocol(
          join([serialize.parse({ name: statement.name, text: statement.text, types: [] }), SYNC]),
          { syncToFs: false },
        );
        parsed.add(statement.name);
      }
      const { messages } = await client.execProtocol(
        join([serialize.bind({ statement: statement.name, values }), EXECUTE, SYNC]),
        // A read writes nothing to the folder.
        { syncToFs: false },
      );
      const rows: TextRow[] = [];
      for (const message of messages) {
        if (message instanceof protocol.messages.DataRowMessage) rows.push(message.fields);
      }
      return rows;
    }),
  );
}

function join(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
