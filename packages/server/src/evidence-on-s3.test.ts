import { createHash } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Client } from './storage/s3-evidence-store.js';
import { startTestS3, type TestS3 } from './test-support/s3.js';
import { DATABASE_KINDS, multipart, startTestApp, type TestApp } from './test-support/test-app.js';
import { PDF, seedWorld, type World } from './test-support/world.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(DATABASE_KINDS)('evidence in an S3 bucket through HTTP (%s)', (kind) => {
  let s3: TestS3;
  let t: TestApp;
  let w: World;
  const unit = () => `/api/periods/${w.periodId}/units/SNV`;

  beforeAll(async () => {
    s3 = await startTestS3();
    t = await startTestApp(kind, { env: { ...s3.env, CHISO_S3_PREFIX: 'chiso' } });
    w = await seedWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await s3.close();
  });

  const objectKeys = async () => {
    const config = t.deps.config.objectStorage;
    if (!config) throw new Error('the test app is not on S3');
    const client = s3Client(config);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    client.destroy();
    return (listed.Contents ?? []).map((object) => object.Key ?? '');
  };

  it('uploads into the bucket, downloads the same bytes, and keeps a second copy once', async () => {
    const file = multipart('ke-hoach-cchc-2022.pdf', PDF);
    let r = await t.request('POST', `${unit()}/evidence`, {
      as: w.sessions['cb.snv'],
      payload: file.payload,
      headers: file.headers,
    });
    expect(r.status).toBe(201);
    const evidence = (r.body as { evidence: { id: string; sha256: string } }).evidence;
    expect(evidence.sha256).toBe(sha256(PDF));
    const hash = sha256(PDF);
    expect(await objectKeys()).toEqual([`chiso/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`]);

    r = await t.request('GET', `/api/evidence/${evidence.id}`, { as: w.sessions['tt.snv'] });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(sha256(r.raw)).toBe(hash);

    const copy = multipart('ban-sao.pdf', PDF);
    r = await t.request('POST', `${unit()}/evidence`, {
      as: w.sessions['cb.snv'],
      payload: copy.payload,
      headers: copy.headers,
    });
    expect(r.body).toMatchObject({ duplicate: true, evidence: { id: evidence.id } });
    expect(await objectKeys()).toHaveLength(1);
  });

  it('refuses a fake PDF with the sentence naming the file, and puts nothing in the bucket', async () => {
    const before = await objectKeys();
    const fake = multipart('bao-cao.pdf', '%PDF-1.4\n<html><script>alert(1)</script></html>');
    const r = await t.request('POST', `${unit()}/evidence`, {
      as: w.sessions['cb.snv'],
      payload: fake.payload,
      headers: fake.headers,
    });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain(
      'Tệp \\"bao-cao.pdf\\" không phải là PDF hợp lệ: có nội dung HTML hoặc mã script',
    );
    expect(await objectKeys()).toEqual(before);
  });
});
