import { can, DomainError, ERROR_CODES, OFFICE_ROLES, type Actor } from '@chiso/core';
import type { CurrentActor, UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { findTask, type TaskRow } from '../../repositories/tasks.js';
import { authorize } from '../authorize.js';
import { withinOf } from '../reach.js';

/** The offices in charge of a task: its lead and its supporting offices. */
export function taskOfficeIds(row: TaskRow): Set<string> {
  const ids = new Set(row.supportingOfficeIds as string[]);
  if (row.leadOfficeId !== null) ids.add(row.leadOfficeId);
  return ids;
}

/**
 * Whether an actor who may read the unit's improvement work may read this task: an office's
 * staff only the tasks their office leads or supports; the unit and the secretariats above it
 * all. `within` is the task's unit chain (decision 0024): without it a district's
 * secretariat would be refused its own communes' tasks.
 */
export function maySeeTask(actor: Actor, row: TaskRow, within: readonly string[]): boolean {
  if (!can(actor, 'readImprovement', { unitId: row.unitId, within })) return false;
  if (!OFFICE_ROLES.includes(actor.role)) return true;
  return actor.officeId !== undefined && taskOfficeIds(row).has(actor.officeId);
}

export function mayReport(actor: Actor, row: TaskRow): boolean {
  return can(actor, 'reportTask', { unitId: row.unitId, officeIds: taskOfficeIds(row) });
}

export function mayEdit(actor: Actor, row: TaskRow): boolean {
  return can(actor, 'editImprovement', { unitId: row.unitId });
}

const REFUSAL = {
  read: 'Bạn không có quyền xem nhiệm vụ này: nhiệm vụ không do phòng, ban của bạn chủ trì hay phối hợp',
  report: 'Bạn không có quyền báo cáo tiến độ nhiệm vụ này',
  edit: 'Bạn không có quyền sửa nhiệm vụ này của đơn vị',
} as const;

/**
 * The task a route names, for one kind of access. Who may not read the unit's tasks at all is
 * refused before anything is looked up, so that a refusal says nothing of the task.
 */
export async function requireTask(
  ctx: UseCaseContext,
  db: Db,
  key: { unitId: string; taskId: string },
  access: keyof typeof REFUSAL,
): Promise<{ actor: CurrentActor; row: TaskRow }> {
  const within = await withinOf(ctx, { unitId: key.unitId }, db);
  const actor = authorize(ctx, 'readImprovement', { unitId: key.unitId, within });
  const row = await findTask(db, key.taskId);
  if (!row || row.unitId !== key.unitId) {
    throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy nhiệm vụ này của đơn vị');
  }
  const allowed =
    access === 'read'
      ? maySeeTask(actor, row, within)
      : access === 'report'
        ? mayReport(actor, row)
        : mayEdit(actor, row);
  if (!allowed) throw new DomainError(ERROR_CODES.FORBIDDEN, REFUSAL[access]);
  return { actor, row };
}

/** Refuses a change made on a version someone has changed since. */
export function staleTask(): DomainError {
  return new DomainError(
    ERROR_CODES.CONFLICT,
    'Nhiệm vụ vừa được người khác thay đổi; hãy tải lại trang để xem bản mới nhất rồi làm lại',
  );
}
