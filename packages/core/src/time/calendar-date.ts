/**
 * A calendar date written "25/01/2023" (as Vietnamese documents write it) or "2023-01-25",
 * as ISO "2023-01-25"; undefined when it is not a real date (31/02, 13/01). Free of zod so the
 * web app's light pages can use it.
 */
export function parseDate(value: string): string | undefined {
  const text = value.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  let parts: [number, number, number] | undefined;
  if (match) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (match) parts = [Number(match[3]), Number(match[2]), Number(match[1])];
  if (!parts) return undefined;
  const [year, month, day] = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
