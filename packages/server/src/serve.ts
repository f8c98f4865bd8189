import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { Deps } from './context.js';
import { openDatabase } from './db/database.js';
import type { EarlyPglite } from './db/early-pglite.js';
import { startQueue } from './jobs/start-queue.js';
import { configuredStore } from './storage/configured-store.js';
import { recoverImports } from './use-cases/imports/recover-imports.js';
import { ensureInitialAdmin } from './use-cases/users/ensure-initial-admin.js';

export interface RunningServer {
  app: FastifyInstance;
  /** Stops accepting requests, lets running ones finish, stops the job queue (waiting for a running job), then closes the database. */
  close: () => Promise<void>;
}

/**
 * Opens the database, builds the app and listens. The clock is a parameter so that browser
 * tests can run the real server on a fixed calendar; `main.ts` passes the wall clock.
 */
export async function serve(
  config: Config,
  clock: () => Date = () => new Date(),
  options: { early?: EarlyPglite | undefined } = {},
): Promise<RunningServer> {
  const evidence = await configuredStore(config);
  // A bucket that does not answer stops the start, naming the variable, before anything opens.
  await evidence.check();
  // The app's modules load while the database starts: PGlite compiles its WebAssembly off the
  // main thread, and PostgreSQL answers over the network (decision 0049).
  const [database, { buildApp }] = await Promise.all([
    openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
      migrationDatabaseUrl: config.migrationDatabaseUrl,
      early: options.early,
    }),
    import('./app.js'),
  ]);
  // nodemailer only when mail is configured (0052).
  const mailer = config.mail
    ? (await import('./mail/mailer.js')).smtpMailer(config.mail)
    : undefined;
  const deps: Deps = {
    db: database.db,
    clock,
    storage: evidence.store,
    config,
    mailer,
  };
  const app = await buildApp(deps);
  if (database.kind === 'postgres' && !config.migrationDatabaseUrl) {
    app.log.warn(
      'CHISO_MIGRATION_DATABASE_URL chưa đặt: máy chủ dùng một vai trò cho cả cập nhật cấu trúc và dữ liệu, nên nhật ký thay đổi chỉ an toàn như vai trò đó (vai trò sở hữu có thể xóa trigger hay làm rỗng audit_log). Xem README, mục "Hai vai trò PostgreSQL".',
    );
  }
  await ensureInitialAdmin(deps, app.log);
  // Reminders and other background work; the queue decides what is due by this clock.
  const queue = await startQueue(deps);
  // Before anyone can ask: what a stopped process left of an import (0045).
  await recoverImports(deps);
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Hàng đợi công việc: ${queue.engine === 'pg-boss' ? 'pg-boss' : 'trong tiến trình'}; thư điện tử: ${mailer ? 'bật' : 'tắt'}; tài liệu kiểm chứng: ${evidence.store.description}`,
  );
  app.log.info(
    `chiso đang chạy tại http://localhost:${config.port} (cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite trong ${config.dataDir}` : 'PostgreSQL'})`,
  );
  return {
    app,
    close: async () => {
      await app.close();
      await queue.stop();
      mailer?.close();
      evidence.close();
      await database.close();
    },
  };
}
