import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** The keys s3rver accepts (it checks every request's signature against them). */
const ACCESS_KEY = 'S3RVER';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The CHISO_S3_* variables that point a chiso server at this store. */
  env: Record<string, string>;
  close: () => Promise<void>;
}

/**
 * A real S3-compatible server (s3rver: the S3 REST API over files in a folder) on a loopback
 * port, with one bucket; tests run against it as against MinIO or AWS (decision 0040).
 */
export async function startTestS3(bucket = 'chiso-evidence'): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'chiso-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    env: {
      CHISO_S3_BUCKET: bucket,
      CHISO_S3_ENDPOINT: endpoint,
      CHISO_S3_REGION: 'us-east-1',
      CHISO_S3_ACCESS_KEY_ID: ACCESS_KEY,
      CHISO_S3_SECRET_ACCESS_KEY: ACCESS_KEY,
      CHISO_S3_FORCE_PATH_STYLE: '1',
    },
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
