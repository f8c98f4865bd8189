import type { UseCaseContext } from '../../context.js';
import { listOffices as readOffices, presentOffice } from '../../repositories/offices.js';
import { requireUnit } from './unit-of.js';
import { authorizeIn } from '../reach.js';

/** A unit's offices, active and not, in the unit's order. */
export async function listOffices(ctx: UseCaseContext, unitId: string) {
  await authorizeIn(ctx, 'readImprovement', { unitId }, { unitId });
  await requireUnit(ctx.deps.db, unitId);
  return { offices: (await readOffices(ctx.deps.db, unitId)).map(presentOffice) };
}
