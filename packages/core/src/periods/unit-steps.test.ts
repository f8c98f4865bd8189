import { describe, expect, it } from 'vitest';
import { parseVietnamTime } from '../time/vietnam-time.js';
import {
  leftStep,
  stepTime,
  unitTasks,
  type UnitTaskInput,
  type UnitWindow,
} from './unit-steps.js';
import { WINDOW_KINDS } from './windows.js';

const at = (text: string) => parseVietnamTime(text)!;
/** Hải Dương 2022's calendar (seed 001) with the later steps. */
const WINDOWS: UnitWindow[] = [
  { kind: 'selfAssessment', opensAt: at('25/12/2022 00:00'), closesAt: at('10/01/2023 24:00') },
  { kind: 'appraisal', opensAt: at('11/01/2023 00:00'), closesAt: at('16/01/2023 24:00') },
  { kind: 'explanation', opensAt: at('17/01/2023 00:00'), closesAt: at('20/01/2023 24:00') },
  { kind: 'council', opensAt: at('21/01/2023 00:00'), closesAt: at('31/01/2023 24:00') },
  { kind: 'publication', opensAt: at('01/02/2023 00:00'), closesAt: at('31/12/2023 24:00') },
].map((w) => ({ ...w, extendedTo: null }) as UnitWindow);

const base: UnitTaskInput = {
  status: 'draft',
  periodStatus: 'open',
  windows: WINDOWS,
  leaves: 8,
  filled: 5,
  problems: 1,
  supplements: [],
  disputed: [],
};

describe('the steps a unit has left', () => {
  it('never calls the self-assessment open for a unit that submitted', () => {
    expect(leftStep('selfAssessment', 'draft', 'open')).toBeUndefined();
    for (const status of ['submitted', 'appraised', 'finalised'] as const)
      expect(leftStep('selfAssessment', status, 'open')).toBe('Đơn vị đã gửi');
  });

  it('follows the unit through appraisal and explanation, and the period after', () => {
    expect(WINDOW_KINDS.map((kind) => leftStep(kind, 'submitted', 'open'))).toEqual([
      'Đơn vị đã gửi',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(WINDOW_KINDS.map((kind) => leftStep(kind, 'finalised', 'approved'))).toEqual([
      'Đơn vị đã gửi',
      'Đã thẩm định',
      'Đã chốt kết quả thẩm định',
      'Hội đồng đã thông qua',
      undefined,
    ]);
    expect(leftStep('publication', 'finalised', 'published')).toBe('Đã công bố');
  });
});

describe('when a step is for the unit', () => {
  const self = WINDOWS[0]!;
  it('is soon in its last three days, and an extension moves its close', () => {
    expect(stepTime(self, at('07/01/2023 23:59'))).toMatchObject({ state: 'open', soon: false });
    expect(stepTime(self, at('08/01/2023 00:00'))).toMatchObject({ state: 'open', soon: true });
    expect(stepTime(self, at('11/01/2023 00:00'))).toMatchObject({ state: 'past' });
    const extended = { ...self, extendedTo: at('20/01/2023 17:00') };
    expect(stepTime(extended, at('11/01/2023 00:00'))).toEqual({
      state: 'open',
      opensAt: self.opensAt,
      closesAt: at('20/01/2023 17:00'),
      soon: false,
    });
  });

  it('is upcoming before it opens, unset without a window', () => {
    expect(stepTime(self, at('24/12/2022 23:59'))).toMatchObject({ state: 'upcoming' });
    expect(stepTime(undefined, 0)).toEqual({ state: 'unset' });
    expect(stepTime({ ...self, opensAt: null }, 0)).toEqual({ state: 'unset' });
  });
});

describe('what needs the unit now', () => {
  it('asks a draft unit to finish and submit, saying what is missing', () => {
    expect(unitTasks(base, at('09/01/2023 10:00'))).toEqual([
      {
        kind: 'selfAssessment',
        time: {
          state: 'open',
          opensAt: at('25/12/2022 00:00'),
          closesAt: at('10/01/2023 24:00'),
          soon: true,
        },
        unfilled: 3,
        problems: 1,
      },
    ]);
    // Past its close, the task stays, so the unit learns that it missed the deadline.
    expect(unitTasks(base, at('12/01/2023 10:00'))[0]).toMatchObject({ time: { state: 'past' } });
  });

  it('lists the open supplement requests of a submitted unit, nearest deadline first', () => {
    const tasks = unitTasks(
      {
        ...base,
        status: 'submitted',
        supplements: [
          { code: '3.1', deadline: at('20/01/2023 17:00'), note: null },
          { code: '1.2', deadline: at('13/01/2023 17:00'), note: 'Bổ sung báo cáo quý IV' },
          { code: '1.3', deadline: at('11/01/2023 17:00'), note: 'đã quá hạn' },
        ],
      },
      at('12/01/2023 09:00'),
    );
    expect(tasks).toEqual([
      {
        kind: 'supplement',
        code: '1.2',
        deadline: at('13/01/2023 17:00'),
        note: 'Bổ sung báo cáo quý IV',
        soon: true,
      },
      {
        kind: 'supplement',
        code: '3.1',
        deadline: at('20/01/2023 17:00'),
        note: null,
        soon: false,
      },
    ]);
    // Waiting for the appraisers, with nothing sent back, the unit has nothing to do.
    expect(unitTasks({ ...base, status: 'submitted' }, at('12/01/2023 09:00'))).toEqual([]);
  });

  it('opens the explanation round with the disputed leaves still waiting for an answer', () => {
    const input: UnitTaskInput = {
      ...base,
      status: 'appraised',
      disputed: [
        { code: '1.2', answered: true },
        { code: '3.1', answered: false },
      ],
    };
    expect(unitTasks(input, at('16/01/2023 10:00'))).toEqual([
      {
        kind: 'explanation',
        time: {
          state: 'upcoming',
          opensAt: at('17/01/2023 00:00'),
          closesAt: at('20/01/2023 24:00'),
        },
        waiting: ['3.1'],
        answered: 1,
      },
    ]);
    expect(unitTasks(input, at('19/01/2023 10:00'))[0]).toMatchObject({
      time: { state: 'open', soon: true },
    });
  });

  it('has nothing for a finalised unit or once the council has approved', () => {
    expect(unitTasks({ ...base, status: 'finalised' }, at('25/01/2023 10:00'))).toEqual([]);
    expect(unitTasks({ ...base, periodStatus: 'approved' }, at('09/01/2023 10:00'))).toEqual([]);
  });
});
