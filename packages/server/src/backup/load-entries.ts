import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { sql } from 'drizzle-orm';
import { DomainError, ERROR_CODES } from '@chiso/core';
import type { Db } from '../db/database.js';
import type { EvidenceStore } from '../storage/evidence-store.js';
import { queryRows, quoteIdent } from './catalog.js';
import { MANIFEST_ENTRY, type Manifest, type ManifestTable } from './manifest.js';
import { insertTextRows, type TextRow } from './table-rows.js';

// The restore's loading steps inside its transaction (decision 0039): a table's JSON Lines in
// batches, an evidence file under its key with its SHA-256 checked, the sequences afterwards.

const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

export async function loadTable(
  tx: Db,
  listed: ManifestTable,
  info: { columns: ManifestTable['columns']; hasIdentity: boolean; selfReferencing: boolean },
  body: AsyncIterable<Buffer>,
): Promise<void> {
  // A table that references itself goes through a staging table and one final statement, as
  // foreign keys are checked at the end of each statement: a child may come before its parent.
  const into = info.selfReferencing ? `restore_${listed.name}` : listed.name;
  if (info.selfReferencing) {
    await tx.execute(
      sql.raw(
        `create temporary table ${quoteIdent(into)} (like ${quoteIdent(listed.name)}) on commit drop`,
      ),
    );
  }
  let batch: TextRow[] = [];
  let batchBytes = 0;
  let line = 0;
  let rest = '';
  const flush = async () => {
    const hasIdentity = info.selfReferencing ? false : info.hasIdentity;
    await insertTextRows(tx, into, { columns: info.columns, hasIdentity }, batch);
    batch = [];
    batchBytes = 0;
  };
  const take = async (text: string) => {
    line += 1;
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch {
      row = undefined;
    }
    if (
      !Array.isArray(row) ||
      row.length !== info.columns.length ||
      !row.every((value) => value === null || typeof value === 'string')
    ) {
      throw new DomainError(
        ERROR_CODES.FILE_REJECTED,
        `Mục ${listed.entry}, dòng ${line}: không phải một dòng của bảng ${listed.name}`,
      );
    }
    batch.push(row as TextRow);
    batchBytes += text.length;
    if (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES) await flush();
  };
  const decoder = new StringDecoder('utf8');
  for await (const chunk of body) {
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop() ?? '';
    for (const text of lines) await take(text);
  }
  rest += decoder.end();
  if (rest !== '') await take(rest);
  await flush();
  if (info.selfReferencing) {
    const names = info.columns.map((c) => quoteIdent(c.name)).join(', ');
    const overriding = info.hasIdentity ? ' overriding system value' : '';
    await tx.execute(
      sql.raw(
        `insert into ${quoteIdent(listed.name)} (${names})${overriding} select ${names} from ${quoteIdent(into)}`,
      ),
    );
  }
  const counted = await queryRows<{ n: string }>(
    tx,
    sql.raw(`select count(*)::text as n from ${quoteIdent(listed.name)}`),
  );
  if (Number(counted[0]?.n) !== listed.rows) {
    throw new DomainError(
      ERROR_CODES.FILE_REJECTED,
      `Bảng ${listed.name}: nạp được ${counted[0]?.n ?? 0} dòng, ${MANIFEST_ENTRY} ghi ${listed.rows}`,
    );
  }
}

/**
 * Puts one evidence file in the store by its key, its SHA-256 checked first in a staging file;
 * never overwrites. The keys it wrote (not found there already) are added to `written`.
 */
export async function copyFile(
  store: { evidence: EvidenceStore; stagingDir: string },
  item: Manifest['files'][number],
  body: AsyncIterable<Buffer>,
  written: string[],
): Promise<void> {
  await mkdir(store.stagingDir, { recursive: true });
  const temp = join(store.stagingDir, randomUUID());
  const hash = createHash('sha256');
  const out = createWriteStream(temp, { flags: 'wx' });
  let sizeBytes = 0;
  try {
    for await (const chunk of body) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    if (hash.digest('hex') !== item.sha256 || item.key.split('/').pop() !== item.sha256) {
      throw new DomainError(
        ERROR_CODES.FILE_REJECTED,
        `Tệp kiểm chứng ${item.entry} trong bản sao lưu không khớp SHA-256 đã ghi: không phục hồi`,
      );
    }
    if (await store.evidence.putByKey(item.key, { path: temp, sizeBytes })) written.push(item.key);
  } finally {
    out.destroy();
    await unlink(temp).catch(() => undefined);
  }
}

/** Sequences (audit_log.id) continue after the largest restored value. */
export async function resetSequences(tx: Db): Promise<void> {
  const owned = await queryRows<{ table: string; column: string }>(
    tx,
    sql`select t.relname as "table", a.attname as "column"
        from pg_class s
        join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
        join pg_class t on t.oid = d.refobjid
        join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        join pg_namespace n on n.oid = t.relnamespace
        where s.relkind = 'S' and n.nspname = 'public'`,
  );
  for (const { table, column } of owned) {
    const t = quoteIdent(table);
    const c = quoteIdent(column);
    await tx.execute(
      sql.raw(
        `select setval(pg_get_serial_sequence('${t.replaceAll("'", "''")}', '${column.replaceAll("'", "''")}'),
           coalesce((select max(${c}) from ${t}), 1), (select max(${c}) from ${t}) is not null)`,
      ),
    );
  }
}
