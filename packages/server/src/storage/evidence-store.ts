import { createReadStream } from 'node:fs';
import { link, mkdir, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError, ERROR_CODES } from '@chiso/core';
import type { EvidenceType } from './sniff.js';
import { isEvidenceKey, stageUpload, type StagedFile } from './stage-upload.js';

export { checkFileName } from './stage-upload.js';

export interface StoredFile {
  /** Where the bytes are: derived from the content hash, so the same file is stored once. */
  key: string;
  sha256: string;
  sizeBytes: number;
  type: EvidenceType;
  mediaType: string;
}

/**
 * Evidence storage: a local folder (here) or S3-compatible object storage (s3-evidence-store.ts,
 * decision 0040). Both store under the same keys, so a folder copied into a bucket just works.
 */
export interface EvidenceStore {
  /** Streams a file in (never buffered whole), checking name, size and content; never overwrites. */
  put(stream: Readable, options: { fileName: string; maxBytes: number }): Promise<StoredFile>;
  /**
   * A file already checked against its key (a restore: its SHA-256 is the key's), stored under
   * that key from a local path; never overwrites. False when the key held it already (0056).
   */
  putByKey(key: string, file: { path: string; sizeBytes: number }): Promise<boolean>;
  /** The stored bytes, streamed; a key `put` never made is "not found". */
  open(key: string): Readable;
  /** Where the files are, for the start-up log. */
  readonly description: string;
}

export function storedFileOf(staged: StagedFile): StoredFile {
  const { key, sha256, sizeBytes, type, mediaType } = staged;
  return { key, sha256, sizeBytes, type, mediaType };
}

export const fileNotFound = () => new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy tệp');

export function localEvidenceStore(root: string): EvidenceStore {
  return {
    description: `thư mục ${root}`,
    async put(stream, options) {
      const staged = await stageUpload(stream, options, join(root, 'tmp'));
      try {
        const target = join(root, staged.key);
        await mkdir(dirname(target), { recursive: true });
        // link() fails if the target exists: the same bytes are already stored, never overwritten.
        await link(staged.path, target).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
          const existing = await stat(target);
          if (existing.size !== staged.sizeBytes) {
            throw new Error(`stored evidence ${staged.key} differs in size`);
          }
        });
        return storedFileOf(staged);
      } finally {
        await unlink(staged.path).catch(() => undefined);
      }
    },
    async putByKey(key, file) {
      if (!isEvidenceKey(key)) throw new Error(`not an evidence key: ${key}`);
      const target = join(root, ...key.split('/'));
      await mkdir(dirname(target), { recursive: true });
      try {
        await link(file.path, target);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if ((await stat(target)).size !== file.sizeBytes) {
          throw new Error(`stored evidence ${key} differs in size`);
        }
        return false;
      }
    },
    open(key) {
      if (!isEvidenceKey(key)) throw fileNotFound();
      return createReadStream(join(root, key));
    },
  };
}
