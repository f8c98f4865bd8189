import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.js';
import { Ratio } from './ratio.js';

describe('Decimal.parse', () => {
  it.each([
    ['4,5', '4.5'],
    ['4.5', '4.5'],
    [' 13,567 ', '13.567'],
    ['-0,25', '-0.25'],
    ['100', '100'],
    [',5', '0.5'],
    ['7.', '7'],
    [0.1, '0.1'],
    [78.422, '78.422'],
    [1e-6, '0.000001'],
  ])('reads %j as %s', (input, expected) => {
    const result = Decimal.parse(input);
    expect(result.ok && result.value.toString()).toBe(expected);
  });

  it.each([
    ['', 'đang để trống'],
    ['abc', 'không phải là số'],
    ['1.234,5', 'không phải là số'],
    ['1,2,3', 'không phải là số'],
    ['0,1234567', 'quá 6 chữ số thập phân'],
    [1e-7, 'quá 6 chữ số thập phân'],
    [Number.NaN, 'không phải là số hữu hạn'],
  ])('refuses %j in Vietnamese', (input, reason) => {
    const result = Decimal.parse(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});

describe('Decimal arithmetic is exact', () => {
  it('adds the seed 004 area points to the digit', () => {
    const areas = ['13,5', '10,5', '13,567', '7,5', '7,25', '8,961', '7,634', '9,51'];
    expect(Decimal.sum(areas.map((a) => Decimal.of(a))).toString()).toBe('78.422');
  });

  it('does not suffer binary floating point: 0,1 + 0,2 = 0,3', () => {
    expect(Decimal.of('0.1').plus(Decimal.of('0.2')).equals(Decimal.of('0.3'))).toBe(true);
  });

  it('knows multiples of a step', () => {
    expect(Decimal.of('1,75').isMultipleOf(Decimal.of('0,25'))).toBe(true);
    expect(Decimal.of('1,8').isMultipleOf(Decimal.of('0,25'))).toBe(false);
  });

  it('counts fractional digits', () => {
    expect(Decimal.of('78,420').fractionDigits()).toBe(2);
    expect(Decimal.of('100').fractionDigits()).toBe(0);
  });
});

describe('Ratio', () => {
  it('compares exactly by cross-multiplication', () => {
    expect(Ratio.of(1, 3).compare(Ratio.of(2, 6))).toBe(0);
    expect(Ratio.of(9009, 10000).compare(Ratio.of(9010, 10000))).toBe(-1);
  });

  it('rounds half away from zero', () => {
    expect(Ratio.of(1, 8).round(2).toString()).toBe('0.13');
    expect(Ratio.of(-1, 8).round(2).toString()).toBe('-0.13');
    expect(Ratio.of(18, 11).round(3).toString()).toBe('1.636');
    expect(Ratio.of(57400, 596).round(2).toString()).toBe('96.31');
  });

  it('refuses a zero denominator', () => {
    expect(() => Ratio.of(1, 0)).toThrow(RangeError);
  });

  it('tells whether a fraction has an exact decimal form', () => {
    expect(Ratio.of(1, 4).toExactDecimal()?.toString()).toBe('0.25');
    expect(Ratio.of(1, 3).toExactDecimal()).toBeUndefined();
  });
});
