import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DomainError, ERROR_CODES } from '@chiso/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, type ObjectStorageConfig } from '../config.js';
import { samplePdf } from '../demo/pdf.js';
import { startTestS3, type TestS3 } from '../test-support/s3.js';
import { s3Client, s3EvidenceStore, type S3EvidenceStore } from './s3-evidence-store.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Bytes arriving in small pieces, as an upload does. */
const streamOf = (bytes: Buffer, piece = 16 * 1024) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / piece) }, (_, i) =>
      bytes.subarray(i * piece, (i + 1) * piece),
    ),
  );

async function readAll(stream: Readable): Promise<{ bytes: Buffer; chunks: number }> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { bytes: Buffer.concat(chunks), chunks: chunks.length };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError))
    throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

const PDF = samplePdf(['Báo cáo kết quả CCHC năm 2025', 'Sở Nội vụ']);

describe('evidence on S3-compatible storage (s3rver on loopback)', () => {
  let s3: TestS3;
  let config: ObjectStorageConfig;
  let client: S3Client;
  let store: S3EvidenceStore;
  let staging: string;

  beforeAll(async () => {
    s3 = await startTestS3();
    const read = readConfig({ ...s3.env, CHISO_S3_PREFIX: 'tinh-hoa-an/minh-chung' });
    if (!read.objectStorage) throw new Error('no object storage in the configuration');
    config = read.objectStorage;
    client = s3Client(config);
    staging = await mkdtemp(join(tmpdir(), 'chiso-staging-'));
    store = s3EvidenceStore(config, staging, client);
    await store.check();
  });

  afterAll(async () => {
    store.close();
    await s3.close();
    await rm(staging, { recursive: true, force: true });
  });

  const objectKeys = async () => {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    return (listed.Contents ?? []).map((object) => object.Key);
  };

  it('reads the prefix with its slash and defaults to path-style addressing for an endpoint', () => {
    expect(config).toMatchObject({
      bucket: 'chiso-evidence',
      prefix: 'tinh-hoa-an/minh-chung/',
      forcePathStyle: true,
      endpoint: s3.endpoint,
    });
  });

  it('stores a file under its content hash and gives the same bytes back, streamed', async () => {
    // A PDF of some megabytes: the download must come in many pieces, not as one buffer.
    const big = samplePdf(
      Array.from({ length: 60_000 }, (_, i) => `Dong ${i} cua bao cao tu danh gia`),
    );
    expect(big.length).toBeGreaterThan(2_000_000);
    const stored = await store.put(streamOf(big), {
      fileName: 'bao-cao-tu-danh-gia.pdf',
      maxBytes: 10 * 1024 * 1024,
    });
    const hash = sha256(big);
    expect(stored).toEqual({
      key: `${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`,
      sha256: hash,
      sizeBytes: big.length,
      type: 'pdf',
      mediaType: 'application/pdf',
    });
    expect(await objectKeys()).toContain(`tinh-hoa-an/minh-chung/${stored.key}`);
    const back = await readAll(store.open(stored.key));
    expect(sha256(back.bytes)).toBe(hash);
    expect(back.chunks).toBeGreaterThan(1);
    // Nothing is left in the staging folder once the object is in the bucket.
    expect(await readdir(staging)).toEqual([]);
  });

  it('leaves no object under any hash key when a file is refused, whatever the reason', async () => {
    const before = await objectKeys();
    const fake = Buffer.from('%PDF-1.4\n<html><body><script>alert(1)</script></body></html>');
    let error = await refusal(store.put(streamOf(fake), { fileName: 'gia.pdf', maxBytes: 1e6 }));
    expect(error.code).toBe(ERROR_CODES.FILE_REJECTED);
    expect(error.message).toBe(
      'Tệp "gia.pdf" không phải là PDF hợp lệ: có nội dung HTML hoặc mã script',
    );
    // Over the cap while streaming: refused before the end arrives.
    error = await refusal(
      store.put(streamOf(Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024)])), {
        fileName: 'qua-lon.pdf',
        maxBytes: 1024 * 1024,
      }),
    );
    expect(error.message).toBe('Tệp "qua-lon.pdf" vượt quá dung lượng cho phép 1 MB');
    error = await refusal(store.put(streamOf(PDF), { fileName: 'bao-cao.docx', maxBytes: 1e6 }));
    expect(error.message).toContain('phần mở rộng không khớp');
    error = await refusal(store.put(streamOf(PDF), { fileName: '../bao-cao.pdf', maxBytes: 1e6 }));
    expect(error.message).toContain('không được chứa đường dẫn thư mục');
    expect(await objectKeys()).toEqual(before);
    expect(await readdir(staging)).toEqual([]);
  });

  it('stores the same content once, and never overwrites an object already under its key', async () => {
    const first = await store.put(streamOf(PDF), { fileName: 'a.pdf', maxBytes: 1e6 });
    const second = await store.put(streamOf(PDF), { fileName: 'ban-sao.pdf', maxBytes: 1e6 });
    expect(second).toEqual(first);
    const keys = await objectKeys();
    expect(keys.filter((key) => key?.endsWith(first.sha256))).toHaveLength(1);

    // An object already in the bucket under a file's key is kept as it is (here: other bytes of
    // the same size, which a real store would never hold; it shows that put does not rewrite).
    const other = samplePdf(['Ke hoach CCHC']);
    const hash = sha256(other);
    const objectKey = `${config.prefix}${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`;
    const squatter = Buffer.alloc(other.length, 0x41);
    await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: objectKey, Body: squatter }));
    const stored = await store.put(streamOf(other), { fileName: 'ke-hoach.pdf', maxBytes: 1e6 });
    expect(stored.sha256).toBe(hash);
    expect((await readAll(store.open(stored.key))).bytes.equals(squatter)).toBe(true);
  });

  it('answers "not found" for a key it never made, before and after asking the bucket', async () => {
    expect(() => store.open('../../etc/passwd')).toThrow('Không tìm thấy tệp');
    const missing = 'ab/cd/' + 'ab'.repeat(32).replace(/^abab/, 'abcd');
    const error = await refusal(readAll(store.open(missing)));
    expect(error.code).toBe(ERROR_CODES.NOT_FOUND);
  });

  it('refuses to start on a bucket that does not exist, naming the variable', async () => {
    const elsewhere = s3EvidenceStore({ ...config, bucket: 'khong-co-bucket' }, staging);
    const error = await refusal(elsewhere.check());
    elsewhere.close();
    expect(error.issues).toEqual([
      {
        field: 'CHISO_S3_BUCKET',
        message: `s3://khong-co-bucket/tinh-hoa-an/minh-chung/ tại ${s3.endpoint}: không có bucket này`,
      },
    ]);
  });

  it('refuses keys the store does not know, naming the key variables', async () => {
    const unknown = s3EvidenceStore(
      { ...config, credentials: { accessKeyId: 'khoa-khac', secretAccessKey: 'sai-khoa' } },
      staging,
    );
    const error = await refusal(unknown.check());
    unknown.close();
    expect(error.issues[0]?.message).toContain('CHISO_S3_SECRET_ACCESS_KEY');
  });
});

