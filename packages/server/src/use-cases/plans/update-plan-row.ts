import { Decimal, DomainError, ERROR_CODES, type Issue } from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { listOffices } from '../../repositories/offices.js';
import {
  listPlanRows,
  updatePlanRecord,
  upsertPlanRows,
  type PlanRowChange,
} from '../../repositories/plans.js';
import { authorize } from '../authorize.js';
import { requireUnit } from '../offices/unit-of.js';
import { lockForChange } from './plan-lock.js';
import { corePlan, planView, targetsOf, targetTotal } from './plan-view.js';
import { publishedUnitSource } from './published-source.js';

export interface PlanRowInput {
  /** Decimal text; null: back to the default target. */
  target?: string | null | undefined;
  tasks?: string | null | undefined;
  leadOfficeId?: string | null | undefined;
  supportingOfficeIds?: string[] | undefined;
  timeFrame?: string | null | undefined;
  deadline?: string | null | undefined;
  version: number;
}

/** A node nothing was written for yet. */
const EMPTY_ROW = {
  target: null,
  tasks: null,
  leadOfficeId: null,
  supportingOfficeIds: [],
  timeFrame: null,
  deadline: null,
} satisfies PlanRowChange;

const blank = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim();

/**
 * Sets one row of a draft plan. The target is held to what the core accepts (decision 0016:
 * within what the node can earn and lose, not on a node that does not apply), with the core's
 * message; offices must be the unit's, active. Audited.
 */
export async function updatePlanRow(
  ctx: UseCaseContext,
  key: { unitId: string; periodId: string; code: string },
  input: PlanRowInput,
) {
  authorize(ctx, 'editImprovement', { unitId: key.unitId });
  return ctx.deps.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, key.unitId);
    const record = await lockForChange(tx, key, input.version, true);
    const source = await publishedUnitSource(tx, key.periodId, unit);
    const node = source.stored.framework.byCode.get(key.code);
    if (!node) {
      throw new DomainError(ERROR_CODES.NOT_FOUND, `Kế hoạch không có tiêu chí mã ${key.code}`);
    }
    const rows = await listPlanRows(tx, record.id);
    const before: PlanRowChange = rows.find((row) => row.code === key.code) ?? EMPTY_ROW;
    const offices = await listOffices(tx, key.unitId);
    const active = new Map(offices.filter((o) => o.active).map((o) => [o.id, o]));
    const issues: Issue[] = [];
    const checkOffice = (id: string, path: string) => {
      if (!active.has(id))
        issues.push({ path, message: 'không phải phòng, ban đang hoạt động của đơn vị' });
    };
    if (input.leadOfficeId) checkOffice(input.leadOfficeId, 'leadOfficeId');
    input.supportingOfficeIds?.forEach((id, i) => checkOffice(id, `supportingOfficeIds.${i}`));
    if (issues.length > 0) {
      throw new DomainError(
        ERROR_CODES.VALIDATION_FAILED,
        `Dòng ${key.code} chưa lưu được`,
        issues,
      );
    }
    const change: PlanRowChange = {
      ...(input.target === undefined
        ? {}
        : { target: input.target === null ? null : Decimal.of(input.target).toString() }),
      ...(input.tasks === undefined ? {} : { tasks: blank(input.tasks) ?? null }),
      ...(input.leadOfficeId === undefined ? {} : { leadOfficeId: input.leadOfficeId }),
      ...(input.supportingOfficeIds === undefined
        ? {}
        : { supportingOfficeIds: [...new Set(input.supportingOfficeIds)] }),
      ...(input.timeFrame === undefined ? {} : { timeFrame: blank(input.timeFrame) ?? null }),
      ...(input.deadline === undefined ? {} : { deadline: input.deadline }),
    };
    const next = [
      ...rows.filter((row) => row.code !== key.code),
      {
        ...EMPTY_ROW,
        ...before,
        ...change,
        planId: record.id,
        code: key.code,
        position: node.index,
      },
    ];
    // The core checks the target: its message names the node and the bound ("target" path).
    const names = new Map(offices.map((o) => [o.id, o.name]));
    const plan = await corePlan(tx, source, unit, next, names, targetsOf(next)).catch(
      (error: unknown) => {
        if (error instanceof DomainError && error.code === ERROR_CODES.VALIDATION_FAILED) {
          throw new DomainError(
            ERROR_CODES.VALIDATION_FAILED,
            `Dòng ${key.code} chưa lưu được`,
            error.issues
              .filter((issue) => issue.path === `targets.${key.code}`)
              .map((issue) => ({ ...issue, path: 'target' })),
          );
        }
        throw error;
      },
    );
    await upsertPlanRows(tx, record.id, [{ code: key.code, position: node.index, change }]);
    const total = targetTotal(plan);
    const after = await updatePlanRecord(tx, record.id, {
      updatedAt: ctx.now,
      targetPoints: total.points.toString(),
      targetPercent: total.percent,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.row.update',
      entityType: 'improvementPlan',
      entityId: record.id,
      unitId: key.unitId,
      periodId: key.periodId,
      code: key.code,
      before: Object.fromEntries(
        Object.keys(change).map((k) => [k, before[k as keyof PlanRowChange]]),
      ),
      after: change,
    });
    return planView(tx, source, unit, after);
  });
}
