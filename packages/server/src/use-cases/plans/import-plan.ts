import { DomainError, ERROR_CODES, readPlanTable, type Issue, type Table } from '@chiso/core';
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
import { IN_REQUEST, type ImportProgress } from '../imports/import-progress.js';
import { requireUnit } from '../offices/unit-of.js';
import { lockForChange } from './plan-lock.js';
import { corePlan, planView, targetsOf, targetTotal } from './plan-view.js';
import { publishedUnitSource } from './published-source.js';

/** What a table row sets: every column of seed 004 it has. */
type ImportedRow = Required<
  Pick<PlanRowChange, 'target' | 'tasks' | 'leadOfficeId' | 'supportingOfficeIds'>
>;

const nameKey = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('vi');

/**
 * Reads a plan kept as seed 004's table (.xlsx/.csv, checked by the upload) into the draft:
 * each row's target, tasks and offices by name. All or nothing: a code not in the plan, an
 * office the unit does not have or a target the core refuses is named by sheet, row and
 * column, and nothing is written. With `preview` nothing is written either way. `progress`
 * is an import job's (decision 0043).
 */
export async function importPlan(
  ctx: UseCaseContext,
  key: { unitId: string; periodId: string },
  tables: readonly Table[],
  options: { preview: boolean; version: number | undefined },
  progress: ImportProgress = IN_REQUEST,
) {
  authorize(ctx, 'editImprovement', { unitId: key.unitId });
  const table = tables[0];
  if (!table) throw new DomainError(ERROR_CODES.IMPORT_REJECTED, 'Tệp không có bảng nào');
  const read = readPlanTable(table);
  // Set before the transaction: inside it PGlite's one connection writes nothing beside.
  await progress.phase('checking', read.rows.size);
  return ctx.deps.db.transaction(async (tx) => {
    const unit = await requireUnit(tx, key.unitId);
    if (!options.preview && options.version === undefined) {
      throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Thiếu phiên bản kế hoạch (version)');
    }
    const record = await lockForChange(
      tx,
      key,
      options.preview ? undefined : options.version,
      true,
    );
    const rows = await listPlanRows(tx, record.id);
    const source = await publishedUnitSource(tx, key.periodId, unit);
    const { framework } = source.stored;
    const offices = await listOffices(tx, key.unitId);
    const byName = new Map(offices.filter((o) => o.active).map((o) => [nameKey(o.name), o]));
    const issues: Issue[] = [];
    const at = (row: number, field: string, message: string) =>
      issues.push({ sheet: read.sheet, row, field, message });
    const changes = new Map<string, ImportedRow>();
    for (const line of read.rows.values()) {
      if (!framework.byCode.has(line.code)) {
        at(line.row, 'Stt', `kế hoạch không có tiêu chí mã ${line.code}`);
        continue;
      }
      const officeId = (name: string | undefined, field: string) => {
        if (name === undefined) return null;
        const office = byName.get(nameKey(name));
        if (!office) at(line.row, field, `đơn vị không có phòng, ban "${name}"`);
        return office?.id ?? null;
      };
      changes.set(line.code, {
        target: line.target?.toString() ?? null,
        tasks: line.tasks ?? null,
        leadOfficeId: officeId(line.leadOffice, 'Đơn vị chủ trì'),
        supportingOfficeIds: line.supportingOffices.flatMap(
          (name) => officeId(name, 'Đơn vị phối hợp') ?? [],
        ),
      });
    }
    const stored = new Map(rows.map((row) => [row.code, row]));
    const next = [
      ...rows.filter((row) => !changes.has(row.code)),
      ...[...changes].map(([code, change]) => ({
        planId: record.id,
        code,
        position: framework.byCode.get(code)!.index,
        timeFrame: null,
        deadline: null,
        ...stored.get(code),
        ...change,
      })),
    ];
    const names = new Map(offices.map((o) => [o.id, o.name]));
    const rowOf = new Map([...read.rows.values()].map((r) => [r.code, r.row]));
    const plan = await corePlan(tx, source, unit, next, names, targetsOf(next)).catch(
      (error: unknown) => {
        if (!(error instanceof DomainError) || error.code !== ERROR_CODES.VALIDATION_FAILED)
          throw error;
        for (const issue of error.issues) {
          const code = issue.path?.replace(/^targets\./, '') ?? '';
          at(rowOf.get(code) ?? 0, 'Mục tiêu', issue.message);
        }
        return undefined;
      },
    );
    if (issues.length > 0 || !plan) {
      throw new DomainError(
        ERROR_CODES.IMPORT_REJECTED,
        'Bảng kế hoạch chưa nhập được; không dòng nào được lưu',
        issues,
      );
    }
    const summary = [...changes].map(([code, change]) => ({
      code,
      target: change.target ?? null,
      tasks: change.tasks ?? null,
      leadOffice: change.leadOfficeId ? (names.get(change.leadOfficeId) ?? null) : null,
    }));
    // A plan is one batch: the last point where a cancel is heard, before anything is written.
    await progress.step(read.rows.size, tx);
    if (options.preview) return { preview: true, sheet: read.sheet, changes: summary, plan: null };
    await upsertPlanRows(
      tx,
      record.id,
      [...changes].map(([code, change]) => ({
        code,
        position: framework.byCode.get(code)!.index,
        change,
      })),
    );
    const total = targetTotal(plan);
    const after = await updatePlanRecord(tx, record.id, {
      updatedAt: ctx.now,
      targetPoints: total.points.toString(),
      targetPercent: total.percent,
    });
    await recordAudit(tx, ctx, {
      action: 'plan.import',
      entityType: 'improvementPlan',
      entityId: record.id,
      unitId: key.unitId,
      periodId: key.periodId,
      after: { sheet: read.sheet, rows: summary },
    });
    return {
      preview: false,
      sheet: read.sheet,
      changes: summary,
      plan: await planView(tx, source, unit, after),
    };
  });
}
