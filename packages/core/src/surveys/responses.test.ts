import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { DomainError, formatIssue } from '../errors.js';
import { formatPercent } from '../format/format.js';
import { parQuestionnaire } from '../test-support/surveys.js';
import { answersFromKeys, keysFromAnswers } from './answers.js';
import {
  compareAnswers,
  formatSurveyCode,
  isSurveyCode,
  normalizeSurveyCode,
  recheckSelected,
  SURVEY_CODE_ALPHABET,
} from './codes.js';
import { parseResponseRow, responseColumns } from './response-table.js';
import { responseRate, sampleSize } from './sample-size.js';
import { tallyResponses } from './tally.js';

const q = parQuestionnaire('daiBieu', [
  ['C1', '1.1'],
  ['C2', '1.1'],
  ['C3', '1.2', true],
]);

describe('answersFromKeys', () => {
  it.each([
    [{ C1: 'A', C2: 'd', C3: 'B' }, [1, 4, 2]],
    [{ c1: ' b ', C2: 'C', C3: null }, [2, 3, 0]],
    [{ C1: 'A', C2: 'A' }, [1, 1, 0]],
    [{ C1: 'A', C2: 'A', C3: '' }, [1, 1, 0]],
  ])('%j → %j', (byCode, answers) => {
    expect(answersFromKeys(q, byCode)).toEqual({ answers });
  });

  it('names every problem by question', () => {
    expect(answersFromKeys(q, { C1: 'E', C3: 'A', C9: 'A' })).toEqual({
      issues: [
        { message: 'Phiếu không có câu "C9"' },
        { message: 'Câu C1: không có phương án "E" (chọn một trong: A, B, C, D)' },
        { message: 'Câu C2: chưa chọn phương án' },
      ],
    });
  });

  it('round-trips with keysFromAnswers', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 0, max: 4 }),
        ),
        (answers) => {
          expect(answersFromKeys(q, keysFromAnswers(q, answers))).toEqual({ answers });
        },
      ),
    );
    expect(keysFromAnswers(q, [1, 4, 0])).toEqual({ C1: 'A', C2: 'D', C3: null });
    expect(keysFromAnswers(q, [9])).toEqual({ C1: null, C2: null, C3: null });
  });
});

describe('response sheet', () => {
  const header = ['STT', 'Số phiếu', 'Lô', 'Mã đơn vị', 'C1', 'c2', 'C3', 'Ghi chú'];
  const columns = responseColumns(q, header, { sheet: 'Phiếu', row: 1 });
  const at = { sheet: 'Phiếu', row: 7 };

  it('finds the columns by header, in any case, ignoring others', () => {
    expect(columns).toEqual({
      formNumber: 1,
      batch: 2,
      unitId: 3,
      questions: [4, 5, 6],
      headers: header,
    });
    expect(responseColumns(q, ['so phieu', 'Ma don vi', 'C3', 'C2', 'C1']).batch).toBeUndefined();
  });

  it('names every missing or repeated column', () => {
    try {
      responseColumns(q, ['Số phiếu', 'C1', 'C1', undefined, 'C3'], { sheet: 'Phiếu', row: 1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('IMPORT_REJECTED');
      expect((error as DomainError).issues.map(formatIssue)).toEqual([
        'Trang "Phiếu", dòng 1, cột C (C1): cột "C1" bị lặp (đã có ở cột B)',
        'Trang "Phiếu", dòng 1: thiếu cột "Mã đơn vị"',
        'Trang "Phiếu", dòng 1: thiếu cột "C2"',
      ]);
    }
  });

  it('reads a row: form numbers typed as numbers, keys in any case, optional blanks', () => {
    expect(parseResponseRow(q, columns, [1, 12, 'Lô 3', 'so-a', 'a', 'D', null], at)).toEqual({
      formNumber: '12',
      batch: 'Lô 3',
      unitId: 'so-a',
      answers: [1, 4, 0],
    });
    expect(parseResponseRow(q, columns, [1, 'P-001', '', 'so-a', 'B', 'b', 'c'], at)).toEqual({
      formNumber: 'P-001',
      batch: undefined,
      unitId: 'so-a',
      answers: [2, 2, 3],
    });
  });

  it('names every bad cell with its sheet, row, column and header', () => {
    const result = parseResponseRow(q, columns, [1, '', null, '', 'E', '', 'x'], at);
    expect('issues' in result && result.issues.map(formatIssue)).toEqual([
      'Trang "Phiếu", dòng 7, cột B (Số phiếu): thiếu số phiếu',
      'Trang "Phiếu", dòng 7, cột D (Mã đơn vị): thiếu mã đơn vị được đánh giá',
      'Trang "Phiếu", dòng 7, cột E (C1): câu C1: không có phương án "E" (chọn một trong: A, B, C, D)',
      'Trang "Phiếu", dòng 7, cột F (c2): câu C2: chưa chọn phương án',
      'Trang "Phiếu", dòng 7, cột G (C3): câu C3: không có phương án "x" (chọn một trong: A, B, C, D)',
    ]);
    const bad = parseResponseRow(q, columns, [1, 'số 1 / 2', null, 'so-a', 'A', 'A'], at);
    expect('issues' in bad && bad.issues.map(formatIssue)).toEqual([
      'Trang "Phiếu", dòng 7, cột B (Số phiếu): số phiếu "số 1 / 2" chỉ gồm chữ, số, ".", "/", "_", "-" (tối đa 40 ký tự)',
    ]);
  });

  it("holds the batch to the API's 60 characters", () => {
    const row = (batch: string) => [1, 'P-1', batch, 'so-a', 'A', 'A', 'A'];
    expect(parseResponseRow(q, columns, row('l'.repeat(60)), at)).toMatchObject({
      batch: 'l'.repeat(60),
    });
    const bad = parseResponseRow(q, columns, row('l'.repeat(61)), at);
    expect('issues' in bad && bad.issues.map(formatIssue)).toEqual([
      'Trang "Phiếu", dòng 7, cột C (Lô): tên lô dài 61 ký tự, tối đa 60 ký tự',
    ]);
  });
});

describe('tallyResponses', () => {
  it('counts answers per option, leaving blanks and out-of-range answers out', () => {
    expect(tallyResponses(q, [[1, 2, 0], [1, 4, 5], [2]])).toEqual({
      responses: 3,
      counts: [
        [2, 1, 0, 0],
        [0, 1, 0, 1],
        [0, 0, 0, 0],
      ],
    });
  });
});

describe('sampleSize: n = N ÷ (1 + N·e²), rounded up', () => {
  it.each([
    [596, undefined, 240],
    [0, undefined, 0],
    [1, undefined, 1],
    [2, undefined, 2],
    [400, undefined, 200],
    [10_000, undefined, 385],
    [1_000_000, undefined, 400],
    [596, '10', 86],
    [596, '0', 596],
    [1000, '2,5', 616],
  ])('N = %i, e = %s%% → %i', (population, margin, expected) => {
    expect(sampleSize(population, margin === undefined ? undefined : Decimal.of(margin))).toBe(
      expected,
    );
  });

  it('never exceeds N and never needs fewer when N grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        const size = sampleSize(n);
        expect(size).toBeLessThanOrEqual(n);
        expect(sampleSize(n + 1)).toBeGreaterThanOrEqual(size);
        expect(size).toBeLessThanOrEqual(400);
      }),
    );
  });

  it('refuses a population that is not a whole number', () => {
    expect(() => sampleSize(-1)).toThrow(RangeError);
    expect(() => sampleSize(2.5)).toThrow(RangeError);
  });
});

