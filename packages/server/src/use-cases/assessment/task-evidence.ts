import { formatDocumentRef, TASK_STATUS_LABELS, taskStatus, type Framework } from '@chiso/core';
import type { Db } from '../../db/database.js';
import {
  listOfferedTaskEvidence,
  type OfferedRow,
} from '../../repositories/task-evidence-offers.js';
import { timingOf } from '../tasks/present-task.js';
import { presentEvidence } from './present-evidence.js';

/**
 * Which tasks' files a period's self-assessment is offered (decision 0020): tasks due in the
 * period's year — a plan made from last year's result is carried out this year — or in the
 * year before, finished by then or later (a task due last December, done in January, proves
 * this year's work too).
 */
export function offerWindow(year: number) {
  return { from: `${year - 1}-01-01`, to: `${year}-12-31` };
}

function presentTask(task: OfferedRow['task'], at: Date) {
  const status = taskStatus(timingOf(task), at.getTime());
  return {
    id: task.id,
    title: task.title,
    documentText:
      task.documentNumber === null
        ? null
        : formatDocumentRef({ number: task.documentNumber, date: task.documentDate }),
    completedAt: task.completedAt!,
    statusLabel: TASK_STATUS_LABELS[status],
  };
}

export interface OfferedEvidence {
  evidence: ReturnType<typeof presentEvidence>;
  attached: boolean;
  tasks: ReturnType<typeof presentTask>[];
}

/**
 * Per leaf code of the period's framework, the files of the unit's finished tasks serving it,
 * each once with the tasks that hold it, marked when already linked to the leaf. One query
 * for the whole page, grouped by code in one pass; a code the framework lacks is not offered.
 */
export async function offeredTaskEvidence(
  db: Db,
  framework: Framework,
  unitId: string,
  year: number,
  at: Date,
  linked: ReadonlyMap<string, readonly { evidenceId: string }[]>,
): Promise<Map<string, OfferedEvidence[]>> {
  const rows = await listOfferedTaskEvidence(db, { unitId, ...offerWindow(year), at });
  const leaves = new Set(framework.leaves.map((leaf) => leaf.code));
  const byCode = new Map<string, Map<string, OfferedEvidence>>();
  for (const row of rows) {
    const task = presentTask(row.task, at);
    for (const code of new Set(row.task.codes as string[])) {
      if (!leaves.has(code)) continue;
      let files = byCode.get(code);
      if (!files) byCode.set(code, (files = new Map<string, OfferedEvidence>()));
      const offer = files.get(row.file.id);
      if (offer) offer.tasks.push(task);
      else
        files.set(row.file.id, {
          evidence: presentEvidence(row.file),
          attached: linked.get(code)?.some((l) => l.evidenceId === row.file.id) ?? false,
          tasks: [task],
        });
    }
  }
  return new Map([...byCode].map(([code, files]) => [code, [...files.values()]]));
}

/** The task that offers this file to this leaf now, if any: what linking a task's file needs. */
export async function offeringTask(
  db: Db,
  query: { unitId: string; year: number; code: string; evidenceId: string; at: Date },
) {
  const [row] = await listOfferedTaskEvidence(db, {
    unitId: query.unitId,
    ...offerWindow(query.year),
    at: query.at,
    code: query.code,
    evidenceId: query.evidenceId,
  });
  return row?.task;
}
