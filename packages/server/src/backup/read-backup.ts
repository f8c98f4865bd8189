import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { DomainError, ERROR_CODES, type Issue } from '@chiso/core';
import type { MigrationStep } from './catalog.js';
import { MANIFEST_ENTRY, manifestSchema, type Manifest } from './manifest.js';
import { readTar, type TarEntry } from './tar.js';

// Reading a backup file: its entries in order through gunzip and the tar reader, and the check
// a restore makes before it touches anything — every entry's SHA-256 and size against the
// manifest, nothing missing or added, a migration level this code knows (decision 0039).

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

const damaged = (message: string, issues: Issue[] = []) =>
  new DomainError(ERROR_CODES.FILE_REJECTED, message, issues);

/** Each entry of the backup in order; a damaged archive is refused naming the entry it was in. */
export async function* backupEntries(file: string): AsyncGenerator<TarEntry> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  let current = '';
  const refuse = (error: unknown): DomainError => {
    if (error instanceof DomainError) return error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return damaged(`Không có tệp ${file}`);
    const where = current === '' ? '' : ` ở mục ${current}`;
    return damaged(
      `Tệp ${file} không phải bản sao lưu chiso đọc được hoặc đã hỏng${where}: ${error instanceof Error ? error.message : String(error)}`,
    );
  };
  // The entry's bytes are read by the caller: a failure there is worded the same way.
  async function* guarded(body: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of body) yield chunk;
    } catch (error) {
      throw refuse(error);
    }
  }
  try {
    for await (const entry of readTar(gunzip)) {
      current = entry.name;
      yield { ...entry, body: guarded(entry.body) };
    }
  } catch (error) {
    throw refuse(error);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

/** Reads the whole backup once: every entry hashed, the manifest parsed and checked. */
export async function verifyBackup(file: string): Promise<Manifest> {
  const seen = new Map<string, { sha256: string; bytes: number }>();
  let manifestText: string | undefined;
  for await (const entry of backupEntries(file)) {
    if (seen.has(entry.name)) throw damaged(`Bản sao lưu có hai mục cùng tên ${entry.name}`);
    const hash = createHash('sha256');
    const keep: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of entry.body) {
      hash.update(chunk);
      bytes += chunk.length;
      if (entry.name === MANIFEST_ENTRY && bytes <= MAX_MANIFEST_BYTES) keep.push(chunk);
    }
    if (entry.name === MANIFEST_ENTRY) {
      if (bytes > MAX_MANIFEST_BYTES) throw damaged(`${MANIFEST_ENTRY} lớn bất thường`);
      manifestText = Buffer.concat(keep).toString('utf8');
    }
    seen.set(entry.name, { sha256: hash.digest('hex'), bytes });
  }
  if (manifestText === undefined) {
    throw damaged(`Tệp ${file} không có ${MANIFEST_ENTRY}: không phải bản sao lưu chiso đầy đủ`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestText);
  } catch {
    throw damaged(`${MANIFEST_ENTRY} của bản sao lưu không phải JSON hợp lệ`);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) {
    throw damaged(
      `${MANIFEST_ENTRY} của bản sao lưu không đúng định dạng chiso-backup phiên bản 1`,
      result.error.issues.slice(0, 20).map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      })),
    );
  }
  const manifest = result.data;
  const issues: Issue[] = [];
  const listed = [
    ...manifest.tables.map((t) => ({ ...t, what: `bảng ${t.name}` })),
    ...manifest.files.map((f) => ({ ...f, what: `tệp kiểm chứng ${f.key}` })),
  ];
  for (const item of listed) {
    const actual = seen.get(item.entry);
    if (!actual) {
      issues.push({ field: item.entry, message: `thiếu ${item.what}` });
    } else if (actual.bytes !== item.bytes || actual.sha256 !== item.sha256) {
      issues.push({
        field: item.entry,
        message: `${item.what}: SHA-256 hoặc kích thước không khớp với ${MANIFEST_ENTRY} (tệp đã bị sửa hoặc hỏng)`,
      });
    }
  }
  const known = new Set([MANIFEST_ENTRY, ...listed.map((item) => item.entry)]);
  for (const name of seen.keys()) {
    if (!known.has(name))
      issues.push({ field: name, message: `mục không có trong ${MANIFEST_ENTRY}` });
  }
  if (issues.length > 0) {
    throw damaged(`Bản sao lưu ${file} bị hỏng hoặc đã bị sửa: không phục hồi gì`, issues);
  }
  return manifest;
}

/** The code must know the backup's migrations, the same ones, to load its tables. */
export function checkLevel(manifest: Manifest, code: MigrationStep[]): void {
  const { level, tag, hashes } = manifest.migration;
  if (hashes.length !== level) {
    throw damaged(`${MANIFEST_ENTRY}: mức di chuyển ${level} nhưng có ${hashes.length} mã băm`);
  }
  if (level > code.length) {
    throw new DomainError(
      ERROR_CODES.INVALID_STATE,
      `Bản sao lưu ở mức di chuyển ${level} (${tag}), mới hơn phiên bản chiso này (mức ${code.length}, chiso ${manifest.chisoVersion} đã tạo bản sao lưu): hãy cập nhật chiso rồi phục hồi`,
    );
  }
  hashes.forEach((hash, i) => {
    if (code[i]?.hash !== hash) {
      throw new DomainError(
        ERROR_CODES.INVALID_STATE,
        `Bản sao lưu được tạo bởi một phiên bản chiso có di chuyển thứ ${i + 1} (${code[i]?.tag ?? ''}) khác với mã này: không phục hồi được bằng phiên bản này`,
      );
    }
  });
}
