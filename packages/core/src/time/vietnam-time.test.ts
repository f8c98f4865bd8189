import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  daysFromCivil,
  formatVietnamTime,
  parseVietnamTime,
  vietnamDate,
} from './vietnam-time.js';

const utc = (iso: string) => Date.parse(iso);

describe('Vietnam time', () => {
  it('reads "24:00 on 10/01" as the end of that day, UTC+7', () => {
    expect(parseVietnamTime('10/01/2023 24:00')).toBe(utc('2023-01-10T17:00:00Z'));
    expect(parseVietnamTime('2023-01-10 24:00')).toBe(utc('2023-01-10T17:00:00Z'));
    expect(parseVietnamTime('2022-12-25')).toBe(utc('2022-12-24T17:00:00Z'));
    expect(parseVietnamTime('2023-01-11T07:30')).toBe(utc('2023-01-11T00:30:00Z'));
  });

  it('takes explicit offsets as written', () => {
    expect(parseVietnamTime('2023-01-10T17:00:00Z')).toBe(utc('2023-01-10T17:00:00Z'));
    expect(parseVietnamTime('2023-01-11T00:00:00.5+07:00')).toBe(utc('2023-01-10T17:00:00.500Z'));
  });

  it('refuses dates that do not exist', () => {
    expect(parseVietnamTime('31/02/2023')).toBeUndefined();
    expect(parseVietnamTime('2023-01-10 24:01')).toBeUndefined();
    expect(parseVietnamTime('hôm qua')).toBeUndefined();
  });

  it('writes a window end as plans do', () => {
    expect(formatVietnamTime(utc('2023-01-10T17:00:00Z'), true)).toBe('10/01/2023 24:00');
    expect(formatVietnamTime(utc('2023-01-10T17:00:00Z'))).toBe('11/01/2023 00:00');
    expect(formatVietnamTime(utc('2023-01-11T00:30:00Z'))).toBe('11/01/2023 07:30');
    expect(vietnamDate(utc('2023-01-10T17:00:00Z'))).toBe('2023-01-11');
  });

  it('converts civil dates both ways', () => {
    for (const days of [-1, 0, 19_000, 20_000, 60_000]) {
      const { year, month, day } = civilFromDays(days);
      expect(daysFromCivil(year, month, day)).toBe(days);
    }
    expect(daysFromCivil(2024, 2, 29) - daysFromCivil(2024, 2, 28)).toBe(1);
  });
});
