import {
  Decimal,
  DomainError,
  ERROR_CODES,
  formatExact,
  levelName,
  type FrameworkNode,
  type Issue,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { listPlanRows, planRowRef } from '../../repositories/plans.js';
import { insertTasks } from '../../repositories/tasks.js';
import { authorize } from '../authorize.js';
import { requireUnit } from '../offices/unit-of.js';
import { loadNames } from '../tasks/task-input.js';
import { taskSnapshot } from '../tasks/present-task.js';
import { lockForChange } from './plan-lock.js';
import { publishedUnitSource } from './published-source.js';

/** The codes of the leaves at or below a node, in framework order. */
function leavesUnder(nodes: readonly FrameworkNode[], index: number): string[] {
  const node = nodes[index]!;
  if (node.childIndices.length === 0) return [node.code];
  return node.childIndices.flatMap((child) => leavesUnder(nodes, child));
}

/**
 * Turns chosen rows of a plan into tasks of the unit (origin "plan"): the row's tasks text as
 * the title, its lead and supporting offices, its deadline, the leaves below it and the row it
 * came from. A row needs a deadline and a lead office; every row lacking one is named, and
 * then no task is made. Audited per task, as a task given by hand.
 */
export async function planToTasks(
  ctx: UseCaseContext,
  key: { unitId: string; periodId: string },
  input: { codes: readonly string[]; version: number },
) {
  const actor = authorize(ctx, 'editImprovement', { unitId: key.unitId });
  return ctx.deps.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, key.unitId);
    const record = await lockForChange(tx, key, input.version, false);
    const source = await publishedUnitSource(tx, key.periodId, unit);
    const { framework } = source.stored;
    const rows = new Map((await listPlanRows(tx, record.id)).map((r) => [r.code, r]));
    const issues: Issue[] = [];
    const values = [...new Set(input.codes)].flatMap((code, i) => {
      const row = rows.get(code);
      const node = framework.byCode.get(code);
      const path = `codes.${i}`;
      if (!node) {
        issues.push({ path, message: `kế hoạch không có tiêu chí mã ${code}` });
        return [];
      }
      if (!row?.deadline)
        issues.push({ path, message: `dòng ${code} chưa có thời hạn hoàn thành` });
      if (!row?.leadOfficeId) issues.push({ path, message: `dòng ${code} chưa có đơn vị chủ trì` });
      if (!row?.deadline || !row.leadOfficeId) return [];
      const leaves = leavesUnder(framework.nodes, node.index);
      const what = `${levelName(node.depth)} ${code}`;
      return [
        {
          unitId: key.unitId,
          title: row.tasks?.split('\n')[0]?.trim() || `Khắc phục ${what}: ${node.title}`,
          description: row.tasks,
          authority: unit.name,
          leadOfficeId: row.leadOfficeId,
          supportingOfficeIds: (row.supportingOfficeIds as string[]).filter(
            (id) => id !== row.leadOfficeId,
          ),
          frameworkId: source.stored.row.id,
          codes: leaves,
          deadline: row.deadline,
          target:
            row.target === null
              ? null
              : // Shown under "Mục tiêu": the sentence does not say it again.
                `${what.charAt(0).toUpperCase()}${what.slice(1)} đạt ${formatExact(Decimal.of(row.target))} điểm`,
          origin: 'plan',
          planRowRef: planRowRef(record.id, code),
          createdAt: ctx.now,
          createdBy: actor.userId,
        },
      ];
    });
    if (issues.length > 0) {
      throw new DomainError(
        ERROR_CODES.VALIDATION_FAILED,
        'Chưa tạo được nhiệm vụ từ các dòng đã chọn',
        issues,
      );
    }
    const inserted = await insertTasks(tx, values);
    const names = await loadNames(tx, [key.unitId], []);
    for (const task of inserted) {
      await recordAudit(tx, ctx, {
        action: 'task.create',
        entityType: 'task',
        entityId: task.id,
        unitId: key.unitId,
        after: taskSnapshot(task, names.officeNames),
      });
    }
    return {
      tasks: inserted.map((task) => ({
        id: task.id,
        title: task.title,
        code: String(task.planRowRef).slice(record.id.length + 1),
      })),
    };
  });
}
