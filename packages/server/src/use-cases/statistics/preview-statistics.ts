import {
  guessMapping,
  readStatisticsTable,
  type Issue,
  type StatisticsHeader,
  type StatisticsMapping,
  type Table,
} from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { findMapping } from '../../repositories/statistics.js';
import { IN_REQUEST, type ImportProgress } from '../imports/import-progress.js';
import { authorizeIn } from '../reach.js';
import {
  chosenTable,
  headersOf,
  mappingScopes,
  participantUnits,
  requirePeriod,
} from './statistics-file.js';

export interface StatisticsPreview {
  sheets: string[];
  sheet: string;
  headerRow: number;
  headers: StatisticsHeader[];
  headerKey: string;
  mapping: StatisticsMapping;
  /** Whether the mapping is the one remembered for this layout (else it is a guess). */
  remembered: boolean;
  /** Rows that would be imported with this mapping. */
  rows: number;
  issues: Issue[];
}

/**
 * What an uploaded statistics export holds before anything is stored: its headers, the
 * mapping remembered for this header row (or one guessed from the headers) and what reading
 * it with that mapping would find wrong.
 */
export async function previewStatistics(
  ctx: UseCaseContext,
  input: {
    periodId: string;
    tables: Table[];
    sheet?: string | undefined;
    headerRow?: number | undefined;
  },
  progress: ImportProgress = IN_REQUEST,
): Promise<StatisticsPreview> {
  await authorizeIn(ctx, 'manageStatistics', { periodId: input.periodId });
  const db = ctx.deps.db;
  const period = await requirePeriod(db, input.periodId);
  const table = chosenTable(input.tables, input.sheet);
  const headers = headersOf(table, input.headerRow);
  const stored = await findMapping(db, await mappingScopes(db, period), headers.headerKey);
  // The same headers may sit lower or higher in this file (more or fewer title rows): the
  // remembered columns apply to the header row found here.
  const mapping = stored
    ? { ...(stored.mapping as StatisticsMapping), headerRow: headers.headerRow }
    : guessMapping(headers);
  const units = await participantUnits(db, input.periodId);
  await progress.phase('checking', Math.max(0, table.rows.length - headers.headerRow));
  const read = readStatisticsTable(table, mapping, units);
  await progress.step(read.rows.length);
  return {
    sheets: input.tables.map((t) => t.sheet),
    sheet: table.sheet,
    headerRow: headers.headerRow,
    headers: headers.headers,
    headerKey: headers.headerKey,
    mapping,
    remembered: stored !== undefined,
    rows: read.rows.length,
    issues: read.issues,
  };
}
