import { DomainError, ERROR_CODES, type WindowKind } from '@chiso/core';
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
import { authorize } from '../authorize.js';
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

export async function createPeriod(ctx: UseCaseContext, input: NewPeriod): Promise<PeriodRow> {
  authorize(ctx, 'administer');
  const { db } = ctx.deps;
  const rows = await frameworkRowsByIds(db, Object.values(input.frameworks));
  const issues = Object.entries(input.frameworks).flatMap(([unitType, id]) => {
    const row = rows.find((r) => r.id === id);
    if (!row) return [{ path: `frameworks.${unitType}`, message: `không có bộ chỉ số ${id}` }];
    if (row.unitType !== unitType) {
      return [
        {
          path: `frameworks.${unitType}`,
          message: `bộ chỉ số "${row.name}" dành cho loại đơn vị "${row.unitType}"`,
        },
      ];
    }
    if (row.reviewStatus === 'needsReview') return [notReviewed(unitType, row)];
    return [];
  });
  const allUnits = await listUnits(db);
  const yearStart = `${input.year}-01-01`;
  const yearEnd = `${input.year}-12-31`;
  const unitIds =
    input.unitIds ??
    allUnits
      .filter((u) => u.type in input.frameworks)
      .filter((u) => (u.activeFrom ?? yearStart) <= yearEnd && (u.activeTo ?? yearEnd) >= yearStart)
      .map((u) => u.id);
  for (const id of unitIds) {
    const unit = allUnits.find((u) => u.id === id);
    if (!unit) issues.push({ path: 'unitIds', message: `không có đơn vị mã "${id}"` });
    else if (!(unit.type in input.frameworks)) {
      issues.push({
        path: 'unitIds',
        message: `chưa chọn bộ chỉ số cho loại đơn vị "${unit.type}" của ${unit.name}`,
      });
    }
  }
  if (issues.length > 0)
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Kỳ đánh giá không hợp lệ', issues);
  return db.transaction(async (tx) => {
    const period = await insertPeriod(tx, { name: input.name, year: input.year });
    await insertPeriodFrameworks(tx, period.id, input.frameworks);
    for (const [kind, window] of Object.entries(input.windows ?? {})) {
      if (window) await upsertWindow(tx, period.id, { kind: kind as WindowKind, ...window });
    }
    await insertParticipations(tx, period.id, unitIds);
    await recordAudit(tx, ctx, {
      action: 'period.create',
      entityType: 'period',
      entityId: period.id,
      periodId: period.id,
      after: { ...period, frameworks: input.frameworks, windows: input.windows, unitIds },
    });
    return period;
  });
}
