import {
  DomainError,
  ERROR_CODES,
  guessMapping,
  tableHeaders,
  type StatisticsHeaders,
  type StatisticsUnit,
  type Table,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import { findPeriod, listParticipations, type PeriodRow } from '../../repositories/periods.js';
import { periodChain } from '../../repositories/unit-chains.js';
import { findUnits } from '../../repositories/units.js';

/** The scope of the install's (the province's) remembered mappings. */
export const INSTALL_SCOPE = '*';

/** The secretariat a period's import remembers its mapping under: its owner, or the install. */
export function mappingScope(period: PeriodRow): string {
  return period.ownerUnitId ?? INSTALL_SCOPE;
}

/**
 * Where a period's remembered mapping is looked for, nearest first (decision 0029): its own
 * secretariat, the secretariats above it, then the install's. A layout a district has not
 * mapped yet takes the province's; what the district saves stays its own.
 */
export async function mappingScopes(db: Db, period: PeriodRow): Promise<string[]> {
  const chain = period.ownerUnitId === null ? [] : await periodChain(db, period.id);
  return [...chain, INSTALL_SCOPE];
}

export async function requirePeriod(db: Db, periodId: string): Promise<PeriodRow> {
  const period = await findPeriod(db, periodId);
  if (!period) throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy kỳ đánh giá');
  return period;
}

/** The period's participants, the only units an import may give figures for. */
export async function participantUnits(db: Db, periodId: string): Promise<StatisticsUnit[]> {
  const participations = await listParticipations(db, periodId);
  const units = await findUnits(
    db,
    participations.map((p) => p.unitId),
  );
  return units.map((unit) => ({ id: unit.id, name: unit.name }));
}

/** Whether a sheet's headers name at least two of the things an export holds (unit, measures). */
function looksLikeStatistics(table: Table): boolean {
  return Object.keys(guessMapping(tableHeaders(table)).columns).length >= 2;
}

/**
 * The sheet asked for by name, else the first sheet whose headers look like statistics (an
 * export often has a cover or notes sheet first), else the first sheet that has any rows.
 */
export function chosenTable(tables: readonly Table[], sheet: string | undefined): Table {
  const table =
    sheet === undefined
      ? (tables.find(looksLikeStatistics) ??
        tables.find((t) => t.rows.some((row) => row.length > 0)) ??
        tables[0])
      : tables.find((t) => t.sheet === sheet);
  if (table === undefined) {
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      sheet === undefined ? 'Tệp không có trang nào' : `Tệp không có trang "${sheet}"`,
      [{ sheet: sheet ?? '', message: 'Không tìm thấy trang số liệu' }],
    );
  }
  return table;
}

export function headersOf(table: Table, headerRow: number | undefined): StatisticsHeaders {
  return tableHeaders(table, headerRow);
}
