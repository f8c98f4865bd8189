import {
  buildFramework,
  DEFAULT_POLICY,
  DomainError,
  ERROR_CODES,
  formatCount,
  isBlank,
  parseFrameworkTable,
  unitTypeKey,
  type FrameworkTable,
  type Table,
} from '@chiso/core';
import { recordAudit } from '../../audit/record-audit.js';
import type { UseCaseContext } from '../../context.js';
import { insertFramework, loadFramework } from '../../repositories/frameworks.js';
import { IN_REQUEST, type ImportProgress } from '../imports/import-progress.js';
import { authorizeIn } from '../reach.js';
import { presentFramework, type FrameworkView } from './present-framework.js';

export interface FrameworkMeta {
  name: string;
  year: number;
  unitType: string;
}

/**
 * A framework has a few hundred rows; past this a file is not one, and the core's reader, which
 * runs in one go, is not given it (a 10 MB file is about 300.000 rows).
 */
export const FRAMEWORK_MAX_ROWS = 5000;

function refuseHugeSheets(tables: Table[]): void {
  const issues = tables.flatMap((table) => {
    const rows = table.rows.filter((row) => row.some((cell) => !isBlank(cell))).length;
    return rows > FRAMEWORK_MAX_ROWS
      ? [
          {
            sheet: table.sheet,
            message: `có ${formatCount(rows)} dòng; một bộ chỉ số có tối đa ${formatCount(FRAMEWORK_MAX_ROWS)} dòng`,
          },
        ]
      : [];
  });
  if (issues.length > 0)
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      'Tệp quá dài để là một bộ chỉ số (không có gì được lưu)',
      issues,
    );
}

/** The framework table of a workbook: the first sheet with a header; errors of that sheet. */
export function readFrameworkTable(tables: Table[], meta: FrameworkMeta): FrameworkTable {
  refuseHugeSheets(tables);
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

/** The unit type's key ("Sở" → "so"), or VALIDATION_FAILED naming the field. */
export function requireUnitType(text: string): string {
  const unitType = unitTypeKey(text);
  if (unitType === undefined) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Loại đơn vị không hợp lệ', [
      { path: 'unitType', message: `"${text}" không phải là loại đơn vị` },
    ]);
  }
  return unitType;
}

export async function importFramework(
  ctx: UseCaseContext,
  tables: Table[],
  meta: FrameworkMeta,
  progress: ImportProgress = IN_REQUEST,
): Promise<FrameworkView> {
  const actor = await authorizeIn(ctx, 'administer', 'ownSecretariat');
  const unitType = requireUnitType(meta.unitType);
  await progress.phase('checking');
  const { table } = previewFramework(tables, { ...meta, unitType });
  await progress.phase('saving', table.framework.nodes.length);
  // The save is one statement: the last moment a stop is heard.
  await progress.step(0);
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
