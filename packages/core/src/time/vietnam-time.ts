/**
 * Vietnam time (Asia/Ho_Chi_Minh) is UTC+7 all year, with no daylight saving, so converting is
 * arithmetic and stays pure. Instants are epoch milliseconds passed in by the caller.
 */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day count since 1970-01-01. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const LOCAL = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const VIETNAMESE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2})[:h](\d{2}))?$/;
const WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

function instant(fields: number[], offsetMs: number): number | undefined {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, ms = 0] = fields;
  if (month < 1 || month > 12 || day < 1) return undefined;
  // 31/02 would roll into March: refuse dates that do not exist.
  if (civilFromDays(daysFromCivil(year, month, day)).month !== month) return undefined;
  if (minute > 59 || second > 59 || hour > 24 || (hour === 24 && (minute > 0 || second > 0))) {
    return undefined;
  }
  return (
    daysFromCivil(year, month, day) * DAY_MS +
    ((hour * 60 + minute) * 60 + second) * 1000 +
    ms -
    offsetMs
  );
}

/**
 * Epoch milliseconds of a time written in Vietnam: "2023-01-10 24:00", "2023-01-10T17:30",
 * "10/01/2023 24:00", or "2023-01-10" (the start of that day). "24:00" is the end of the day,
 * as official plans write deadlines. ISO text with Z or an offset is taken as written.
 */
export function parseVietnamTime(text: string): number | undefined {
  const value = text.trim();
  let match = WITH_OFFSET.exec(value);
  if (match) {
    const fields = match.slice(1, 7).map((p) => Number(p ?? 0));
    fields.push(Number((match[7] ?? '0').padEnd(3, '0')));
    const sign = match[9] === '-' ? -1 : 1;
    const offset =
      match[8] === 'Z' ? 0 : sign * (Number(match[10]) * 60 + Number(match[11])) * 60_000;
    return instant(fields, offset);
  }
  match = LOCAL.exec(value);
  if (match)
    return instant(
      match.slice(1).map((p) => Number(p ?? 0)),
      VIETNAM_OFFSET_MS,
    );
  match = VIETNAMESE.exec(value);
  if (match) {
    const [, d, m, y, h, min] = match;
    return instant(
      [Number(y), Number(m), Number(d), Number(h ?? 0), Number(min ?? 0)],
      VIETNAM_OFFSET_MS,
    );
  }
  return undefined;
}

/**
 * "10/01/2023 17:30" for an instant, in Vietnam time. As the end of something (`asEnd`), an
 * instant at midnight is shown as 24:00 of the day before: that is how plans write deadlines.
 */
export function formatVietnamTime(epochMs: number, asEnd = false): string {
  const local = epochMs + VIETNAM_OFFSET_MS;
  let days = Math.floor(local / DAY_MS);
  let minutes = Math.floor((local - days * DAY_MS) / 60_000);
  if (asEnd && minutes === 0) {
    days -= 1;
    minutes = 24 * 60;
  }
  const { year, month, day } = civilFromDays(days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(day)}/${pad(month)}/${year} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The calendar date (ISO) in Vietnam of an instant. */
export function vietnamDate(epochMs: number): string {
  const { year, month, day } = civilFromDays(Math.floor((epochMs + VIETNAM_OFFSET_MS) / DAY_MS));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
