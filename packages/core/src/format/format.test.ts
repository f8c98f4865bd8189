import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { Ratio } from '../decimal/ratio.js';
import {
  formatDocumentCount,
  formatDocumentDate,
  formatCount,
  formatRank,
  formatDate,
  formatNodeDifference,
  formatNodePoints,
  formatPercent,
  formatPoints,
  formatPointsFixed,
  formatSignedPoints,
  formatThreshold,
} from './format.js';

describe('Vietnamese display formatting', () => {
  it('shows points with a decimal comma, at most two decimals', () => {
    expect(formatPoints(Decimal.of('78.422'))).toBe('78,42');
    expect(formatPoints(Decimal.of('13.5'))).toBe('13,5');
    expect(formatPoints(Decimal.of('1'))).toBe('1');
    expect(formatPoints(Decimal.of('84.965'))).toBe('84,97');
  });

  it('pads table columns to two decimals', () => {
    expect(formatPointsFixed(Decimal.of('13.5'))).toBe('13,50');
  });

  it('shows percentages to two decimals', () => {
    expect(formatPercent(Ratio.of(57400, 596))).toBe('96,31%');
    expect(formatPercent(Ratio.of(3700, 301))).toBe('12,29%');
    expect(formatPercent(Ratio.of(700, 301))).toBe('2,33%');
  });

  it('groups thousands with a dot', () => {
    expect(formatCount(22855)).toBe('22.855');
    expect(formatRank(1, 4000)).toBe('1/4.000');
    expect(formatRank(1234, 8000)).toBe('1.234/8.000');
    expect(formatPoints(Decimal.of('1234567.891'))).toBe('1.234.567,89');
  });

  it('writes thresholds as documents do', () => {
    expect(formatThreshold(Decimal.of('100'))).toBe('100%');
    expect(formatThreshold(Decimal.of('72.5'))).toBe('72,5%');
  });

  it('signs changes', () => {
    expect(formatSignedPoints(Decimal.of('1.39'))).toBe('+1,39');
    expect(formatSignedPoints(Decimal.of('-0.85'))).toBe('-0,85');
    expect(formatSignedPoints(Decimal.ZERO)).toBe('0');
  });

  it('writes dates dd/mm/yyyy', () => {
    expect(formatDate('2023-01-10')).toBe('10/01/2023');
  });
});

describe('formatDocumentDate', () => {
  it('writes the date line of Nghị định 30/2020, with the zeros it asks for', () => {
    expect(formatDocumentDate('2026-03-15')).toBe('ngày 15 tháng 3 năm 2026');
    expect(formatDocumentDate('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026');
    expect(formatDocumentDate('2025-11-09')).toBe('ngày 09 tháng 11 năm 2025');
  });
});

describe('formatDocumentCount', () => {
  it('writes counts with a leading zero below ten and dots between thousands (seed 001)', () => {
    expect(formatDocumentCount(3)).toBe('03');
    expect(formatDocumentCount(0)).toBe('00');
    expect(formatDocumentCount(18)).toBe('18');
    expect(formatDocumentCount(760)).toBe('760');
    expect(formatDocumentCount(2476)).toBe('2.476');
    expect(formatDocumentCount(1620)).toBe('1.620');
  });
});

describe('points in a table of nodes (decision 0021)', () => {
  it('keeps a leaf exact and rounds a sum as the text does', () => {
    expect(formatNodePoints(Decimal.of('0.125'), true)).toBe('0,125');
    expect(formatNodePoints(Decimal.of('85.609'), false)).toBe('85,61');
    expect(formatNodePoints(Decimal.of('14.5'), false)).toBe('14,5');
  });

  it('takes a sum’s difference from the values as shown, so that the row adds up', () => {
    // Exact: 85,605 − 90,904 = −5,299 (−5,3 rounded); shown: 85,61 − 90,9 = −5,29.
    expect(formatNodeDifference(Decimal.of('85.605'), Decimal.of('90.904'), false)).toBe('-5,29');
    expect(formatNodeDifference(Decimal.of('0.125'), Decimal.of('0'), true)).toBe('+0,125');
    expect(formatNodeDifference(Decimal.of('3'), Decimal.of('3'), false)).toBe('0');
  });
});
