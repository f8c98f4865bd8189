import type { WindowKind } from '@chiso/core/periods/windows.js';
import { leftStep, unitTasks, type UnitTask } from '@chiso/core/periods/unit-steps.js';
import { WINDOW_KINDS } from '@chiso/core/periods/windows.js';
import type { Assessment } from '../api/types';
import { date } from '../lib/format';

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/** The steps a unit has left, each with its day where the assessment records it. */
export function leftSteps(a: Assessment): Partial<Record<WindowKind, string>> {
  const day: Partial<Record<WindowKind, string | null>> = {
    selfAssessment: a.participation.submittedAt,
    appraisal: a.participation.appraisedAt,
    explanation: a.participation.finalisedAt,
  };
  const notes: Partial<Record<WindowKind, string>> = {};
  for (const kind of WINDOW_KINDS) {
    const note = leftStep(kind, a.participation.status, a.period.status);
    const when = day[kind];
    if (note !== undefined) notes[kind] = when ? `${note} ngày ${date(when)}` : note;
  }
  return notes;
}

/** What needs the unit now (the core decides), from its assessment as the server sent it. */
export function tasksOf(a: Assessment, now: number): UnitTask[] {
  const surveyFed = new Set(
    a.entries.filter((e) => e.surveyFed || e.lowerUnitsFeed !== undefined).map((e) => e.code),
  );
  return unitTasks(
    {
      status: a.participation.status,
      periodStatus: a.period.status,
      windows: a.windows.map((w) => ({
        kind: w.kind,
        opensAt: ms(w.opensAt),
        closesAt: ms(w.closesAt),
        extendedTo: ms(w.extendedTo),
      })),
      leaves: a.progress.reduce((n, p) => n + p.leaves, 0),
      filled: a.progress.reduce((n, p) => n + p.filled, 0),
      problems: a.submissionProblems.length,
      supplements: a.entries.flatMap((e) =>
        e.appraisal?.supplementDeadline
          ? [
              {
                code: e.code,
                deadline: Date.parse(e.appraisal.supplementDeadline),
                note: e.appraisal.supplementNote,
              },
            ]
          : [],
      ),
      disputed: a.entries
        .filter((e) => e.appraisal?.disputed === true && !surveyFed.has(e.code))
        .map((e) => ({ code: e.code, answered: (e.response ?? '').trim() !== '' })),
    },
    now,
  );
}
