import type { UseCaseContext } from '../../context.js';
import type { PublishedVersionRow } from '../../repositories/public-results.js';
import { csvDocument } from './csv.js';
import { DICTIONARY_HEADER, dictionaryOf } from './data-dictionary.js';
import { modelOf, type Portal } from './portal.js';

/** data-dictionary.csv: one row per column of data.csv, its meaning, type and unit. */
export async function exportDataDictionary(
  ctx: UseCaseContext,
  portal: Portal,
  state: PublishedVersionRow,
): Promise<Buffer> {
  const model = await modelOf(ctx, portal, state);
  return csvDocument([
    DICTIONARY_HEADER,
    ...dictionaryOf(model).map((d) => [d.column, d.meaning, d.type, d.unit]),
  ]);
}
