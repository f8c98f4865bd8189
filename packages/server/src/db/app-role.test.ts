import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPostgresDatabase, startTestApp, type TestApp } from '../test-support/test-app.js';
import { grantAppRole } from './app-role.js';
import { openDatabase } from './database.js';

const base = process.env.CHISO_TEST_DATABASE_URL;

/** A URL of the test server for another role and database. */
function urlAs(user: string, password: string, database: string): string {
  const url = new URL(base ?? '');
  url.username = user;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

// Real roles need a real server: skipped on PGlite alone, like the other PostgreSQL tests.
describe.skipIf(!base)('the application role cannot alter or empty audit_log (PostgreSQL)', () => {
  const suffix = randomBytes(4).toString('hex');
  const owner = `chiso_owner_${suffix}`;
  const app = `chiso_app_${suffix}`;
  const password = randomBytes(12).toString('hex');
  let t: TestApp;
  let asApp: pg.Client;

  async function asSuperuser(statements: string[]) {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    for (const statement of statements) await client.query(statement);
    await client.end();
  }

  beforeAll(async () => {
    await asSuperuser([
      `CREATE ROLE ${owner} LOGIN PASSWORD '${password}'`,
      `CREATE ROLE ${app} LOGIN PASSWORD '${password}'`,
    ]);
    const roles = await emptyPostgresDatabase('chiso_roles', { owner });
    const ownerUrl = urlAs(owner, password, roles.name);
    const appUrl = urlAs(app, password, roles.name);
    // Migrate as the owner, grant, then serve as the application's role.
    await (await openDatabase({ databaseUrl: ownerUrl })).close();
    await grantAppRole(ownerUrl, app, { pgBoss: false });
    t = await startTestApp('postgres', {
      database: async () => ({
        database: await openDatabase({ databaseUrl: appUrl, migrationDatabaseUrl: ownerUrl }),
        drop: async () => {
          await roles.drop();
          await asSuperuser([`DROP ROLE IF EXISTS ${app}`, `DROP ROLE IF EXISTS ${owner}`]);
        },
      }),
    });
    asApp = new pg.Client({ connectionString: appUrl });
    await asApp.connect();
  });
  afterAll(async () => {
    await asApp?.end();
    await t?.close();
  });

  it("does the app's work and writes its audit rows", async () => {
    expect((await asApp.query('select current_user')).rows[0]).toEqual({ current_user: app });
    await t.createAccount('admin', 'administrator');
    const admin = await t.login('admin');
    const saved = await t.request('PUT', '/api/units/SNV', {
      as: admin,
      body: { name: 'Sở Nội vụ', type: 'so' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const trail = await t.request('GET', '/api/audit', { as: admin });
    const actions = (trail.body as { entries: { action: string }[] }).entries.map((e) => e.action);
    expect(actions).toEqual(['unit.create', 'auth.signIn']);
  });

  it('refuses the app every way to change, empty or switch off the trail', async () => {
    const refused: [string, RegExp][] = [
      ['TRUNCATE audit_log', /permission denied/],
      ['ALTER TABLE audit_log DISABLE TRIGGER ALL', /must be owner/],
      ['DROP TRIGGER audit_log_no_change ON audit_log', /must be owner/],
      ['DROP TABLE audit_log', /must be owner/],
      ["UPDATE audit_log SET actor_name = 'ai đó'", /permission denied|append-only|không/i],
      ['DELETE FROM audit_log', /permission denied|append-only|không/i],
      ['CREATE TABLE public.shadow (id int)', /permission denied/],
      ['ALTER TABLE users ADD COLUMN x int', /must be owner/],
    ];
    for (const [statement, message] of refused) {
      const error = await asApp.query(statement).then(
        () => undefined,
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
      expect([statement, error]).toEqual([statement, expect.stringMatching(message)]);
    }
    const triggers = await asApp.query(
      "select tgname from pg_trigger where tgrelid = 'audit_log'::regclass and not tgisinternal",
    );
    expect(triggers.rowCount).toBeGreaterThan(0);
    // The rows are all there.
    const count = await asApp.query<{ n: string }>('select count(*)::text as n from audit_log');
    expect(Number(count.rows[0]?.n)).toBeGreaterThanOrEqual(2);
  });
});