describe('responseRate', () => {
  it.each([
    [120, 240, '50,00%'],
    [241, 240, '100,42%'],
    [0, 30, '0,00%'],
  ])('%i of %i → %s', (received, target, shown) => {
    expect(formatPercent(responseRate(received, target)!)).toBe(shown);
  });
  it('has no rate without a target', () => {
    expect(responseRate(5, 0)).toBeUndefined();
  });
});

describe('survey codes', () => {
  it('formats ten characters from the unambiguous alphabet as ABCDE-FGHJK', () => {
    const bytes = Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 31, 32, 99]);
    expect(formatSurveyCode(bytes)).toBe('ABCDE-FGH9A');
    expect(() => formatSurveyCode(new Uint8Array(9))).toThrow(RangeError);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 16 }), (random) => {
        const code = formatSurveyCode(random);
        expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
        expect(isSurveyCode(normalizeSurveyCode(code))).toBe(true);
      }),
    );
    expect(SURVEY_CODE_ALPHABET).toHaveLength(32);
  });

  it.each([
    ['abcde-fghjk', 'ABCDEFGHJK'],
    ['  ABCDE FGHJK ', 'ABCDEFGHJK'],
    ['abc de–fg hjk', 'ABCDEFGHJK'],
  ])('normalizes %j', (typed, stored) => {
    expect(normalizeSurveyCode(typed)).toBe(stored);
    expect(isSurveyCode(normalizeSurveyCode(typed))).toBe(true);
  });

  it.each(['ABCDEFGHJ', 'ABCDEFGHJKL', 'ABCDEFGHJ0', 'ABCDEFGHJI'])('%s is not a code', (text) => {
    expect(isSurveyCode(text)).toBe(false);
  });
});

describe('re-check selection', () => {
  const ids = Array.from(
    { length: 20_000 },
    (_, i) => `${(i * 2654435761) % 4294967296}`.padStart(10, '0') + `-${i}`,
  );

  it.each([5, 10, 12.5, 50])('selects about %s%% of many ids', (percent) => {
    const share = ids.filter((id) => recheckSelected(id, percent)).length / ids.length;
    expect(Math.abs(share * 100 - percent)).toBeLessThan(1);
  });

  it('selects about 10% of UUID-like ids', () => {
    const uuids = Array.from({ length: 10_000 }, (_, i) => {
      const hex = i.toString(16).padStart(12, '0');
      return `0190a6c4-7d2e-7b3a-9f1c-${hex}`;
    });
    const share = uuids.filter((id) => recheckSelected(id, 10)).length / uuids.length;
    expect(share).toBeGreaterThan(0.09);
    expect(share).toBeLessThan(0.11);
  });

  it('is deterministic and monotone in the share', () => {
    for (const id of ids.slice(0, 500)) {
      expect(recheckSelected(id, 10)).toBe(recheckSelected(id, 10));
      if (recheckSelected(id, 10)) expect(recheckSelected(id, 20)).toBe(true);
    }
    expect(ids.some((id) => recheckSelected(id, 0))).toBe(false);
    expect(ids.every((id) => recheckSelected(id, 100))).toBe(true);
  });
});

describe('compareAnswers', () => {
  it.each([
    [[1, 2, 3], [1, 2, 3], []],
    [[1, 2, 3], [1, 3, 3], [2]],
    [
      [1, 2, 0],
      [2, 2, 4],
      [1, 3],
    ],
    [[1, 2], [1, 2, 0], []],
    [[1, 2], [1, 2, 1], [3]],
  ])('%j vs %j → %j', (a, b, differ) => {
    expect(compareAnswers(a, b)).toEqual(differ);
  });
});
