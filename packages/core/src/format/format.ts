import { Decimal } from '../decimal/decimal.js';
import type { Ratio } from '../decimal/ratio.js';

/**
 * Display formatting, Vietnamese style: decimal comma, dot between thousands, dates
 * dd/mm/yyyy. This module is the only place where a value is rounded for people to read;
 * stored and computed values stay exact.
 */

export interface NumberFormat {
  /** Digits after the comma at most (rounded half away from zero). */
  maxDecimals: number;
  /** Digits after the comma at least (padded with zeros). */
  minDecimals: number;
}

/** Digits used when showing points and percentages, as official tables do. */
export const DISPLAY_DECIMALS = 2;

export function formatNumber(value: Decimal | Ratio, format: NumberFormat): string {
  const rounded = (value instanceof Decimal ? value.toRatio() : value).round(format.maxDecimals);
  const [whole = '0', fraction = ''] = rounded.toString().split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const shown = fraction.padEnd(format.minDecimals, '0');
  return `${negative ? '-' : ''}${grouped}${shown ? `,${shown}` : ''}`;
}

/** Points as in reports: "78,42", "13,5", "1". */
export function formatPoints(value: Decimal | Ratio): string {
  return formatNumber(value, { maxDecimals: DISPLAY_DECIMALS, minDecimals: 0 });
}

/** Points in a table column, always two decimals: "13,50". */
export function formatPointsFixed(value: Decimal | Ratio): string {
  return formatNumber(value, { maxDecimals: DISPLAY_DECIMALS, minDecimals: DISPLAY_DECIMALS });
}

/** A decimal exactly as it is, with a decimal comma: "1,636", "0,95", "2". No rounding. */
export function formatExact(value: Decimal): string {
  return formatNumber(value, { maxDecimals: Decimal.SCALE, minDecimals: 0 });
}

/** A computed percentage, always two decimals: "96,31%". */
export function formatPercent(value: Decimal | Ratio): string {
  return `${formatNumber(value, { maxDecimals: DISPLAY_DECIMALS, minDecimals: DISPLAY_DECIMALS })}%`;
}

/** A threshold written in a rule, as the document writes it: "100%", "72,5%". */
export function formatThreshold(value: Decimal): string {
  return `${formatNumber(value, { maxDecimals: Decimal.SCALE, minDecimals: 0 })}%`;
}

/** A whole count: "22.855". */
export function formatCount(value: number | bigint): string {
  return formatNumber(Decimal.fromInt(value), { maxDecimals: 0, minDecimals: 0 });
}

/** A rank among its peers: "12/4.000", both counts with the thousands separator. */
export function formatRank(rank: number, groupSize: number): string {
  return `${formatCount(rank)}/${formatCount(groupSize)}`;
}

/**
 * Points as an official letter writes them: whole numbers below ten with a leading zero ("01
 * điểm", "03 điểm"), others as usual ("0,5", "2,75", "10", "10,95").
 */
export function formatDocumentPoints(value: Decimal | Ratio): string {
  const text = formatPoints(value);
  return /^\d$/.test(text) ? `0${text}` : text;
}

/** A signed change with its sign always shown: "+1,39", "-0,85", "0". */
export function formatSignedPoints(value: Decimal | Ratio): string {
  const text = formatPoints(value);
  return text.startsWith('-') || text === '0' ? text : `+${text}`;
}

/** An ISO date "2023-01-10" shown as "10/01/2023". */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/**
 * A count as official documents write it, two digits at least and a dot between thousands:
 * "08", "01", "17", "234", "2.476" ("17 nội dung công việc quá hạn (Phòng Tài chính - Kế
 * hoạch: 08; …)", seed 000; "Tổng số Phiếu điều tra là 2.476 Phiếu", seed 001).
 */
export function formatDocumentCount(value: number): string {
  return value >= 0 && value < 10 ? `0${value}` : formatCount(value);
}

/**
 * An ISO date "2026-03-15" as an official document's date line writes it (Nghị định
 * 30/2020): "ngày 15 tháng 3 năm 2026"; days below 10 and the months 1 and 2 take a leading
 * zero ("ngày 05 tháng 02 năm 2026").
 */
export function formatDocumentDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month = '', day = ''] = match;
  const monthNumber = Number(month);
  const monthText = monthNumber <= 2 ? month : String(monthNumber);
  return `ngày ${day} tháng ${monthText} năm ${year}`;
}

/**
 * Points in a table of framework nodes (the results report's appendix, the appraisal record,
 * its workbook): a leaf's points and maximum exactly as entered or evaluated ("0,125",
 * "45,41"), because a leaf is what people check against the evidence; a sum (an area, a
 * criterion, the total) rounded as the report's text writes it ("85,61", not "85,609"), so
 * that the table and the sentences above it show the same number (decision 0021).
 */
export function formatNodePoints(value: Decimal, leaf: boolean): string {
  return leaf ? formatExact(value) : formatPoints(value);
}

/**
 * The difference of a table row (final − self-assessed), signed: a leaf's exact; a sum's the
 * difference of the two values as shown, so that the row adds up to the reader's eye
 * ("85,61 | 90,91 | -5,3" even where the exact difference rounds to -5,29).
 */
export function formatNodeDifference(final: Decimal, self: Decimal, leaf: boolean): string {
  const difference = leaf
    ? final.minus(self)
    : shownPoints(final, leaf).minus(shownPoints(self, leaf));
  const text = formatExact(difference);
  return difference.gt(Decimal.ZERO) ? `+${text}` : text;
}

/** A node's points as its table shows them, as a value (for a workbook's cell). */
export function shownPoints(value: Decimal, leaf: boolean): Decimal {
  return leaf ? value : value.toRatio().round(DISPLAY_DECIMALS);
}
