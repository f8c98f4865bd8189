import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseVietnamTime, type Role } from '@chiso/core';
import type { InjectOptions, RouteOptions } from 'fastify';
import pg from 'pg';
import { buildApp, type App } from '../app.js';
import type { ResponseContractError } from '../http/contract.js';
import { readConfig } from '../config.js';
import type { Deps, UseCaseContext } from '../context.js';
import { openDatabase, type Database } from '../db/database.js';
import { jobRegistry } from '../jobs/catalogue.js';
import { localQueue, type LocalQueue } from '../jobs/local-queue.js';
import { smtpMailer } from '../mail/mailer.js';
import { insertUser } from '../repositories/users.js';
import { hashPassword } from '../security/passwords.js';
import { configuredStore } from '../storage/configured-store.js';
import { copiedPgliteDatabase } from './pglite-cluster.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** PGlite always; a real PostgreSQL server too when CI (or a developer) gives its URL. */
export const DATABASE_KINDS: DatabaseKind[] = process.env.CHISO_TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

/**
 * A new, empty database on the test PostgreSQL server (its URL as the server's superuser), and
 * how to drop it. `owner` makes a role the database's owner, PUBLIC keeping no rights on it.
 */
export async function emptyPostgresDatabase(
  prefix = 'chiso_test',
  options: { owner?: string } = {},
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const base = process.env.CHISO_TEST_DATABASE_URL ?? '';
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const run = async (...statements: string[]) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    for (const statement of statements) await client.query(statement);
    await client.end();
  };
  await run(
    ...(options.owner
      ? [
          `CREATE DATABASE ${name} OWNER ${options.owner}`,
          `REVOKE ALL ON DATABASE ${name} FROM PUBLIC`,
        ]
      : [`CREATE DATABASE ${name}`]),
  );
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A fresh database: PGlite copied from a migrated cluster, or a new one on the PostgreSQL server. */
async function freshDatabase(
  kind: DatabaseKind,
  onQuery?: (sql: string) => void,
): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  if (kind === 'pglite') return copiedPgliteDatabase(onQuery);
  const { url, drop } = await emptyPostgresDatabase();
  const database = await openDatabase({ databaseUrl: url, onQuery });
  return { database, url, drop };
}

export interface TestResponse {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | number | undefined>;
  raw: Buffer;
}

/** A signed-in person's browser: session cookie plus the CSRF header on changes. */
export interface Session {
  username: string;
  userId: string;
  cookie: string;
  csrf: string;
}

export interface TestApp {
  kind: DatabaseKind;
  /** The PostgreSQL database's URL (undefined on PGlite), for other processes on the same data. */
  databaseUrl: string | undefined;
  app: App;
  deps: Deps;
  /** Every route of the app, as it was added (method, url, schema, handler). */
  routes: RouteOptions[];
  /** The in-process job queue, not polling: `tick()` runs what is due at the test's clock. */
  queue: LocalQueue;
  /** Sets the server's clock; text in Vietnam time ("10/01/2023 24:00"). */
  setTime: (vietnamTime: string) => void;
  /** A use-case context acting as nobody in particular (for factories). */
  context: (actor?: UseCaseContext['actor']) => UseCaseContext;
  /** Creates an account directly (the way the command line does) and returns its id. */
  createAccount: (
    username: string,
    role: Role,
    unitId?: string,
    officeId?: string,
  ) => Promise<string>;
  login: (username: string, password?: string) => Promise<Session>;
  request: (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options?: {
      as?: Session;
      body?: unknown;
      headers?: Record<string, string>;
      payload?: Buffer | string;
    },
  ) => Promise<TestResponse>;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  /**
   * More environment for the configuration (CHISO_SMTP_URL of a test SMTP server, the CHISO_S3_*
   * of a test S3 server for evidence in a bucket, …).
   */
  env?: Record<string, string>;
  /** Opens the database instead of a fresh one as the test-support's only role (audit roles, 0038). */
  database?: () => Promise<{ database: Database; url?: string; drop: () => Promise<void> }>;
  /** A built web app's folder to serve instead of packages/web/dist. */
  webRoot?: string;
  /** Told of every statement the app's database handle sends (a fresh database only). */
  onQuery?: (sql: string) => void;
}

