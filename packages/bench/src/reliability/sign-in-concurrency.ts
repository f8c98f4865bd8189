import { and, count, eq, sql } from 'drizzle-orm';
import { openDatabase } from '../../../server/dist/db/database.js';
import { auditLog } from '../../../server/dist/db/schema.js';
import { PER_ACCOUNT } from '../../../server/dist/use-cases/auth/sign-in-limits.js';
import type { Random } from './seeded.js';
import { ADMIN, freshDatabase, startServer, type DatabaseKind } from './server-process.js';

export interface SignInConcurrency {
  kind: DatabaseKind;
  attempts: number;
  answers: Record<string, number>;
  /** Passwords the server verified: its audit rows (each check writes one, a refusal none). */
  checked: number;
  /** Wrong passwords verified beyond the per-account limit. */
  checkedPastLimit: number;
  limit: number;
}

/**
 * N sign-ins at once for one account (one right password, N−1 wrong, the right one at a seeded
 * place) against the real server. A password check is counted from the database, not from the
 * answers: sign-in writes `auth.signIn.failed` after every wrong password it verified and
 * `auth.signIn` after a right one, and nothing for an attempt refused (429) before the check.
 */
export async function signInConcurrency(
  kind: DatabaseKind,
  random: Random,
  options: { attempts: number; baseUrl?: string },
): Promise<SignInConcurrency> {
  const database = await freshDatabase(kind, options.baseUrl);
  try {
    const server = await startServer(database);
    const right = random.int(0, options.attempts - 1);
    const answers: Record<string, number> = {};
    const statuses = await Promise.all(
      Array.from({ length: options.attempts }, (_x, i) =>
        fetch(`${server.base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            username: ADMIN.username,
            password: i === right ? ADMIN.password : `sai-mat-khau-${i}-khong-dung`,
          }),
        }).then(
          async (r) => (await r.arrayBuffer(), String(r.status)),
          () => 'no answer',
        ),
      ),
    );
    for (const status of statuses) answers[status] = (answers[status] ?? 0) + 1;
    await server.stop();
    const opened = await openDatabase(
      kind === 'postgres'
        ? { databaseUrl: database.env.DATABASE_URL }
        : { dataDir: database.dataDir },
    );
    try {
      const rows = await opened.db
        .select({ action: auditLog.action, n: count() })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entityType, 'user'),
            sql`${auditLog.action} in ('auth.signIn', 'auth.signIn.failed')`,
          ),
        )
        .groupBy(auditLog.action);
      const of = (action: string) => rows.find((r) => r.action === action)?.n ?? 0;
      const wrong = of('auth.signIn.failed');
      return {
        kind,
        attempts: options.attempts,
        answers,
        checked: wrong + of('auth.signIn'),
        checkedPastLimit: Math.max(0, wrong - PER_ACCOUNT),
        limit: PER_ACCOUNT,
      };
    } finally {
      await opened.close();
    }
  } finally {
    await database.drop();
  }
}
