import { DomainError, ERROR_CODES } from '@chiso/core';
import type { Db } from '../../db/database.js';
import { findUnit, type UnitRow } from '../../repositories/units.js';

/** The unit an office route names, or NOT_FOUND. */
export async function requireUnit(db: Db, unitId: string): Promise<UnitRow> {
  const unit = await findUnit(db, unitId);
  if (!unit) throw new DomainError(ERROR_CODES.NOT_FOUND, `Không có đơn vị mã "${unitId}"`);
  return unit;
}
