import type { Table } from '@chiso/core';
import type { UseCaseContext } from '../../context.js';
import { importUnits } from '../units/import-units.js';
import { resumeUnitsImport } from '../units/resume-units-import.js';
import { importUsers } from '../users/import-users.js';
import {
  authorizeResponseImport,
  importResponsesFile,
} from '../survey-responses/import-responses.js';
import { authorize } from '../authorize.js';
import { authorizeIn } from '../reach.js';
import type { ImportProgress } from './import-progress.js';
import { OPERATION_IMPORT_KINDS } from './operation-import-kinds.js';
import {
  frameworkImport,
  frameworkPreviewImport,
  surveyFrameImport,
  surveyImport,
} from './setup-import-kinds.js';

/**
 * An import that runs as a background job (decision 0034): who may ask for it (checked in the
 * request, before the file is queued, and again by the use-case when the job runs as the
 * requester), and the use-case that reads the tables, checks them and saves all or nothing.
 */
/** What the request named besides the file (a period's or survey's id…), kept on the job's row. */
export type ImportParameters = Readonly<Record<string, unknown>>;

interface ImportKindBase {
  authorize: (ctx: UseCaseContext, parameters: ImportParameters) => Promise<void>;
  /**
   * Whether this request only reads the file and shows it, saving nothing: audited as a
   * preview, not as an import (decision 0056). Absent: every request of the kind imports.
   */
  previews?: (parameters: ImportParameters) => boolean;
  /**
   * The answer as it is kept once its requester has read it: first passwords are shown once,
   * then dropped from the row.
   */
  afterShown?: (result: Record<string, unknown>) => Record<string, unknown>;
  /**
   * Completes an import decided before its process stopped: applies what is left staged and
   * answers the whole import's result (decision 0045). Only kinds that stage have one.
   */
  resume?: (
    ctx: UseCaseContext,
    job: { id: string; committedAt: Date; totalRows: number },
    progress: ImportProgress,
  ) => Promise<Record<string, unknown>>;
}

/** A kind saves either the file's tables (parsed, the cell rules met) or the file itself. */
export type ImportKind = ImportKindBase &
  (
    | {
        /** The tables of the file (parsed, the cell rules met), checked and saved. */
        run: (
          ctx: UseCaseContext,
          tables: Table[],
          progress: ImportProgress,
          parameters: ImportParameters,
        ) => Promise<Record<string, unknown>>;
        runFile?: never;
      }
    | {
        /** The file itself, for an import that streams it (a large delivery, decision 0055). */
        runFile: (
          ctx: UseCaseContext,
          file: { pieces: AsyncIterable<Buffer>; fileName: string },
          progress: ImportProgress,
          parameters: ImportParameters,
        ) => Promise<Record<string, unknown>>;
        run?: never;
      }
  );

export const IMPORT_KINDS = {
  units: {
    authorize: async (ctx) => {
      authorize(ctx, 'administer');
    },
    run: importUnits,
    resume: resumeUnitsImport,
  },
  users: {
    authorize: async (ctx) => {
      await authorizeIn(ctx, 'administer', 'ownSecretariat');
    },
    run: importUsers,
    afterShown: (result) => ({
      created: ((result.created ?? []) as Record<string, unknown>[]).map(
        ({ initialPassword: _shown, ...user }) => user,
      ),
      passwordsShown: true,
    }),
  },
  ...OPERATION_IMPORT_KINDS,
  responses: {
    authorize: authorizeResponseImport,
    runFile: importResponsesFile,
  },
  framework: frameworkImport,
  frameworkPreview: frameworkPreviewImport,
  survey: surveyImport,
  surveyFrame: surveyFrameImport,
} satisfies Record<string, ImportKind>;

export type ImportKindName = keyof typeof IMPORT_KINDS;

export function importKind(name: string): ImportKind | undefined {
  return Object.hasOwn(IMPORT_KINDS, name)
    ? (IMPORT_KINDS as Record<string, ImportKind>)[name]
    : undefined;
}
