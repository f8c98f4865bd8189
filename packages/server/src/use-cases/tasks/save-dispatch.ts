import { DomainError, ERROR_CODES, formatDocumentRef, type Issue } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { recordAudits } from '../../audit/record-audit.js';
import { listFrameworkRows } from '../../repositories/frameworks.js';
import { listOffices, type OfficeRow } from '../../repositories/offices.js';
import { insertDispatch, insertTasks } from '../../repositories/tasks.js';
import { listUnits, type UnitRow } from '../../repositories/units.js';
import { taskSnapshot } from './present-task.js';
import { checkTaskFields } from './task-input.js';

export interface DispatchHead {
  authority: string;
  documentNumber: string | null;
  documentDate: string | null;
  sourceFileName?: string | undefined;
}

/** The table's columns the fields checked against a unit come from. */
const FIELD_LABELS: Record<string, string> = {
  leadOfficeId: 'Phòng/ban chủ trì',
  frameworkId: 'Tiêu chí',
  documentNumber: 'Văn bản giao',
};

/** One task for one unit, as a dispatch gives it. */
export interface DispatchedTask {
  /** The sheet and row, for an import; `path` names where problems are otherwise. */
  row: number | null;
  sheet?: string | undefined;
  path: string;
  unitId: string;
  title: string;
  description?: string | null | undefined;
  target?: string | null | undefined;
  deadline: string;
  codes: string[];
  leadOfficeId: string | null;
  supportingOfficeIds: string[];
  /** A row's own document, where the table gives one per row. */
  documentNumber?: string | null | undefined;
  documentDate?: string | null | undefined;
  authority?: string | null | undefined;
}

/** Tasks checked between two calls of an import's progress (the last batch may be shorter). */
const CHECK_BATCH = 100;

/**
 * Checks every task of a dispatch against its unit (offices, leaves of the newest framework of
 * the unit's type) and, unless it is a preview, stores them all with one dispatch id, or none.
 * `step` hears the tasks checked after each batch (an import's progress, which may cancel).
 */
export async function saveDispatch(
  ctx: UseCaseContext,
  tx: Db,
  head: DispatchHead,
  items: readonly DispatchedTask[],
  preview: boolean,
  step?: (done: number) => Promise<void>,
) {
  const actor = ctx.actor;
  const units = new Map((await listUnits(tx)).map((u) => [u.id, u]));
  const frameworks = (await listFrameworkRows(tx)).sort(
    (a, b) => b.year - a.year || b.createdAt.getTime() - a.createdAt.getTime(),
  );
  const officeCache = new Map<string, OfficeRow[]>();
  const issues: Issue[] = [];
  const values: {
    item: DispatchedTask;
    unit: UnitRow;
    checked: Awaited<ReturnType<typeof checkTaskFields>>;
  }[] = [];
  for (const [index, item] of items.entries()) {
    if (step && index > 0 && index % CHECK_BATCH === 0) await step(index);
    const unit = units.get(item.unitId);
    const where =
      item.row === null ? { path: `${item.path}.unitId` } : { sheet: item.sheet, row: item.row };
    if (!unit) {
      issues.push({ ...where, message: `không có đơn vị mã "${item.unitId}"` });
      continue;
    }
    const unitOffices = officeCache.get(unit.id) ?? (await listOffices(tx, unit.id));
    officeCache.set(unit.id, unitOffices);
    const frameworkId =
      item.codes.length === 0
        ? null
        : (frameworks.find((f) => f.unitType === unit.type)?.id ?? null);
    try {
      const checked = await checkTaskFields(
        tx,
        unit,
        {
          leadOfficeId: item.leadOfficeId,
          supportingOfficeIds: item.supportingOfficeIds,
          frameworkId,
          codes: item.codes,
          documentNumber: item.documentNumber ?? head.documentNumber,
          documentDate: item.documentDate ?? head.documentDate,
        },
        undefined,
        unitOffices,
      );
      values.push({ item, unit, checked });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      for (const issue of error.issues) {
        issues.push({
          ...(item.row === null
            ? { path: `${item.path}.${issue.path ?? ''}` }
            : { sheet: item.sheet, row: item.row, field: FIELD_LABELS[issue.path ?? ''] }),
          message: `${unit.name}: ${issue.message}`,
        });
      }
    }
  }
  await step?.(items.length);
  if (issues.length > 0) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Không giao được nhiệm vụ: có dòng chưa hợp lệ, chưa nhiệm vụ nào được lưu',
      issues,
    );
  }
  const officeName = new Map([...officeCache.values()].flat().map((o) => [o.id, o.name]));
  const shown = (
    id: string | null,
    taskId: string | null,
    item: DispatchedTask,
    c: (typeof values)[number]['checked'],
  ) => ({
    id: taskId,
    row: item.row,
    unitId: item.unitId,
    unitName: units.get(item.unitId)?.name ?? item.unitId,
    title: item.title,
    deadline: item.deadline,
    leadOffice: id === null ? null : (officeName.get(id) ?? null),
    supportingOffices: (c.supportingOfficeIds ?? []).map((o) => officeName.get(o) ?? o),
    documentText: c.documentNumber
      ? formatDocumentRef({ number: c.documentNumber, date: c.documentDate ?? null })
      : null,
  });
  if (preview) {
    return {
      dispatchId: null,
      preview: true,
      tasks: values.map(({ item, checked }) => shown(item.leadOfficeId, null, item, checked)),
    };
  }
  const dispatch = await insertDispatch(tx, {
    authority: head.authority,
    documentNumber: head.documentNumber,
    documentDate: head.documentDate,
    sourceFileName: head.sourceFileName ?? null,
    createdAt: ctx.now,
    createdBy: actor?.userId ?? null,
  });
  const rows = await insertTasks(
    tx,
    values.map(({ item, checked }) => ({
      ...checked,
      unitId: item.unitId,
      title: item.title.trim(),
      description: item.description?.trim() || null,
      target: item.target?.trim() || null,
      authority: item.authority ?? head.authority,
      deadline: item.deadline,
      origin: 'dispatch',
      dispatchId: dispatch.id,
      createdAt: ctx.now,
      createdBy: actor?.userId ?? null,
    })),
  );
  // One statement for the dispatch's audit rows, not one a task (a table may give thousands).
  await recordAudits(
    tx,
    ctx,
    rows.map((row) => ({
      action: 'task.dispatch',
      entityType: 'task',
      entityId: row.id,
      unitId: row.unitId,
      after: taskSnapshot(row, officeName),
    })),
  );
  return {
    dispatchId: dispatch.id,
    preview: false,
    tasks: rows.map((row, i) => {
      const entry = values[i]!;
      return shown(row.leadOfficeId, row.id, entry.item, entry.checked);
    }),
  };
}
