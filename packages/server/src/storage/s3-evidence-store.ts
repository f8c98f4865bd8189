import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { DomainError, ERROR_CODES } from '@chiso/core';
import type { ObjectStorageConfig } from '../config.js';
import { fileNotFound, storedFileOf, type EvidenceStore } from './evidence-store.js';
import { isEvidenceKey, stageUpload } from './stage-upload.js';

/** The evidence store on S3-compatible object storage, with a check that the bucket answers. */
export interface S3EvidenceStore extends EvidenceStore {
  /** Asks the bucket once (HeadBucket); a refusal names the variable to look at. */
  check(): Promise<void>;
  close(): void;
}

/** The HTTP status of an S3 refusal (every SDK error carries its response's metadata). */
const statusOf = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;

export function s3Client(config: ObjectStorageConfig): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    // Without keys in CHISO_S3_*, the SDK's usual chain (AWS_* variables, profile, instance role).
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // Checksums only where S3 requires them: the newer default (aws-chunked bodies with trailing
    // CRC32) is not understood by many S3-compatible servers (decision 0040).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * Evidence in a bucket (decision 0040). An upload is staged and checked in a temporary file
 * exactly as for the local folder, so nothing refused ever reaches the bucket; then it is put
 * under its content-hash key unless an object is already there (the same bytes: kept, never
 * overwritten). Downloads stream the object's body as it arrives.
 */
export function s3EvidenceStore(
  config: ObjectStorageConfig,
  stagingDir: string,
  client: S3Client = s3Client(config),
): S3EvidenceStore {
  const { bucket, prefix } = config;
  const where = `s3://${bucket}/${prefix}${config.endpoint ? ` tại ${config.endpoint}` : ''}`;

  /** The stored object's size, or undefined when there is none. */
  async function storedSize(objectKey: string): Promise<number | undefined> {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async function* objectBytes(objectKey: string): AsyncGenerator<Buffer> {
    let answer;
    try {
      answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey }));
    } catch (error) {
      if (statusOf(error) === 404) throw fileNotFound();
      throw error;
    }
    // In Node the body is the HTTP response itself: read chunk by chunk, never gathered.
    const body = answer.Body;
    if (!(body instanceof Readable)) throw new Error(`S3 object ${objectKey} has no stream body`);
    for await (const chunk of body) yield chunk as Buffer;
  }

  /** Puts a local file under an object key unless one is there: false when it was. */
  async function putOnce(
    objectKey: string,
    file: { path: string; sizeBytes: number; mediaType?: string },
  ): Promise<boolean> {
    const existing = await storedSize(objectKey);
    if (existing !== undefined) {
      if (existing !== file.sizeBytes)
        throw new Error(`stored evidence ${objectKey} differs in size`);
      return false;
    }
    try {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: objectKey,
          Body: createReadStream(file.path),
          ContentLength: file.sizeBytes,
          ...(file.mediaType ? { ContentType: file.mediaType } : {}),
          // Where the server supports conditional writes, two servers putting the same new
          // file at once cannot overwrite each other; the loser's copy is the same bytes.
          IfNoneMatch: '*',
        }),
      );
      return true;
    } catch (error) {
      // 412: it appeared meanwhile; 409: a concurrent conditional write of the same key.
      const status = statusOf(error);
      if (status !== 412 && status !== 409) throw error;
      return false;
    }
  }

  return {
    description: where,
    async put(stream, options) {
      const staged = await stageUpload(stream, options, stagingDir);
      try {
        await putOnce(`${prefix}${staged.key}`, staged);
        return storedFileOf(staged);
      } finally {
        await unlink(staged.path).catch(() => undefined);
      }
    },
    async putByKey(key, file) {
      if (!isEvidenceKey(key)) throw new Error(`not an evidence key: ${key}`);
      return putOnce(`${prefix}${key}`, file);
    },
    open(key) {
      if (!isEvidenceKey(key)) throw fileNotFound();
      return Readable.from(objectBytes(`${prefix}${key.replaceAll('\\', '/')}`), {
        objectMode: false,
      });
    },
    async check() {
      try {
        await client.send(new HeadBucketCommand({ Bucket: bucket }));
      } catch (error) {
        const status = statusOf(error);
        const reason =
          status === 404
            ? 'không có bucket này'
            : status === 403 || status === 401
              ? 'khóa truy cập không được phép đọc bucket (CHISO_S3_ACCESS_KEY_ID, CHISO_S3_SECRET_ACCESS_KEY)'
              : error instanceof Error && error.name === 'CredentialsProviderError'
                ? 'không có khóa truy cập: đặt CHISO_S3_ACCESS_KEY_ID và CHISO_S3_SECRET_ACCESS_KEY (hoặc AWS_*, vai trò của máy)'
                : `không kết nối được (${error instanceof Error ? error.message : String(error)})`;
        throw new DomainError(
          ERROR_CODES.VALIDATION_FAILED,
          'Kho lưu trữ tài liệu kiểm chứng S3 không dùng được',
          [{ field: 'CHISO_S3_BUCKET', message: `${where}: ${reason}` }],
        );
      }
    },
    close() {
      client.destroy();
    },
  };
}
