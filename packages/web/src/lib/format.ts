import { Decimal } from '@chiso/core/decimal/decimal.js';
import { Ratio } from '@chiso/core/decimal/ratio.js';
import {
  formatCount,
  formatExact,
  formatNumber,
  formatPercent as corePercent,
  formatPoints as corePoints,
} from '@chiso/core/format/format.js';
import { formatVietnamTime } from '@chiso/core/time/vietnam-time.js';

/** Points from the API (a JSON number or a decimal string) as Vietnamese text: "78,42". */
export function points(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return corePoints(Decimal.of(value));
}

/** A stored decimal ("1.000000") as a user would type it in a field ("1", "0,25"); empty when absent. */
export function exactInput(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return formatExact(Decimal.of(value));
}

/** A file's size as people read it: "1,5 MB", "240 KB" (at least 1 KB). */
export function fileSize(bytes: number): string {
  if (bytes > 1024 * 1024) {
    const mb = Ratio.of(bytes, 1024 * 1024);
    return `${formatNumber(mb, { maxDecimals: 1, minDecimals: 1 })} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A percentage from the API, two decimals: "96,31%". */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return corePercent(Decimal.of(value));
}

/** A change in percentage points, signed: "+1,39", "-0,85". */
export function signedPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = corePoints(Decimal.of(value));
  return value > 0 ? `+${text}` : text;
}

/** An instant as "10/01/2023 24:00" in Vietnam time; `asEnd` shows midnight as 24:00 of the day before. */
export function dateTime(iso: string | null | undefined, asEnd = false): string {
  if (!iso) return '—';
  return formatVietnamTime(Date.parse(iso), asEnd);
}

/** A calendar date "2023-01-25" as "25/01/2023"; an instant as its date in Vietnam. */
export function date(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (iso.length > 10) return formatVietnamTime(Date.parse(iso)).slice(0, 10);
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** "còn 3 ngày 4 giờ", "đã hết hạn": how long until an instant. */
export function countdown(iso: string | null, now: number): string {
  if (!iso) return '';
  const left = Date.parse(iso) - now;
  if (left <= 0) return 'đã hết hạn';
  const minutes = Math.floor(left / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `còn ${days} ngày ${hours} giờ`;
  if (hours > 0) return `còn ${hours} giờ ${minutes % 60} phút`;
  return `còn ${minutes} phút`;
}

/** A rank change as reports write it. */
export function rankChange(change: number | null | undefined): string {
  if (change === null || change === undefined) return '';
  if (change > 0) return `tăng ${change} bậc`;
  if (change < 0) return `giảm ${-change} bậc`;
  return 'giữ nguyên';
}

/** A chart axis tick in percent, as few decimals as it needs: "80%", "97,5%". */
export function percentTick(value: number): string {
  return `${formatNumber(Decimal.of(value), { maxDecimals: 1, minDecimals: 0 })}%`;
}

/** A whole count with the thousands dot: "1.240". */
export function count(value: number): string {
  return formatCount(value);
}

/** A statistic as reports write it, "574/596 (96,31%)"; the % left out when the whole is 0. */
export function ratio(numerator: number, denominator: number): string {
  const fraction = `${formatCount(numerator)}/${formatCount(denominator)}`;
  if (denominator === 0) return fraction;
  return `${fraction} (${corePercent(Ratio.of(BigInt(numerator) * 100n, BigInt(denominator)))})`;
}
