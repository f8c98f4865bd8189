import { join } from 'node:path';
import { readConfig } from '../../config.js';
import type { Deps } from '../../context.js';
import { grantAppRole, ROLE_NAME } from '../../db/app-role.js';
import { openDatabase } from '../../db/database.js';
import { installPgBoss } from '../../jobs/start-queue.js';
import { localEvidenceStore } from '../../storage/evidence-store.js';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/**
 * `chiso db grant-app-role --role chiso_app`, as the database owner (CHISO_MIGRATION_DATABASE_URL,
 * or DATABASE_URL when it is the owner's): runs the migrations, installs pg-boss's schema when
 * jobs run on it, then grants the application's role what it needs and no more (decision 0038).
 */
export async function runGrantAppRole(
  options: { role?: string | undefined },
  io: CliIo,
): Promise<void> {
  const role = options.role ?? 'chiso_app';
  if (!ROLE_NAME.test(role)) throw new UsageError(`tên vai trò "${role}" không hợp lệ`);
  const config = readConfig(process.env);
  const ownerUrl = config.migrationDatabaseUrl ?? config.databaseUrl;
  if (!ownerUrl) {
    throw new UsageError(
      'cần CHISO_MIGRATION_DATABASE_URL (vai trò sở hữu) và DATABASE_URL: PGlite chỉ có một người dùng',
    );
  }
  const database = await openDatabase({ databaseUrl: ownerUrl });
  try {
    const deps: Deps = {
      db: database.db,
      clock: () => new Date(),
      storage: localEvidenceStore(join(config.dataDir, 'evidence')),
      config,
    };
    const pgBoss = config.jobsEngine === 'pg-boss';
    if (pgBoss) await installPgBoss(deps, ownerUrl);
    const statements = await grantAppRole(ownerUrl, role, { pgBoss });
    io.stdout(
      `Đã cập nhật cấu trúc cơ sở dữ liệu và cấp quyền cho vai trò "${role}":\n${statements.map((s) => `  ${s};`).join('\n')}\n` +
        `Vai trò "${role}" chỉ được thêm và đọc audit_log. Đặt DATABASE_URL là của "${role}" và CHISO_MIGRATION_DATABASE_URL là của vai trò sở hữu.\n`,
    );
  } finally {
    await database.close();
  }
}
