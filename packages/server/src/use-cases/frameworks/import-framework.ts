import {
  buildFramework,
  DEFAULT_POLICY,
  DomainError,
  ERROR_CODES,
  parseFrameworkTable,
  unitTypeKey,
  type FrameworkTable,
  type Table,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { insertFramework, loadFramework } from '../../repositories/frameworks.js';
import { authorizeIn } from '../reach.js';
import { presentFramework, type FrameworkView } from './present-framework.js';

export interface FrameworkMeta {
  name: string;
  year: number;
  unitType: string;
}

/** The framework table of a workbook: the first sheet with a header; errors of that sheet. */
export function readFrameworkTable(tables: Table[], meta: FrameworkMeta): FrameworkTable {
  const failures: DomainError[] = [];
  for (const table of tables) {
    try {
      return parseFrameworkTable(table, meta);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.issues.some((issue) => issue.row !== undefined)) throw error;
      failures.push(error);
    }
  }
  throw new DomainError(
    ERROR_CODES.IMPORT_REJECTED,
    'Không tìm thấy bảng bộ chỉ số trong tệp',
    failures.flatMap((f) => f.issues),
  );
}

/**
 * Checks a framework file without saving anything: what would be created and every error
 * found. The import itself runs the same check and saves all or nothing.
 */
export function previewFramework(tables: Table[], meta: FrameworkMeta) {
  const table = readFrameworkTable(tables, meta);
  const framework = buildFramework(table.framework);
  return { table, framework };
}

export async function importFramework(
  ctx: UseCaseContext,
  tables: Table[],
  meta: FrameworkMeta,
): Promise<FrameworkView> {
  const actor = await authorizeIn(ctx, 'administer', 'ownSecretariat');
  const unitType = unitTypeKey(meta.unitType);
  if (unitType === undefined) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Loại đơn vị không hợp lệ', [
      { path: 'unitType', message: `"${meta.unitType}" không phải là loại đơn vị` },
    ]);
  }
  const { table } = previewFramework(tables, { ...meta, unitType });
  const id = await ctx.deps.db.transaction(async (tx) => {
    const row = await insertFramework(
      tx,
      { ...table.framework, year: meta.year, unitType },
      DEFAULT_POLICY,
      null,
      { ownerUnitId: actor.unitId ?? null },
    );
    await recordAudit(tx, ctx, {
      action: 'framework.import',
      entityType: 'framework',
      entityId: row.id,
      after: {
        name: row.name,
        year: row.year,
        unitType: row.unitType,
        nodes: table.framework.nodes.length,
      },
    });
    return row.id;
  });
  const stored = await loadFramework(ctx.deps.db, id);
  if (!stored) throw new Error('framework vanished after import');
  return presentFramework(stored.row, stored.framework, stored.policy);
}
