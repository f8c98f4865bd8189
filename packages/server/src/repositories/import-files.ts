import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { importFileChunks } from '../db/schema.js';

// An import's uploaded file, kept in ~1 MB pieces in the database every server shares
// (decision 0055): written piece by piece as the upload arrives, read piece by piece by the job,
// so neither the request nor the job holds the whole file.

/** Bytes per stored piece: large enough for few statements, small enough to cost nothing held. */
// Pieces travel as base64 text, decoded and encoded by PostgreSQL: PGlite writes a bytea
// parameter as hex built one byte at a time in JavaScript and reads it back the same way,
// 1,1 s to write and 0,22 s to read a 1 MB piece, against 85 and 53 ms as base64 (decision 0061).
export const CHUNK_BYTES = 1024 * 1024;

/**
 * Stores a stream's bytes under `importId` (a `receiving` job's row), one statement per piece, and returns the size;
 * `check` sees the running size before each piece is kept (it throws to stop). What was stored
 * is removed when the stream or a check fails.
 */
export async function storeImportFile(
  db: Db,
  importId: string,
  stream: AsyncIterable<Buffer>,
  check: (sizeBytes: number) => void,
): Promise<number> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let size = 0;
  let n = 0;
  const flush = async (piece: Buffer) => {
    await db.execute(sql`
      insert into import_file_chunks (import_id, n, bytes)
      values (${importId}, ${n}, decode(${piece.toString('base64')}, 'base64'))`);
    n += 1;
  };
  try {
    for await (const chunk of stream) {
      size += chunk.length;
      check(size);
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= CHUNK_BYTES) {
        const joined = Buffer.concat(pending, pendingBytes);
        await flush(joined.subarray(0, CHUNK_BYTES));
        const rest = joined.subarray(CHUNK_BYTES);
        // A copy, so the 1 MB just stored is not kept alive by a view of it.
        pending = rest.length > 0 ? [Buffer.from(rest)] : [];
        pendingBytes = rest.length;
      }
    }
    if (pendingBytes > 0) await flush(Buffer.concat(pending, pendingBytes));
  } catch (error) {
    await dropImportFile(db, importId);
    throw error;
  }
  return size;
}

/** The stored pieces in order, each read by its own short query when the reader asks for it. */
export async function* readImportFile(db: Db, importId: string): AsyncGenerator<Buffer> {
  let last = -1;
  for (;;) {
    const [row] = await db
      .select({
        n: importFileChunks.n,
        base64: sql<string>`encode(${importFileChunks.bytes}, 'base64')`,
      })
      .from(importFileChunks)
      .where(and(eq(importFileChunks.importId, importId), gt(importFileChunks.n, last)))
      .orderBy(asc(importFileChunks.n))
      .limit(1);
    if (!row) return;
    last = row.n;
    yield Buffer.from(row.base64, 'base64');
  }
}

/** The whole file as one buffer, for the imports whose reader needs it whole (10 MB at most). */
export async function readImportFileWhole(db: Db, importId: string): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of readImportFile(db, importId)) pieces.push(piece);
  return Buffer.concat(pieces);
}

export async function dropImportFile(db: Db, importId: string): Promise<void> {
  await db.delete(importFileChunks).where(eq(importFileChunks.importId, importId));
}

/**
 * At start (decision 0055): the pieces no job will read — those of a job that has ended, and
 * uploads that never became a job (the request failed or its process stopped: a `receiving`
 * row, decision 0058, whose pieces go with it) older than `orphanAge` (on PostgreSQL another
 * server may be receiving one right now; on PGlite no other process can, so any age).
 */
export async function dropLeftoverImportFiles(
  db: Db,
  orphanAge: '0 seconds' | '1 day',
): Promise<void> {
  await db.execute(sql`
    delete from import_file_chunks c
     where exists (select 1 from import_jobs j
                    where j.id = c.import_id and j.state not in ('receiving', 'queued', 'running'))`);
  await db.execute(sql`
    delete from import_jobs
     where state = 'receiving' and created_at <= now() - ${orphanAge}::interval`);
}

/** How many pieces are stored for an import (what the tests check is zero after it ends). */
export async function countImportFileChunks(db: Db, importId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(importFileChunks)
    .where(eq(importFileChunks.importId, importId));
  return row?.count ?? 0;
}
