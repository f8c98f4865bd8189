import type { Client } from './client.js';

/** What became of one upload, whether the route answers at once or runs it as a job. */
export type ImportOutcome =
  | { kind: 'accepted'; status: number }
  | { kind: 'refused'; status: number; message: string }
  /** A 5xx, from the upload or from polling its job. */
  | { kind: 'serverError'; status: number; message: string }
  /** No outcome within the deadline (no answer, or a job still running). */
  | { kind: 'hang' }
  /** The connection failed: the process is gone, or it dropped the request. */
  | { kind: 'noAnswer'; message: string };

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

interface JobView {
  id?: string;
  state?: string;
  job?: { id?: string; state?: string; error?: unknown };
  error?: unknown;
}

const messageOf = (body: unknown) => (JSON.stringify(body) ?? '').slice(0, 300);
const jobOf = (body: unknown) => {
  const view = (body ?? {}) as JobView;
  return {
    id: view.job?.id ?? view.id,
    state: view.job?.state ?? view.state,
    error: view.job?.error ?? view.error,
  };
};

/**
 * Uploads one file and waits for its outcome, within `timeoutMs` in all. Today's imports
 * answer at once (2xx, or 4xx with the problems); an import run as a background job answers
 * 202 with the job, then `GET /api/imports/:id` is polled until its state is succeeded, failed
 * or cancelled. Both are told apart here and nowhere else.
 */
export async function uploadAndWait(
  client: Client,
  path: string,
  file: { name: string; content: Uint8Array },
  timeoutMs: number,
): Promise<ImportOutcome> {
  const deadline = Date.now() + timeoutMs;
  let answer;
  try {
    answer = await client.upload(path, file.name, file.content, timeoutMs);
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return { kind: 'hang' };
    return { kind: 'noAnswer', message: String(error) };
  }
  if (answer.status >= 500)
    return { kind: 'serverError', status: answer.status, message: messageOf(answer.body) };
  if (answer.status !== 202) {
    return answer.status < 300
      ? { kind: 'accepted', status: answer.status }
      : { kind: 'refused', status: answer.status, message: messageOf(answer.body) };
  }
  const { id } = jobOf(answer.body);
  if (!id)
    return {
      kind: 'serverError',
      status: 202,
      message: `202 without a job: ${messageOf(answer.body)}`,
    };
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return { kind: 'hang' };
    let poll;
    try {
      poll = await client.request('GET', `/api/imports/${id}`, undefined, left);
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') return { kind: 'hang' };
      return { kind: 'noAnswer', message: String(error) };
    }
    if (poll.status >= 500)
      return { kind: 'serverError', status: poll.status, message: messageOf(poll.body) };
    const job = jobOf(poll.body);
    if (poll.status === 200 && job.state && FINISHED.has(job.state)) {
      return job.state === 'succeeded'
        ? { kind: 'accepted', status: 200 }
        : { kind: 'refused', status: 200, message: `${job.state}: ${messageOf(job.error)}` };
    }
    if (poll.status !== 200)
      return { kind: 'refused', status: poll.status, message: messageOf(poll.body) };
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, left)));
  }
}
