import { randomInt } from 'node:crypto';
import {
  accountsTableSteps,
  DomainError,
  ERROR_CODES,
  type AccountRowInput,
  type Issue,
  type Table,
} from '@chiso/core';
import { recordAudits } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { listUnits } from '../../repositories/units.js';
import { insertUsers, presentUser, takenUsernames } from '../../repositories/users.js';
import { hashPassword } from '../../security/passwords.js';
import { IN_REQUEST, type ImportProgress } from '../imports/import-progress.js';
import { authorizeIn, reachOf } from '../reach.js';
import { accountOutOfReach } from './account-reach.js';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
/** Accounts hashed, then written, per batch. */
const BATCH = 500;

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
export async function importUsers(
  ctx: UseCaseContext,
  tables: Table[],
  progress: ImportProgress = IN_REQUEST,
) {
  await authorizeIn(ctx, 'administer', 'ownSecretariat');
  const { db } = ctx.deps;
  const reach = await reachOf(ctx);
  let rows: AccountRowInput[] | undefined;
  let sheet: string | undefined;
  let firstError: DomainError | undefined;
  for (const table of tables) {
    await progress.phase('checking', Math.max(0, table.rows.length - 1));
    try {
      rows = await progress.drive(accountsTableSteps(table));
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
  const taken = new Set<string>();
  for (let start = 0; start < rows.length; start += BATCH) {
    const names = rows.slice(start, start + BATCH).map((r) => r.username);
    for (const name of await takenUsernames(db, names)) taken.add(name);
  }
  const issues: Issue[] = [];
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
    if (taken.has(row.username))
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
  // Hashing is the slow part (Argon2, on the thread pool): batch by batch, outside the
  // transaction, so that a cancel is heard and the database is not held meanwhile.
  await progress.phase('saving', rows.length);
  const prepared: { row: AccountRowInput; password: string; passwordHash: string }[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    prepared.push(
      ...(await Promise.all(
        batch.map(async (row) => {
          const password = row.password ?? initialPassword();
          return { row, password, passwordHash: await hashPassword(password) };
        }),
      )),
    );
    await progress.step(Math.floor((start + batch.length) / 2));
  }
  return db.transaction(async (tx) => {
    const created = [];
    for (let start = 0; start < prepared.length; start += BATCH) {
      const batch = prepared.slice(start, start + BATCH);
      const stored = (
        await insertUsers(
          tx,
          batch.map(({ row, passwordHash }) => ({
            username: row.username,
            fullName: row.fullName,
            passwordHash,
            role: row.role,
            unitId: row.unitId ?? null,
            email: row.email?.toLowerCase() ?? null,
            passwordChangedAt: ctx.now,
            mustChangePassword: true,
          })),
        )
      ).map(presentUser);
      await recordAudits(
        tx,
        ctx,
        stored.map((user) => ({
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          after: { ...user, source: 'import' },
        })),
      );
      const passwords = new Map(batch.map((p) => [p.row.username, p.password]));
      for (const user of stored)
        created.push({ ...user, initialPassword: passwords.get(user.username) ?? '' });
      const done = start + batch.length;
      await progress.step(Math.floor(rows.length / 2 + done / 2), tx);
    }
    return { created };
  });
}
