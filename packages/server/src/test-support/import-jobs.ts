import type { ImportJob } from '@chiso/contract';
import { multipart, type Session, type TestApp, type TestResponse } from './test-app.js';

/**
 * Uploads a file to an import route that runs as a job (decision 0034), runs the queue once and
 * answers the job as its requester reads it; `upload` is the route's own answer (202, or the
 * refusal when it did not queue).
 */
export async function importAndWait(
  t: TestApp,
  url: string,
  file: { name: string; content: Buffer | string },
  as: Session,
): Promise<{ upload: TestResponse; job: ImportJob | undefined }> {
  const body = multipart(file.name, file.content);
  const upload = await t.request('POST', url, {
    as,
    payload: body.payload,
    headers: body.headers,
  });
  if (upload.status !== 202) return { upload, job: undefined };
  await t.queue.tick();
  const id = (upload.body as ImportJob).id;
  const read = await t.request('GET', `/api/imports/${id}`, { as });
  return { upload, job: read.body as ImportJob };
}
