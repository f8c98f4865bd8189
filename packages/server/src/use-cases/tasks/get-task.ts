import type { UseCaseContext } from '../../context.js';
import { presentTaskHistory } from '../../audit/present-task-history.js';
import { listOffices } from '../../repositories/offices.js';
import { listReports, listTaskAudit, listTaskEvidence } from '../../repositories/tasks.js';
import { presentEvidence } from '../assessment/evidence.js';
import { presentTask } from './present-task.js';
import { mayEdit, mayReport, requireTask } from './task-access.js';
import { loadNames } from './task-input.js';

/** A task with its reports (newest first), their files, files waiting for a report, history. */
export async function getTask(ctx: UseCaseContext, key: { unitId: string; taskId: string }) {
  const { db } = ctx.deps;
  const { actor, row } = await requireTask(ctx, db, key, 'read');
  const [names, reports, files, audit, offices] = await Promise.all([
    loadNames(db, [row.unitId], [row.id]),
    listReports(db, row.id),
    listTaskEvidence(db, row.id),
    listTaskAudit(db, row.id),
    listOffices(db, row.unitId),
  ]);
  const officeName = new Map(offices.map((o) => [o.id, o.name]));
  const filesOf = new Map<string, typeof files>();
  for (const f of files) {
    if (f.reportId === null) continue;
    const list = filesOf.get(f.reportId);
    if (list === undefined) filesOf.set(f.reportId, [f]);
    else list.push(f);
  }
  return {
    task: presentTask(row, names, ctx.now),
    reports: reports.map((report) => ({
      id: report.id,
      text: report.text,
      percent: report.percent,
      author: report.authorName,
      office:
        report.officeId === null
          ? null
          : { id: report.officeId, name: officeName.get(report.officeId) ?? '' },
      at: report.at,
      evidence: (filesOf.get(report.id) ?? []).map((f) => presentEvidence(f.file)),
    })),
    pendingEvidence: files.filter((f) => f.reportId === null).map((f) => presentEvidence(f.file)),
    history: presentTaskHistory(audit, actor.role === 'administrator'),
    canEdit: mayEdit(actor, row),
    canReport: mayReport(actor, row),
  };
}
