import type { UseCaseContext } from '../../context.js';
import type { PublishedVersionRow } from '../../repositories/public-results.js';
import { dataColumns, dataRows, dictionaryOf } from './data-dictionary.js';
import { modelOf, type Portal } from './portal.js';
import { licenceOf, presentPeriodSummary } from './present-public.js';
import { unitAreas, unitCriteria } from './unit-criteria.js';

/**
 * data.json: the CSV's rows as objects keyed by the same column names, each with its areas and
 * every node (points, lost points, reason), under the period, the licence and the dictionary.
 */
export async function exportPublicJson(
  ctx: UseCaseContext,
  portal: Portal,
  state: PublishedVersionRow,
): Promise<Buffer> {
  const model = await modelOf(ctx, portal, state);
  const columns = dataColumns(model);
  const document = {
    period: presentPeriodSummary(model),
    licence: licenceOf(ctx.deps.config.issuer, state),
    dictionary: dictionaryOf(model),
    units: dataRows(model).map((row) => ({
      ...Object.fromEntries(columns.map((c) => [c.column, c.value(row)])),
      areas: unitAreas(row.block, row.unit),
      criteria: unitCriteria(row.block, row.unit, model.details[row.unit.id]),
    })),
  };
  return Buffer.from(JSON.stringify(document), 'utf8');
}
