import { randomInt } from 'node:crypto';
import {
  DomainError,
  ERROR_CODES,
  parseAccountsTable,
  type AccountRowInput,
  type Table,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { listUnits } from '../../repositories/units.js';
import { findUserByUsername, insertUser, presentUser } from '../../repositories/users.js';
import { hashPassword } from '../../security/passwords.js';
import { authorizeIn, reachOf } from '../reach.js';
import { accountOutOfReach } from './account-reach.js';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A first password people can type: 12 characters without look-alikes (no l/1, o/0). */
function initialPassword(): string {
  return Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/**
 * Creates accounts from a spreadsheet, all or none, each with the first password of its
 * "Mật khẩu" cell (checked by the policy in the core's table reader) or a random one, returned
 * once (the administrator hands them out; they are never stored in clear), to be changed at the
 * first sign-in (0036). Audited.
 */
export async function importUsers(ctx: UseCaseContext, tables: Table[]) {
  await authorizeIn(ctx, 'administer', 'ownSecretariat');
  const { db } = ctx.deps;
  const reach = await reachOf(ctx);
  let rows: AccountRowInput[] | undefined;
  let sheet: string | undefined;
  let firstError: DomainError | undefined;
  for (const table of tables) {
    try {
      rows = parseAccountsTable(table);
      sheet = table.sheet;
      break;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.issues.some((i) => i.row !== undefined)) throw error;
      firstError ??= error;
    }
  }
  if (!rows)
    throw firstError ?? new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Tệp không có trang nào');
  const units = new Set((await listUnits(db)).map((u) => u.id));
  const issues = [];
  for (const row of rows) {
    if (row.unitId !== undefined && !units.has(row.unitId))
      issues.push({
        sheet,
        row: row.row,
        field: 'Mã đơn vị',
        message: `không có đơn vị mã "${row.unitId}"`,
      });
    const outOfReach = accountOutOfReach(reach, row.role, row.unitId);
    if (outOfReach !== null && (row.unitId === undefined || units.has(row.unitId)))
      issues.push({ sheet, row: row.row, field: 'Mã đơn vị', message: outOfReach });
    if (await findUserByUsername(db, row.username))
      issues.push({
        sheet,
        row: row.row,
        field: 'Tên đăng nhập',
        message: `tên đăng nhập "${row.username}" đã có người dùng`,
      });
  }
  if (issues.length > 0)
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      'Không nhập được danh sách tài khoản',
      issues,
    );
  const prepared = await Promise.all(
    rows.map(async (row) => {
      const password = row.password ?? initialPassword();
      return { row, password, passwordHash: await hashPassword(password) };
    }),
  );
  return db.transaction(async (tx) => {
    const created = [];
    for (const { row, password, passwordHash } of prepared) {
      const user = presentUser(
        await insertUser(tx, {
          username: row.username,
          fullName: row.fullName,
          passwordHash,
          role: row.role,
          unitId: row.unitId ?? null,
          email: row.email?.toLowerCase() ?? null,
          passwordChangedAt: ctx.now,
          mustChangePassword: true,
        }),
      );
      await recordAudit(tx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: { ...user, source: 'import' },
      });
      created.push({ ...user, initialPassword: password });
    }
    return { created };
  });
}