describe('object storage configuration', () => {
  const issuesOf = (env: Record<string, string>) => {
    try {
      readConfig(env);
    } catch (error) {
      if (error instanceof DomainError) return error.issues;
    }
    return [];
  };

  it('keeps evidence in the data folder when no bucket is set', () => {
    expect(readConfig({}).objectStorage).toBeUndefined();
  });

  it('takes the SDK chain when no keys are given, and virtual-host style on AWS', () => {
    expect(
      readConfig({ CHISO_S3_BUCKET: 'chiso', CHISO_S3_REGION: 'ap-southeast-1' }),
    ).toMatchObject({
      objectStorage: {
        bucket: 'chiso',
        endpoint: undefined,
        region: 'ap-southeast-1',
        credentials: undefined,
        forcePathStyle: false,
        prefix: '',
      },
    });
  });

  it('names the variable that is wrong or missing', () => {
    expect(issuesOf({ CHISO_S3_ENDPOINT: 'http://127.0.0.1:9000' })).toEqual([
      {
        field: 'CHISO_S3_BUCKET',
        message: 'cần tên bucket khi đặt CHISO_S3_ENDPOINT (lưu tài liệu kiểm chứng trên S3)',
      },
    ]);
    expect(issuesOf({ CHISO_S3_BUCKET: 'chiso', CHISO_S3_ACCESS_KEY_ID: 'minio' })).toEqual([
      { field: 'CHISO_S3_SECRET_ACCESS_KEY', message: 'cần đặt cùng với CHISO_S3_ACCESS_KEY_ID' },
    ]);
    expect(issuesOf({ CHISO_S3_BUCKET: 'Chiso_Evidence' }).map((i) => i.field)).toEqual([
      'CHISO_S3_BUCKET',
    ]);
    expect(
      issuesOf({ CHISO_S3_BUCKET: 'chiso', CHISO_S3_ENDPOINT: 'minio:9000/chiso' }).map(
        (i) => i.field,
      ),
    ).toEqual(['CHISO_S3_ENDPOINT']);
    expect(
      issuesOf({ CHISO_S3_BUCKET: 'chiso', CHISO_S3_FORCE_PATH_STYLE: 'yes' }).map((i) => i.field),
    ).toEqual(['CHISO_S3_FORCE_PATH_STYLE']);
    expect(issuesOf({ CHISO_S3_BUCKET: 'chiso', CHISO_S3_PREFIX: '/tuyet-doi' })[0]?.field).toBe(
      'CHISO_S3_PREFIX',
    );
  });
});
