import type { WindowKind } from './windows.js';
import type { ParticipationStatus, PeriodStatus } from './workflow.js';

/**
 * What a unit's own page says about each step: whether the unit has already left it, and what
 * needs the unit now. A window that is open for others ("Đang mở") means nothing to a unit
 * that already submitted; what matters to it is the supplement asked of it, the explanation
 * round, and a deadline about to pass.
 */

/** A step the unit has left, in words, or undefined while the step still concerns it. */
export function leftStep(
  kind: WindowKind,
  status: ParticipationStatus,
  periodStatus: PeriodStatus,
): string | undefined {
  switch (kind) {
    case 'selfAssessment':
      return status === 'draft' ? undefined : 'Đơn vị đã gửi';
    case 'appraisal':
      return status === 'appraised' || status === 'finalised' ? 'Đã thẩm định' : undefined;
    case 'explanation':
      return status === 'finalised' ? 'Đã chốt kết quả thẩm định' : undefined;
    case 'council':
      return periodStatus === 'open' ? undefined : 'Hội đồng đã thông qua';
    case 'publication':
      return periodStatus === 'published' ? 'Đã công bố' : undefined;
  }
}

/** A window as the unit sees it: instants in epoch ms, its own extension if any. */
export interface UnitWindow {
  kind: WindowKind;
  opensAt: number | null;
  closesAt: number | null;
  extendedTo: number | null;
}

/** When a step is, for the unit: not yet open, open, or past (its close, extension included). */
export type StepTime =
  | { state: 'unset' }
  | { state: 'upcoming'; opensAt: number; closesAt: number }
  | { state: 'open'; opensAt: number; closesAt: number; soon: boolean }
  | { state: 'past'; opensAt: number; closesAt: number };

/** A deadline closer than this is "sắp hết hạn". */
export const SOON_MS = 3 * 24 * 60 * 60 * 1000;

export function stepTime(window: UnitWindow | undefined, now: number): StepTime {
  if (!window || window.opensAt === null || window.closesAt === null) return { state: 'unset' };
  const closesAt = Math.max(window.closesAt, window.extendedTo ?? 0);
  const span = { opensAt: window.opensAt, closesAt };
  if (now < window.opensAt) return { state: 'upcoming', ...span };
  if (now >= closesAt) return { state: 'past', ...span };
  return { state: 'open', ...span, soon: closesAt - now <= SOON_MS };
}

export interface UnitTaskInput {
  status: ParticipationStatus;
  periodStatus: PeriodStatus;
  windows: readonly UnitWindow[];
  /** Leaves the unit scores itself, and how many have points (survey-fed ones count as filled). */
  leaves: number;
  filled: number;
  /** Leaves that block the submission (points without evidence or explanation). */
  problems: number;
  /** Leaves the appraisers sent back, with their deadline (epoch ms) and what they ask. */
  supplements: readonly { code: string; deadline: number; note: string | null }[];
  /** Leaves whose appraised points differ from the unit's, and whether the unit answered. */
  disputed: readonly { code: string; answered: boolean }[];
}

export type UnitTask =
  | {
      kind: 'selfAssessment';
      time: Exclude<StepTime, { state: 'unset' }>;
      unfilled: number;
      problems: number;
    }
  | { kind: 'supplement'; code: string; deadline: number; note: string | null; soon: boolean }
  | {
      kind: 'explanation';
      time: StepTime;
      waiting: readonly string[];
      answered: number;
    };

/**
 * What needs the unit now, most pressing first: the self-assessment while it is a draft, each
 * supplement request still open, the explanation round once the first round is closed. Nothing
 * once the period is approved, or while the unit only waits for the appraisers.
 */
export function unitTasks(input: UnitTaskInput, now: number): UnitTask[] {
  if (input.periodStatus !== 'open') return [];
  const window = (kind: WindowKind) => input.windows.find((w) => w.kind === kind);
  const tasks: UnitTask[] = [];
  if (input.status === 'draft') {
    const time = stepTime(window('selfAssessment'), now);
    if (time.state !== 'unset') {
      tasks.push({
        kind: 'selfAssessment',
        time,
        unfilled: input.leaves - input.filled,
        problems: input.problems,
      });
    }
  }
  if (input.status === 'submitted') {
    for (const s of [...input.supplements].sort((a, b) => a.deadline - b.deadline)) {
      if (s.deadline <= now) continue;
      tasks.push({
        kind: 'supplement',
        code: s.code,
        deadline: s.deadline,
        note: s.note,
        soon: s.deadline - now <= SOON_MS,
      });
    }
  }
  if (input.status === 'appraised') {
    tasks.push({
      kind: 'explanation',
      time: stepTime(window('explanation'), now),
      waiting: input.disputed.filter((d) => !d.answered).map((d) => d.code),
      answered: input.disputed.filter((d) => d.answered).length,
    });
  }
  return tasks;
}
