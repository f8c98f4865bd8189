import type { ImportJob } from '@chiso/contract';
import { setTimeout as sleep } from 'node:timers/promises';
import { multipart, type Session, type TestApp, type TestResponse } from './test-app.js';

/** A test app, or servers running their own queue (then the job is polled until it ends). */
export type Importer = Pick<TestApp, 'request'> & Partial<Pick<TestApp, 'queue'>>;

/**
 * Uploads a file to an import route that runs as a job (decision 0034), runs the queue once (or waits
 * for the servers' own) and answers the job as its requester reads it; `upload` is the route's own answer (202, or the
 * refusal when it did not queue).
 */
export async function importAndWait(
  t: Importer,
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
  await t.queue?.tick();
  const id = (upload.body as ImportJob).id;
  for (let polls = 0; ; polls++) {
    const job = (await t.request('GET', `/api/imports/${id}`, { as })).body as ImportJob;
    if (!['queued', 'running'].includes(job.state) || polls >= 600) return { upload, job };
    await sleep(100);
  }
}

/**
 * A file imported through a job route that must succeed: the job's answer (a framework's or
 * survey's id, a count); anything else throws with the route's answer or the job's problems.
 */
export async function imported<T = Record<string, unknown>>(
  t: Importer,
  url: string,
  file: { name: string; content: Buffer | string },
  as: Session,
): Promise<T> {
  const { upload, job } = await importAndWait(t, url, file, as);
  if (job?.state !== 'succeeded' || job.result === null)
    throw new Error(
      `${url}: ${upload.status} ${JSON.stringify(job ? (job.problems ?? job.state) : upload.body)}`,
    );
  return job.result as T;
}

/** A framework file imported (job route, which must succeed), as GET /frameworks/:id gives it. */
export async function importedFramework<T = { id: string } & Record<string, unknown>>(
  t: Importer,
  query: string,
  file: { name: string; content: Buffer | string },
  as: Session,
): Promise<T> {
  const { id } = await imported<{ id: string }>(t, `/api/frameworks/import?${query}`, file, as);
  const read = await t.request('GET', `/api/frameworks/${id}`, { as });
  if (read.status !== 200) throw new Error(`framework ${id}: ${read.status}`);
  return read.body as T;
}
