import { z } from 'zod';
import { statisticsMapping } from '@chiso/contract';
import { authorize } from '../authorize.js';
import { importPlan } from '../plans/import-plan.js';
import { authorizeIn } from '../reach.js';
import { importStatistics } from '../statistics/import-statistics.js';
import { previewStatistics } from '../statistics/preview-statistics.js';
import { importDispatch } from '../tasks/import-dispatch.js';
import type { ImportKind } from './import-kinds.js';

/*
 * The imports of the operations screens as jobs (decision 0043): a task dispatch, a period's
 * procedure statistics (and their preview), a unit's improvement plan. Each kind refuses at
 * queue time whoever the use-case would refuse (the same action and reach), and its use-case
 * checks again when the job runs as the requester. The parameters are what the route read from
 * its query, checked again here because they come back from the job's row.
 */

const dispatchParameters = z.object({
  authority: z.string(),
  preview: z.boolean(),
  fileName: z.string(),
});

const periodParameters = z.object({ periodId: z.string() });

const statisticsPreviewParameters = periodParameters.extend({
  sheet: z.string().optional(),
  headerRow: z.number().int().optional(),
});

const statisticsParameters = periodParameters.extend({
  fileName: z.string(),
  mapping: statisticsMapping,
  sheet: z.string().optional(),
  countedTo: z.string().optional(),
});

const planParameters = z.object({
  unitId: z.string(),
  periodId: z.string(),
  preview: z.boolean(),
  version: z.number().int().optional(),
});

const manageStatistics: ImportKind['authorize'] = async (ctx, parameters) => {
  const { periodId } = periodParameters.parse(parameters);
  await authorizeIn(ctx, 'manageStatistics', { periodId });
};

export const OPERATION_IMPORT_KINDS = {
  taskDispatch: {
    authorize: async (ctx) => {
      authorize(ctx, 'dispatchTasks');
    },
    previews: (parameters) => parameters.preview === true,
    run: async (ctx, tables, progress, parameters) => ({
      ...(await importDispatch(ctx, tables, dispatchParameters.parse(parameters), progress)),
    }),
  },
  statisticsPreview: {
    authorize: manageStatistics,
    previews: () => true,
    run: async (ctx, tables, progress, parameters) => {
      const { periodId, sheet, headerRow } = statisticsPreviewParameters.parse(parameters);
      return {
        ...(await previewStatistics(ctx, { periodId, tables, sheet, headerRow }, progress)),
      };
    },
  },
  statistics: {
    authorize: manageStatistics,
    run: async (ctx, tables, progress, parameters) => {
      const input = statisticsParameters.parse(parameters);
      return { ...(await importStatistics(ctx, { ...input, tables }, progress)) };
    },
  },
  plan: {
    authorize: async (ctx, parameters) => {
      authorize(ctx, 'editImprovement', { unitId: planParameters.parse(parameters).unitId });
    },
    previews: (parameters) => parameters.preview === true,
    run: async (ctx, tables, progress, parameters) => {
      const { unitId, periodId, preview, version } = planParameters.parse(parameters);
      return {
        ...(await importPlan(ctx, { unitId, periodId }, tables, { preview, version }, progress)),
      };
    },
  },
} satisfies Record<string, ImportKind>;
