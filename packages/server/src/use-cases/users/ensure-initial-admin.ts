import type { FastifyBaseLogger } from 'fastify';
import { recordAudit } from '../../audit/record-audit.js';
import type { Deps } from '../../context.js';
import {
  countActiveAdministrators,
  findUserByUsername,
  insertUser,
} from '../../repositories/users.js';
import { hashPassword } from '../../security/passwords.js';

/**
 * On start: when no administrator exists and CHISO_ADMIN_USERNAME / CHISO_ADMIN_PASSWORD are
 * set, creates that administrator. Otherwise explains how to create one.
 */
export async function ensureInitialAdmin(deps: Deps, log: FastifyBaseLogger): Promise<void> {
  const { db, config } = deps;
  if ((await countActiveAdministrators(db)) > 0) return;
  const admin = config.initialAdmin;
  if (!admin) {
    log.warn('Chưa có tài khoản quản trị. Tạo bằng: npx chiso admin create --username <tên>');
    return;
  }
  if (await findUserByUsername(db, admin.username)) return;
  const passwordHash = await hashPassword(admin.password);
  const created = await db
    .transaction(async (tx) => {
      const user = await insertUser(tx, {
        username: admin.username,
        fullName: admin.fullName,
        passwordHash,
        role: 'administrator',
        unitId: null,
      });
      await recordAudit(
        tx,
        { actor: undefined, ip: 'environment', now: deps.clock() },
        {
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          after: { username: user.username, role: user.role, source: 'CHISO_ADMIN_USERNAME' },
        },
      );
      return true;
    })
    .catch(async (error: unknown) => {
      // Servers started together: another one created the same account first (decision 0040).
      if (await findUserByUsername(db, admin.username)) return false;
      throw error;
    });
  if (!created) return;
  log.info(`Đã tạo tài khoản quản trị "${admin.username}" từ biến môi trường`);
}
