import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, ERROR_CODES } from '@chiso/core';
import { EVIDENCE_TYPES, SNIFF_BYTES, sniffEvidenceType, type EvidenceType } from './sniff.js';
import { evidenceProblem, readerOf } from './verify-evidence.js';

/** An upload written whole to a temporary file and checked; the caller stores it, then removes it. */
export interface StagedFile {
  /** The temporary file. */
  path: string;
  /** Where the bytes belong: `ab/cd/<sha256>`, the same for every store (local folder or S3). */
  key: string;
  sha256: string;
  sizeBytes: number;
  type: EvidenceType;
  mediaType: string;
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

/** The key of stored evidence from its content hash: two folder levels, then the hash. */
export function evidenceKey(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** Whether a key is one `evidenceKey` makes (anything else is never looked up). */
export function isEvidenceKey(key: string): boolean {
  return /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key.replaceAll('\\', '/'));
}

const extensionOf = (name: string) => name.toLowerCase().split('.').pop() ?? '';
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Streams an upload into a new file under `tmpDir` (never buffered whole), counting its size
 * against the cap as it arrives and hashing it, then checks the name, the type by content, the
 * extension against that type and the file's structure (verify-evidence). A refused upload
 * leaves nothing behind: the temporary file is removed before the refusal is thrown.
 */
export async function stageUpload(
  stream: Readable,
  options: { fileName: string; maxBytes: number },
  tmpDir: string,
): Promise<StagedFile> {
  const { maxBytes } = options;
  const name = checkFileName(options.fileName);
  await mkdir(tmpDir, { recursive: true });
  const temp = join(tmpDir, randomUUID());
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
    const problem = await evidenceProblem(type, readerOf(file), size).finally(() => file.close());
    if (problem !== undefined) {
      throw reject(`Tệp "${name}" không phải là ${spec.label} hợp lệ: ${problem}`);
    }
    const sha256 = hash.digest('hex');
    return {
      path: temp,
      key: evidenceKey(sha256),
      sha256,
      sizeBytes: size,
      type,
      mediaType: spec.mediaType,
    };
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
