import {
  activeInYear,
  DomainError,
  ERROR_CODES,
  pastWindowWarnings,
  unitTypeLabel,
  type WindowKind,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { frameworkRowsByIds } from '../../repositories/frameworks.js';
import {
  insertParticipations,
  insertPeriod,
  insertPeriodFrameworks,
  upsertWindow,
  type PeriodRow,
} from '../../repositories/periods.js';
import { listUnits } from '../../repositories/units.js';
import { authorizeIn, inReach, reachOf } from '../reach.js';
import type { WindowsInput } from './window-input.js';

export interface NewPeriod {
  name: string;
  year: number;
  /** Framework per unit type: "so" → framework id. */
  frameworks: Record<string, string>;
  windows?: WindowsInput | undefined;
  /** Units taking part; by default every unit whose type has a framework and is active that year. */
  unitIds?: string[] | undefined;
}

/**
 * A copied framework keeps last year's dates until someone has looked (decision 0013): the
 * message says where to review it; the web app turns the address into a link.
 */
function notReviewed(unitType: string, row: { id: string; name: string; year: number }) {
  return {
    path: `frameworks.${unitType}`,
    field: 'Bộ chỉ số',
    message: `bộ chỉ số "${row.name}" được sao chép sang năm ${row.year} nhưng chưa được rà soát: hãy xem các ngày đã dời và các mục cần kiểm tra tại /bo-chi-so/${row.id}, rồi bấm "Xác nhận đã rà soát"`,
  };
}

/**
 * Opens a period: a framework per unit type, the windows, the units taking part (by default
 * every unit of those types active in the year). Windows already closed are accepted and
 * returned as `warnings`, so that a period recorded after the fact stays possible.
 */
export async function createPeriod(
  ctx: UseCaseContext,
  input: NewPeriod,
): Promise<PeriodRow & { ownerUnitName: string | undefined; warnings: string[] }> {
  // A unit's secretariat opens its own period; the install's opens the install's (decision 0024).
  const actor = await authorizeIn(ctx, 'administer', 'ownSecretariat');
  const ownerUnitId = actor.unitId ?? null;
  const { db } = ctx.deps;
  const reach = await reachOf(ctx);
  const rows = await frameworkRowsByIds(db, Object.values(input.frameworks));
  const issues = Object.entries(input.frameworks).flatMap(([unitType, id]) => {
    const row = rows.find((r) => r.id === id);
    if (!row || !inReach(reach, row.ownerUnitId)) {
      return [{ path: `frameworks.${unitType}`, message: `không có bộ chỉ số ${id}` }];
    }
    if (row.unitType !== unitType) {
      return [
        {
          path: `frameworks.${unitType}`,
          message: `bộ chỉ số "${row.name}" dành cho ${unitTypeLabel(row.unitType)}`,
        },
      ];
    }
    if (row.reviewStatus === 'needsReview') return [notReviewed(unitType, row)];
    return [];
  });
  const allUnits = await listUnits(db);
  // Looked up by id: a province's period names thousands of units, each checked below.
  const unitById = new Map(allUnits.map((u) => [u.id, u]));
  const owner = ownerUnitId === null ? undefined : unitById.get(ownerUnitId);
  // A unit's period takes part only units strictly inside its subtree.
  const inside = (id: string) => reach === undefined || (id !== ownerUnitId && reach.has(id));
  const unitIds =
    input.unitIds ??
    allUnits
      .filter((u) => u.type in input.frameworks && activeInYear(u, input.year) && inside(u.id))
      .map((u) => u.id);
  if (unitIds.length === 0) {
    issues.push({
      path: 'unitIds',
      message: 'chưa có đơn vị nào tham gia: chọn ít nhất một đơn vị của loại đã có bộ chỉ số',
    });
  }
  for (const id of new Set(unitIds)) {
    const unit = unitById.get(id);
    if (!unit) issues.push({ path: 'unitIds', message: `không có đơn vị mã "${id}"` });
    else if (!inside(id)) {
      issues.push({
        path: 'unitIds',
        message: `${unit.name} không trực thuộc ${owner?.name ?? ownerUnitId}: kỳ đánh giá của ${owner?.name ?? ownerUnitId} chỉ gồm các đơn vị trực thuộc`,
      });
    } else if (!(unit.type in input.frameworks)) {
      issues.push({
        path: 'unitIds',
        message: `chưa chọn bộ chỉ số cho loại đơn vị "${unitTypeLabel(unit.type)}" của ${unit.name}`,
      });
    } else if (!activeInYear(unit, input.year)) {
      issues.push({
        path: 'unitIds',
        message: `${unit.name} không hoạt động trong năm ${input.year}`,
      });
    }
  }
  if (issues.length > 0)
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Kỳ đánh giá không hợp lệ', issues);
  // Allowed (a period recorded after the fact), but said: nobody can act in a past step.
  const warnings = pastWindowWarnings(input.windows ?? {}, ctx.now.getTime()).map((w) => w.message);
  return db.transaction(async (tx) => {
    const period = await insertPeriod(tx, { name: input.name, year: input.year, ownerUnitId });
    await insertPeriodFrameworks(tx, period.id, input.frameworks);
    for (const [kind, window] of Object.entries(input.windows ?? {})) {
      if (window) await upsertWindow(tx, period.id, { kind: kind as WindowKind, ...window });
    }
    await insertParticipations(tx, period.id, [...new Set(unitIds)]);
    await recordAudit(tx, ctx, {
      action: 'period.create',
      entityType: 'period',
      entityId: period.id,
      periodId: period.id,
      after: {
        ...period,
        frameworks: input.frameworks,
        windows: input.windows,
        unitIds,
        ...(warnings.length > 0 ? { warnings } : {}),
      },
    });
    return { ...period, ownerUnitName: owner?.name, warnings };
  });
}