export async function startTestApp(
  kind: DatabaseKind,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const {
    database,
    url: databaseUrl,
    drop,
  } = await (options.database?.() ?? freshDatabase(kind, options.onQuery));
  const dataDir = await mkdtemp(join(tmpdir(), 'chiso-app-'));
  let now = new Date(parseVietnamTime('05/01/2023 09:00') ?? 0);
  // Sessions outlive the test's month of simulated time; uploads are capped at 1 MB to test the limit.
  const config = readConfig({
    CHISO_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    CHISO_MAX_UPLOAD_MB: '1',
    CHISO_SESSION_HOURS: '720',
    // vitest.config.ts turns it on for the whole run: every answer is checked against its contract.
    CHISO_VALIDATE_RESPONSES: process.env.CHISO_VALIDATE_RESPONSES,
    ...options.env,
  });
  const evidence = await configuredStore(config);
  const deps: Deps = {
    db: database.db,
    clock: () => now,
    storage: evidence.store,
    config,
    mailer: config.mail ? smtpMailer(config.mail) : undefined,
  };
  const queue = localQueue(deps, jobRegistry());
  deps.jobs = queue;
  // An answer that breaks its route's contract fails the test that asked for it, by name.
  const breaks: ResponseContractError[] = [];
  const routes: RouteOptions[] = [];
  const app = await buildApp(deps, {
    logger: false,
    onContractBreak: (e) => breaks.push(e),
    onRoute: (route) => routes.push(route),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  const inject = async (options: InjectOptions) => {
    const response = await app.inject(options);
    const broken = breaks.splice(0);
    if (broken[0]) throw broken[0];
    return response;
  };
  const passwordHash = await hashPassword(TEST_PASSWORD);

  const request: TestApp['request'] = async (method, url, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as) {
      headers.cookie = options.as.cookie;
      headers['x-csrf-token'] = options.as.csrf;
    }
    const response = await inject({
      method,
      url,
      headers,
      ...(options.payload !== undefined
        ? { payload: options.payload }
        : options.body !== undefined
          ? { payload: options.body as object }
          : {}),
    });
    const type = String(response.headers['content-type'] ?? '');
    return {
      status: response.statusCode,
      // A compressed answer (the public portal's) is left as bytes for the test to unpack.
      body:
        type.includes('application/json') && !response.headers['content-encoding']
          ? response.json<unknown>()
          : response.body,
      headers: response.headers,
      raw: response.rawPayload,
    };
  };

  return {
    kind,
    databaseUrl,
    app,
    deps,
    routes,
    queue,
    setTime: (text) => {
      const ms = parseVietnamTime(text);
      if (ms === undefined) throw new Error(`bad test time ${text}`);
      now = new Date(ms);
    },
    context: (actor) => ({ actor, ip: '127.0.0.1', now, deps }),
    createAccount: async (username, role, unitId, officeId) => {
      const row = await insertUser(database.db, {
        username,
        fullName: `Người dùng ${username}`,
        passwordHash,
        role,
        unitId: unitId ?? null,
        officeId: officeId ?? null,
      });
      return row.id;
    },
    login: async (username, password = TEST_PASSWORD) => {
      const response = await inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (response.statusCode !== 200)
        throw new Error(`login ${username} failed: ${response.body}`);
      const body = response.json<{ csrfToken: string; user: { id: string } }>();
      const cookie = response.cookies.find((c) => c.name === 'chiso_session');
      return {
        username,
        userId: body.user.id,
        cookie: `chiso_session=${cookie?.value ?? ''}`,
        csrf: body.csrfToken,
      };
    },
    request,
    close: async () => {
      await app.close();
      await queue.stop();
      deps.mailer?.close();
      evidence.close();
      await database.close();
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A multipart body with one file field, as a browser sends it. */
export function multipart(
  fileName: string,
  content: Buffer | string,
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----chiso${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([
      head,
      typeof content === 'string' ? Buffer.from(content) : content,
      tail,
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
