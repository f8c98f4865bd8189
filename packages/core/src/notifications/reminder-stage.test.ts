import { describe, expect, it } from 'vitest';
import { parseVietnamTime } from '../time/vietnam-time.js';
import { dueReminderStage } from './reminder-stage.js';

const at = (text: string) => parseVietnamTime(text) ?? Number.NaN;
// A window that closes "24:00 on 10/01/2023", Vietnam time.
const closes = at('10/01/2023 24:00');
const stage = (text: string) => dueReminderStage(closes, at(text), [3, 1]);

describe('the reminder due before a close, in Vietnam time', () => {
  it('is nothing before 00:00 on 08/01, three days before', () => {
    expect(stage('07/01/2023 23:59')).toBeUndefined();
  });

  it('is the 3-day reminder from 00:00 on 08/01 until the last day begins', () => {
    expect(stage('08/01/2023 00:00')).toBe(3);
    expect(stage('09/01/2023 23:59')).toBe(3);
  });

  it('is the 1-day reminder from 00:00 on 10/01 until the close', () => {
    expect(stage('10/01/2023 00:00')).toBe(1);
    expect(stage('10/01/2023 23:59')).toBe(1);
  });

  it('is nothing once the window has closed at 24:00 on 10/01', () => {
    expect(stage('11/01/2023 00:00')).toBeUndefined();
  });

  it('reads stages in any order', () => {
    expect(dueReminderStage(closes, at('10/01/2023 08:00'), [1, 3])).toBe(1);
  });
});
