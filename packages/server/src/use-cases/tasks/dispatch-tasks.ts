import type { UseCaseContext } from '../../context.js';
import { authorize } from '../authorize.js';
import { saveDispatch, type DispatchedTask } from './save-dispatch.js';

export interface DispatchInput {
  authority: string;
  documentNumber?: string | null | undefined;
  documentDate?: string | null | undefined;
  tasks: {
    title: string;
    description?: string | null | undefined;
    target?: string | null | undefined;
    deadline: string;
    codes: string[];
    assignments: {
      unitId: string;
      leadOfficeId?: string | null | undefined;
      supportingOfficeIds: string[];
    }[];
  }[];
}

/** A higher authority gives several units several tasks at once (administrator). */
export async function dispatchTasks(ctx: UseCaseContext, input: DispatchInput) {
  authorize(ctx, 'dispatchTasks');
  const items: DispatchedTask[] = input.tasks.flatMap((task, t) =>
    task.assignments.map((assignment, a) => ({
      row: null,
      path: `tasks.${t}.assignments.${a}`,
      unitId: assignment.unitId,
      title: task.title,
      description: task.description,
      target: task.target,
      deadline: task.deadline,
      codes: task.codes,
      leadOfficeId: assignment.leadOfficeId ?? null,
      supportingOfficeIds: assignment.supportingOfficeIds,
    })),
  );
  return ctx.deps.db.transaction((tx) =>
    saveDispatch(
      ctx,
      tx,
      {
        authority: input.authority,
        documentNumber: input.documentNumber?.trim() || null,
        documentDate: input.documentDate ?? null,
      },
      items,
      false,
    ),
  );
}
