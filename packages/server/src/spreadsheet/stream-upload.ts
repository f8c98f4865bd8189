import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, ERROR_CODES } from '@chiso/core';
import { xlsxRejected } from './stream-xlsx.js';
import { limitsForSize, withZip, ZipRefused } from './zip-archive.js';

/** What a large import file turned out to be, by its content. */
export type SpreadsheetKind = 'xlsx' | 'csv';

export interface ReceivedFile {
  path: string;
  sizeBytes: number;
  /** Removes the temporary file (safe to call twice). */
  remove: () => Promise<void>;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Streams an upload into a temporary file, cut off past `maxBytes`: a delivery of a hundred
 * thousand forms is never held in memory. The caller removes the file when done.
 */
export async function receiveToTempFile(
  stream: Readable,
  options: { fileName: string; maxBytes: number },
): Promise<ReceivedFile> {
  const dir = join(tmpdir(), 'chiso-import');
  await mkdir(dir, { recursive: true });
  const path = join(dir, randomUUID());
  const remove = () => unlink(path).catch(() => undefined);
  const tooLarge = () =>
    new DomainError(
      ERROR_CODES.FILE_REJECTED,
      `Tệp "${options.fileName}" vượt quá dung lượng cho phép ${megabytes(options.maxBytes)}`,
    );
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > options.maxBytes) callback(tooLarge());
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(stream, meter, createWriteStream(path, { flags: 'wx' }));
    if ((stream as Readable & { truncated?: boolean }).truncated) throw tooLarge();
    if (size === 0) {
      throw new DomainError(ERROR_CODES.FILE_REJECTED, `Tệp "${options.fileName}" rỗng`);
    }
  } catch (error) {
    stream.resume();
    await remove();
    throw error;
  }
  return { path, sizeBytes: size, remove };
}

/** SHA-256 of a file, read as a stream. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function rejected(fileName: string, message: string): DomainError {
  return new DomainError(ERROR_CODES.IMPORT_REJECTED, `Không đọc được tệp "${fileName}"`, [
    { sheet: fileName, message },
  ]);
}

const ZIP_MAGIC = 0x04034b50;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Whether the file is an .xlsx workbook (a zip holding xl/workbook.xml, read from the zip's
 * central directory at its end) or CSV text (no NUL in its first bytes; UTF-8 is checked while
 * reading). The name only has to agree when it says .xlsx.
 */
export async function sniffSpreadsheet(path: string, fileName: string): Promise<SpreadsheetKind> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(4096);
  let length: number;
  let size: number;
  try {
    ({ bytesRead: length } = await handle.read(head, 0, head.length, 0));
    ({ size } = await handle.stat());
  } finally {
    await handle.close();
  }
  if (length >= 4 && head.readUInt32LE(0) === ZIP_MAGIC) {
    let names: string[];
    try {
      names = await withZip(path, limitsForSize(size), async (zip) => zip.names());
    } catch (error) {
      if (error instanceof ZipRefused) throw xlsxRejected(fileName, error.message);
      throw error;
    }
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    throw rejected(fileName, 'tệp nén không phải là bảng tính Excel (.xlsx)');
  }
  if (OLE_MAGIC.every((b, i) => head[i] === b)) {
    throw rejected(
      fileName,
      'đây là tệp Excel 97-2003 (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx',
    );
  }
  if (extname(fileName).toLowerCase() === '.xlsx') {
    throw rejected(fileName, 'tệp có đuôi .xlsx nhưng nội dung không phải bảng tính Excel');
  }
  if (head.subarray(0, length).includes(0)) {
    throw rejected(fileName, 'tệp không phải là văn bản CSV hay bảng tính .xlsx');
  }
  return 'csv';
}
