import pg from 'pg';

/** A role name as PostgreSQL writes it unquoted: checked, since it goes into SQL as a name. */
export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * What the application's role may do (decision 0038), run by the database owner after the
 * migrations: read and change the application's tables, but on audit_log only add and read —
 * no UPDATE, DELETE, TRUNCATE, REFERENCES or TRIGGER, and, not being its owner, no ALTER, no
 * DROP, no DISABLE TRIGGER. Tables the owner creates later (new migrations, pg-boss's queues)
 * are granted by default privileges. The app creates nothing: PostgreSQL 15 gives PUBLIC no
 * CREATE on the public schema, and the role gets none.
 */
export function appRoleStatements(role: string, options: { pgBoss: boolean }): string[] {
  if (!ROLE_NAME.test(role))
    throw new Error(`tên vai trò "${role}" không hợp lệ (chữ thường, số, dấu _)`);
  const dml = 'SELECT, INSERT, UPDATE, DELETE';
  const schemas = options.pgBoss ? ['public', 'pgboss'] : ['public'];
  const statements = [
    `DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${role}', current_database()); END $$`,
  ];
  for (const schema of schemas) {
    statements.push(
      `GRANT USAGE ON SCHEMA ${schema} TO ${role}`,
      `GRANT ${dml} ON ALL TABLES IN SCHEMA ${schema} TO ${role}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT ${dml} ON TABLES TO ${role}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
    );
  }
  if (options.pgBoss) {
    statements.push(
      `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${role}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT EXECUTE ON FUNCTIONS TO ${role}`,
    );
  }
  statements.push(
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${role}`,
    `REVOKE ALL ON audit_log FROM PUBLIC`,
  );
  return statements;
}

/** Runs the grants in one transaction as the role of `ownerUrl`; returns what it ran. */
export async function grantAppRole(
  ownerUrl: string,
  role: string,
  options: { pgBoss: boolean },
): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    if (exists.rowCount === 0)
      throw new Error(
        `chưa có vai trò "${role}": tạo trước bằng CREATE ROLE ${role} LOGIN PASSWORD …`,
      );
    const pgBoss =
      options.pgBoss &&
      (await client.query("select 1 from pg_namespace where nspname = 'pgboss'")).rowCount === 1;
    const statements = appRoleStatements(role, { pgBoss });
    await client.query('begin');
    for (const statement of statements) await client.query(statement);
    await client.query('commit');
    return statements;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
