import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, open, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, ERROR_CODES } from '@chiso/core';
import { EVIDENCE_TYPES, SNIFF_BYTES, sniffEvidenceType, type EvidenceType } from './sniff.js';
import { evidenceProblem, readerOf } from './verify-evidence.js';

export interface StoredFile {
  /** Where the bytes are: derived from the content hash, so the same file is stored once. */
  key: string;
  sha256: string;
  sizeBytes: number;
  type: EvidenceType;
  mediaType: string;
}

/** Evidence storage: a local folder here; S3-compatible storage implements the same interface. */
export interface EvidenceStore {
  /** Streams a file in (never buffered whole), checking name, size and content; never overwrites. */
  put(stream: Readable, options: { fileName: string; maxBytes: number }): Promise<StoredFile>;
  open(key: string): Readable;
}

const reject = (message: string) => new DomainError(ERROR_CODES.FILE_REJECTED, message);

const hasControlCharacter = (text: string) => [...text].some((ch) => ch.charCodeAt(0) < 32);

/** A plain file name: no folders, no control characters, a known extension. */
export function checkFileName(fileName: string): string {
  const name = fileName.normalize('NFC').trim();
  if (name === '' || name.length > 200) throw reject('Tên tệp trống hoặc dài quá 200 ký tự');
  if (/[/\\]/.test(name) || name.includes('..') || hasControlCharacter(name)) {
    throw reject(`Tên tệp "${fileName}" không hợp lệ: không được chứa đường dẫn thư mục`);
  }
  return name;
}

const extensionOf = (name: string) => name.toLowerCase().split('.').pop() ?? '';
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export function localEvidenceStore(root: string): EvidenceStore {
  const tmp = join(root, 'tmp');
  return {
    async put(stream, { fileName, maxBytes }) {
      const name = checkFileName(fileName);
      await mkdir(tmp, { recursive: true });
      const temp = join(tmp, randomUUID());
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let headBytes = 0;
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > maxBytes) {
            callback(reject(`Tệp "${name}" vượt quá dung lượng cho phép ${megabytes(maxBytes)}`));
            return;
          }
          hash.update(chunk);
          if (headBytes < SNIFF_BYTES) {
            head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
            headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
          }
          callback(null, chunk);
        },
      });
      try {
        await pipeline(stream, meter, createWriteStream(temp, { flags: 'wx' }));
        if ((stream as Readable & { truncated?: boolean }).truncated) {
          throw reject(`Tệp "${name}" vượt quá dung lượng cho phép ${megabytes(maxBytes)}`);
        }
        if (size === 0) throw reject(`Tệp "${name}" rỗng`);
        const type = sniffEvidenceType(Buffer.concat(head));
        if (type === undefined) {
          throw reject(
            `Tệp "${name}" không phải là PDF, Word, Excel hay ảnh (JPEG, PNG) theo nội dung; không nhận tệp này`,
          );
        }
        const spec = EVIDENCE_TYPES[type];
        if (!(spec.extensions as readonly string[]).includes(extensionOf(name))) {
          throw reject(
            `Tệp "${name}" có nội dung ${spec.label} nhưng phần mở rộng không khớp (.${spec.extensions.join(', .')})`,
          );
        }
        const file = await open(temp, 'r');
        const problem = await evidenceProblem(type, readerOf(file), size).finally(() =>
          file.close(),
        );
        if (problem !== undefined) {
          throw reject(`Tệp "${name}" không phải là ${spec.label} hợp lệ: ${problem}`);
        }
        const sha256 = hash.digest('hex');
        const key = join(sha256.slice(0, 2), sha256.slice(2, 4), sha256);
        const target = join(root, key);
        await mkdir(join(root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
        // link() fails if the target exists: the same bytes are already stored, never overwritten.
        await link(temp, target).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
          const existing = await stat(target);
          if (existing.size !== size) throw new Error(`stored evidence ${key} differs in size`);
        });
        return { key, sha256, sizeBytes: size, type, mediaType: spec.mediaType };
      } finally {
        await unlink(temp).catch(() => undefined);
      }
    },
    open(key) {
      if (!/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key.replaceAll('\\', '/'))) {
        throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy tệp');
      }
      return createReadStream(join(root, key));
    },
  };
}
