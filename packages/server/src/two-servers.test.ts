import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { formatVietnamTime, type Role } from '@chiso/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { insertUser } from './repositories/users.js';
import { hashPassword } from './security/passwords.js';
import { s3Client } from './storage/s3-evidence-store.js';
import {
  call,
  healthy,
  ROOT,
  signIn,
  startServer,
  stopServer,
  type Server,
} from './test-support/chiso-process.js';
import { startTestS3, type TestS3 } from './test-support/s3.js';
import { emptyPostgresDatabase, multipart, TEST_PASSWORD } from './test-support/test-app.js';
import { PDF, seedWorld, type World } from './test-support/world.js';

/**
 * Two real chiso processes (`node packages/server/dist/main.js`) on one PostgreSQL database and
 * one S3-compatible store, as behind a load balancer (decision 0040). PostgreSQL only: PGlite
 * is one process's own database.
 */
const BASE_URL = process.env.CHISO_TEST_DATABASE_URL;
const INITIAL_ADMIN = { username: 'quantri', password: 'Hoa-An-so-noi-vu-2026!' };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.skipIf(!BASE_URL)('two chiso processes on one PostgreSQL and one object store', () => {
  let s3: TestS3;
  let empty: Awaited<ReturnType<typeof emptyPostgresDatabase>> | undefined;
  let database: Database;
  let a: Server;
  let b: Server;
  let w: World;

  beforeAll(async () => {
    // The processes run the compiled server: compile what changed (CI has just built it).
    execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-b'], { cwd: ROOT, stdio: 'pipe' });
    s3 = await startTestS3();
    empty = await emptyPostgresDatabase('chiso_two');
    const { url } = empty;
    const env = {
      ...s3.env,
      DATABASE_URL: url,
      CHISO_ADMIN_USERNAME: INITIAL_ADMIN.username,
      CHISO_ADMIN_PASSWORD: INITIAL_ADMIN.password,
    };
    // Both at once on an empty database: they migrate and create the first administrator
    // one after the other, not both (decision 0040).
    [a, b] = await Promise.all([startServer('a', env), startServer('b', env)]);
    await Promise.all([healthy(a), healthy(b)]);

    // The world, written on A: accounts the way the command line makes them, the rest by HTTP.
    database = await openDatabase({ databaseUrl: url });
    const passwordHash = await hashPassword(TEST_PASSWORD);
    w = await seedWorld({
      createAccount: async (username: string, role: Role, unitId?: string, officeId?: string) =>
        (
          await insertUser(database.db, {
            username,
            fullName: `Người dùng ${username}`,
            passwordHash,
            role,
            unitId: unitId ?? null,
            officeId: officeId ?? null,
          })
        ).id,
      login: async (username: string, password = TEST_PASSWORD) => {
        const answer = await signIn(a, username, password);
        if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status}`);
        return {
          username,
          userId: answer.body.user?.id ?? '',
          cookie: answer.cookie ?? '',
          csrf: answer.csrf ?? '',
        };
      },
      request: (method, url, options) => call(a, method, url, options),
    });
    // The processes run on the wall clock: the self-assessment is open from yesterday to tomorrow.
    const day = 24 * 60 * 60_000;
    const r = await call(a, 'PUT', `/api/periods/${w.periodId}/windows`, {
      as: w.sessions.admin,
      body: {
        selfAssessment: {
          opensAt: formatVietnamTime(Date.now() - day),
          closesAt: formatVietnamTime(Date.now() + day),
        },
      },
    });
    if (r.status !== 200) throw new Error(`windows: ${r.status} ${JSON.stringify(r.body)}`);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a, b].flatMap((server) => (server ? [stopServer(server)] : [])));
    await database?.close();
    await s3?.close();
    await empty?.drop();
  });

  it('started both on an empty database, with one first administrator between them', async () => {
    const admins = await database.db.execute(
      `select count(*)::int as n from users where username = '${INITIAL_ADMIN.username}'`,
    );
    expect((admins as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
    for (const server of [a, b]) {
      const answer = await signIn(server, INITIAL_ADMIN.username, INITIAL_ADMIN.password);
      expect(answer.status).toBe(200);
    }
  });

  it('takes a session made on A at B, stores the upload in the bucket, and A gives it back', async () => {
    const officer = await signIn(a, 'cb.snv');
    expect(officer.status).toBe(200);
    const session = {
      username: 'cb.snv',
      userId: '',
      cookie: officer.cookie ?? '',
      csrf: officer.csrf ?? '',
    };
    const file = multipart('ke-hoach-cchc-2026.pdf', PDF);
    const uploaded = await call(b, 'POST', `/api/periods/${w.periodId}/units/SNV/evidence`, {
      as: session,
      payload: file.payload,
      headers: file.headers,
    });
    expect(uploaded.status).toBe(201);
    const evidence = (uploaded.body as { evidence: { id: string; sha256: string } }).evidence;
    expect(evidence.sha256).toBe(sha256(PDF));

    const downloaded = await call(a, 'GET', `/api/evidence/${evidence.id}`, { as: session });
    expect(downloaded.status).toBe(200);
    expect(sha256(downloaded.raw)).toBe(evidence.sha256);

    // In the bucket, and in neither process's own folder.
    const storage = readConfig(s3.env).objectStorage;
    if (!storage) throw new Error('no object storage');
    const client = s3Client(storage);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    client.destroy();
    expect((listed.Contents ?? []).map((o) => o.Key)).toContain(
      `${evidence.sha256.slice(0, 2)}/${evidence.sha256.slice(2, 4)}/${evidence.sha256}`,
    );
    for (const server of [a, b]) expect(existsSync(join(server.dataDir, 'evidence'))).toBe(false);
  });

  it('counts wrong passwords across both: five split between A and B, then 429 on either', async () => {
    const statuses: number[] = [];
    for (const server of [a, b, a, b, a]) {
      statuses.push((await signIn(server, 'td1', 'mat-khau-sai-hoan-toan')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect((await signIn(b, 'td1', 'mat-khau-sai-hoan-toan')).status).toBe(429);
    // Even the right password waits now, on the other server too.
    const right = await signIn(a, 'td1');
    expect(right.status).toBe(429);
  });

  it('runs a job queued on A once, and B sees it completed', async () => {
    const queued = await call(a, 'POST', '/api/jobs/reminders-scan', { as: w.sessions.admin });
    expect(queued).toMatchObject({ status: 201, body: { queued: true } });
    type Jobs = { engine: string; jobs: { key: string | null; state: string; attempts: number }[] };
    let seen: Jobs['jobs'] = [];
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      const r = await call(b, 'GET', '/api/jobs?limit=500', { as: w.sessions.admin });
      expect((r.body as Jobs).engine).toBe('pg-boss');
      seen = (r.body as Jobs).jobs.filter((job) => job.key?.startsWith('manual:'));
      if (seen.some((job) => job.state === 'completed')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(seen).toEqual([expect.objectContaining({ state: 'completed', attempts: 1 })]);
  });
});
