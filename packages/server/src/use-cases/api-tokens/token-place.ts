import { DomainError, ERROR_CODES, parseVietnamTime } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { findApiToken, type ApiTokenRow } from '../../repositories/api-tokens.js';
import { authorizeIn, type Place } from '../reach.js';

/** A token's place for a secretariat's reach: its owner unit, or the install's. */
export function tokenPlace(row: ApiTokenRow): Place {
  return row.ownerUnitId === null ? 'install' : { unitId: row.ownerUnitId };
}

/** The token, if the actor's secretariat reaches its owner; 404 or 403 otherwise. */
export async function reachableToken(ctx: UseCaseContext, id: string): Promise<ApiTokenRow> {
  const row = await findApiToken(ctx.deps.db, id);
  if (!row) {
    // The role is checked first, so that only an administrator learns whether an id exists.
    await authorizeIn(ctx, 'manageStatistics', 'ownSecretariat');
    throw new DomainError(ERROR_CODES.NOT_FOUND, 'Không tìm thấy mã API');
  }
  await authorizeIn(ctx, 'manageStatistics', tokenPlace(row));
  return row;
}

/** The end of the given day in Vietnam (24:00), as an instant; undefined for no such day. */
export function endOfVietnamDay(isoDate: string): Date | undefined {
  const ms = parseVietnamTime(`${isoDate} 24:00`);
  return ms === undefined ? undefined : new Date(ms);
}
