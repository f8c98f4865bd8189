import {
  DomainError,
  ERROR_CODES,
  tableHeaders,
  type StatisticsHeaders,
  type StatisticsUnit,
  type Table,
} from '@chiso/core';
import type { Db } from '../../db/database.js';
import { findPeriod, listParticipations, type PeriodRow } from '../../repositories/periods.js';
import { findUnits } from '../../repositories/units.js';

/** Remembered mappings are the install's for now (one secretariat); later the secretariat's id. */
export const MAPPING_SCOPE = '*';

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

/** The sheet asked for by name, else the first sheet that has any rows. */
export function chosenTable(tables: readonly Table[], sheet: string | undefined): Table {
  const table =
    sheet === undefined
      ? (tables.find((t) => t.rows.some((row) => row.length > 0)) ?? tables[0])
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
