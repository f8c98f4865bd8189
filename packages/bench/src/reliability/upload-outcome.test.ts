import { describe, expect, it } from 'vitest';
import type { Answer, Client } from './client.js';
import { uploadAndWait } from './upload-outcome.js';

/** A client answering the upload with `first`, then each poll with the next of `polls`. */
function fakeClient(first: Answer | Error, polls: Answer[] = []) {
  const asked: string[] = [];
  const client: Client = {
    base: 'http://127.0.0.1:1',
    upload: (path) => {
      asked.push(`POST ${path}`);
      return first instanceof Error ? Promise.reject(first) : Promise.resolve(first);
    },
    request: (method, path) => {
      asked.push(`${method} ${path}`);
      return Promise.resolve(
        polls.shift() ?? { status: 200, body: { id: 'j1', state: 'running' } },
      );
    },
  };
  return { client, asked };
}

const file = { name: 'don-vi.csv', content: Buffer.from('Mã đơn vị;Tên đơn vị\n') };
const timeout = (): Error => Object.assign(new Error('aborted'), { name: 'TimeoutError' });

describe('uploadAndWait: one outcome for an answer at once and for a job polled', () => {
  it('takes a synchronous 2xx as accepted, a 4xx as refused and a 5xx as a server error', async () => {
    for (const [status, kind] of [
      [200, 'accepted'],
      [201, 'accepted'],
      [422, 'refused'],
      [413, 'refused'],
      [500, 'serverError'],
    ] as const) {
      const { client, asked } = fakeClient({ status, body: { error: { message: 'x' } } });
      expect((await uploadAndWait(client, '/api/units/import', file, 1000)).kind).toBe(kind);
      expect(asked).toEqual(['POST /api/units/import']);
    }
  });

  it('polls GET /api/imports/:id after a 202 until the job has succeeded, failed or been cancelled', async () => {
    for (const [state, kind] of [
      ['succeeded', 'accepted'],
      ['failed', 'refused'],
      ['cancelled', 'refused'],
    ] as const) {
      const { client, asked } = fakeClient(
        { status: 202, body: { job: { id: 'j1', state: 'queued' } } },
        [
          { status: 200, body: { id: 'j1', state: 'running', progress: 0.5 } },
          { status: 200, body: { id: 'j1', state } },
        ],
      );
      expect((await uploadAndWait(client, '/api/users/import', file, 5000)).kind).toBe(kind);
      expect(asked).toEqual([
        'POST /api/users/import',
        'GET /api/imports/j1',
        'GET /api/imports/j1',
      ]);
    }
  });

  it('counts a job still running at the deadline, or an upload timed out, as a hang', async () => {
    const running = fakeClient({ status: 202, body: { id: 'j2', state: 'queued' } });
    expect(await uploadAndWait(running.client, '/api/units/import', file, 250)).toEqual({
      kind: 'hang',
    });
    expect(running.asked.length).toBeGreaterThan(1);
    const silent = fakeClient(timeout());
    expect(await uploadAndWait(silent.client, '/api/units/import', file, 250)).toEqual({
      kind: 'hang',
    });
  });

  it('tells a dropped connection and a poll answered 5xx apart from a refusal', async () => {
    const dropped = fakeClient(new TypeError('fetch failed'));
    expect((await uploadAndWait(dropped.client, '/api/units/import', file, 1000)).kind).toBe(
      'noAnswer',
    );
    const broken = fakeClient({ status: 202, body: { id: 'j3', state: 'queued' } }, [
      { status: 503, body: { error: { message: 'x' } } },
    ]);
    expect(await uploadAndWait(broken.client, '/api/units/import', file, 1000)).toMatchObject({
      kind: 'serverError',
      status: 503,
    });
    const nameless = fakeClient({ status: 202, body: {} });
    expect((await uploadAndWait(nameless.client, '/api/units/import', file, 1000)).kind).toBe(
      'serverError',
    );
  });
});
