import type { UseCaseContext } from '../../context.js';
import type { PublishedVersionRow } from '../../repositories/public-results.js';
import { csvDocument } from './csv.js';
import { dataColumns, dataRows } from './data-dictionary.js';
import { modelOf, type Portal } from './portal.js';

/** data.csv: the whole result of a public period, one row per unit (RFC 4180, UTF-8, BOM). */
export async function exportPublicCsv(
  ctx: UseCaseContext,
  portal: Portal,
  state: PublishedVersionRow,
): Promise<Buffer> {
  const model = await modelOf(ctx, portal, state);
  const columns = dataColumns(model);
  return csvDocument([
    columns.map((c) => c.column),
    ...dataRows(model).map((row) => columns.map((c) => c.value(row))),
  ]);
}
