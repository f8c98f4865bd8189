import { DomainError, ERROR_CODES } from '@chiso/core';
import { z } from 'zod';
import {
  importFramework,
  previewFramework,
  requireUnitType,
} from '../frameworks/import-framework.js';
import { authorizeIn } from '../reach.js';
import { requireOpenPeriod } from '../surveys/create-survey.js';
import { importFrame, requireFrameOpen } from '../surveys/import-frame.js';
import { importSurvey } from '../surveys/import-survey.js';
import { resumeFrameImport } from '../surveys/save-frame-staged.js';
import type { ImportKind, ImportParameters } from './import-kinds.js';

// The survey-setup imports as jobs (decision 0042): the framework (and its check, which reads
// the whole file too), a questionnaire, a sampling frame. Each checks at queue time what the
// request checked before, and its use-case checks it again when the job runs as the requester.

const frameworkMeta = z.object({
  name: z.string(),
  year: z.number().int(),
  unitType: z.string(),
});
const periodOf = z.object({ periodId: z.string() });
const surveyOf = z.object({ surveyId: z.string() });

/** The parameters the route stored; anything else is a job row not written by this server. */
function parametersOf<T>(schema: z.ZodType<T>, parameters: ImportParameters): T {
  const parsed = schema.safeParse(parameters);
  if (!parsed.success)
    throw new DomainError(ERROR_CODES.INVALID_STATE, 'Lượt nhập thiếu tham số của nó');
  return parsed.data;
}

export const frameworkImport: ImportKind = {
  authorize: async (ctx, parameters) => {
    await authorizeIn(ctx, 'administer', 'ownSecretariat');
    requireUnitType(parametersOf(frameworkMeta, parameters).unitType);
  },
  run: async (ctx, tables, progress, parameters) => {
    const view = await importFramework(
      ctx,
      tables,
      parametersOf(frameworkMeta, parameters),
      progress,
    );
    return {
      id: view.id,
      name: view.name,
      year: view.year,
      unitType: view.unitType,
      nodes: view.nodes.length,
    };
  },
};

/** Reads and checks a framework file, saves nothing: what would be created. */
export const frameworkPreviewImport: ImportKind = {
  authorize: async (ctx) => {
    await authorizeIn(ctx, 'administer', 'ownSecretariat');
  },
  previews: () => true,
  run: async (ctx, tables, progress, parameters) => {
    await authorizeIn(ctx, 'administer', 'ownSecretariat');
    await progress.phase('checking');
    const { table, framework } = previewFramework(tables, parametersOf(frameworkMeta, parameters));
    return {
      nodes: framework.nodes.length,
      areas: framework.areas.map((a) => ({
        code: a.code,
        title: a.title,
        maxPoints: a.maxPoints.toString(),
      })),
      leaves: framework.leaves.length,
      maxPoints: framework.maxPoints.toString(),
      achieved: Object.fromEntries(
        [...table.achieved].map(([code, points]) => [code, points.toString()]),
      ),
    };
  },
};

export const surveyImport: ImportKind = {
  authorize: async (ctx, parameters) => {
    const { periodId } = parametersOf(periodOf, parameters);
    await authorizeIn(ctx, 'administer', { periodId });
    await requireOpenPeriod(ctx.deps.db, periodId);
  },
  run: async (ctx, tables, progress, parameters) => {
    const survey = await importSurvey(
      ctx,
      parametersOf(periodOf, parameters).periodId,
      tables,
      progress,
    );
    return {
      id: survey.id,
      periodId: survey.periodId,
      name: survey.name,
      questionCount: survey.questionCount,
    };
  },
};

export const surveyFrameImport: ImportKind = {
  authorize: async (ctx, parameters) => {
    await requireFrameOpen(ctx, parametersOf(surveyOf, parameters).surveyId);
  },
  run: async (ctx, tables, progress, parameters) =>
    importFrame(ctx, parametersOf(surveyOf, parameters).surveyId, tables, progress),
  resume: resumeFrameImport,
};
