import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { FACTS_SCHEMAS } from '../rules/facts-schema.js';
import { readFactsQuickly } from '../rules/quick-facts.js';
import { decimalInput } from './parse-input.js';
import { decimalValue } from './quick-read.js';

// The quick readers are only worth having if they agree with the schemas, which stay the
// definition: whatever a reader returns, the schema returns too; when unsure it says nothing.

/** Values near the edges of what the schemas accept. */
const scalar = fc.oneof(
  fc.integer({ min: -5, max: 3000 }),
  fc.double({ min: -10, max: 3000, noNaN: true }),
  fc.constantFrom(
    '0,75',
    '0.25',
    ' 1,5 ',
    '1.234',
    '22.855',
    '-1',
    '',
    'abc',
    '1e3',
    '0,1234567',
    '12345678901',
    '2025-01-20',
    '20/01/2025',
    '31/02/2025',
    'onTime',
    'late',
    'soon',
  ),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ maxLength: 6 }),
);
const keys = fc.constantFrom(
  'numerator',
  'denominator',
  'status',
  'completedOn',
  'onTime',
  'count',
  'occurrences',
  'bonus',
  'penalty',
  'passed',
  'conditions',
  'value',
  'points',
  'extra',
);
const facts = fc.oneof(
  fc.dictionary(keys, scalar, { maxKeys: 3 }),
  fc.record({ conditions: fc.dictionary(fc.string({ maxLength: 4 }), scalar, { maxKeys: 3 }) }),
  fc.record({ passed: fc.boolean(), conditions: fc.dictionary(fc.string(), fc.boolean()) }),
  scalar,
  fc.array(scalar, { maxLength: 2 }),
);

type Kind = keyof typeof FACTS_SCHEMAS;
const KEYS: Partial<Record<Kind, string[]>> = {
  ratioBands: ['numerator', 'denominator'],
  proportional: ['numerator', 'denominator'],
  timeliness: ['status', 'completedOn'],
  countOnTime: ['onTime'],
  perItem: ['count'],
  deduction: ['occurrences'],
  bonusPenalty: ['bonus', 'penalty'],
  passFail: ['passed', 'conditions'],
  relativeToBest: ['value'],
  manual: ['points'],
};
const conditions = fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.boolean(), scalar), {
  maxKeys: 3,
});
/** Facts of a kind: mostly its own keys with edge values, sometimes anything. */
const kindAndFacts = fc.constantFrom(...(Object.keys(FACTS_SCHEMAS) as Kind[])).chain((kind) =>
  fc.tuple(
    fc.constant(kind),
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.dictionary(
          fc.constantFrom(...(KEYS[kind] ?? ['value'])),
          fc.oneof(scalar, conditions),
        ),
      },
      { weight: 1, arbitrary: facts },
    ),
  ),
);

describe('quick readers of facts', () => {
  it('return what the schema returns, or nothing', () => {
    let answered = 0;
    fc.assert(
      fc.property(kindAndFacts, ([kind, value]) => {
        const schema = FACTS_SCHEMAS[kind];
        const quick = readFactsQuickly(schema, value);
        if (quick === undefined) return;
        answered += 1;
        const parsed = schema.safeParse(value);
        expect(parsed.success).toBe(true);
        expect(quick).toEqual(parsed.data);
      }),
      { numRuns: 3000 },
    );
    // Enough generated facts were well-formed for the comparison to mean something.
    expect(answered).toBeGreaterThan(100);
  });

  it('answer for the common well-formed facts', () => {
    const examples: [Kind, unknown][] = [
      ['ratioBands', { numerator: 574, denominator: 596 }],
      ['proportional', { numerator: '12,5', denominator: 20 }],
      ['timeliness', { completedOn: '20/01/2025' }],
      ['timeliness', { status: 'late' }],
      ['deduction', { occurrences: 2 }],
      ['perItem', { count: '22.855' }],
      ['countOnTime', { onTime: 3 }],
      ['bonusPenalty', { bonus: '1' }],
      ['passFail', { passed: true, conditions: { 'Có kế hoạch': true } }],
      ['relativeToBest', { value: 87.5 }],
      ['manual', { points: '0,75' }],
    ];
    for (const [kind, value] of examples) {
      const quick = readFactsQuickly(FACTS_SCHEMAS[kind], value);
      expect(quick, kind).toBeDefined();
      expect(quick, kind).toEqual(FACTS_SCHEMAS[kind].parse(value));
    }
  });

  it('leave malformed facts to the schema, which words the problem', () => {
    expect(
      readFactsQuickly(FACTS_SCHEMAS.ratioBands, { numerator: 5, denominator: 4 }),
    ).toBeUndefined();
    expect(readFactsQuickly(FACTS_SCHEMAS.deduction, { occurrences: 1.5 })).toBeUndefined();
    expect(readFactsQuickly(FACTS_SCHEMAS.timeliness, { completedOn: '31/02/2025' })).toBe(
      undefined,
    );
    expect(readFactsQuickly(FACTS_SCHEMAS.manual, { points: 1, note: 'x' })).toBeUndefined();
  });
});

describe('decimalValue', () => {
  it('reads every number and text exactly as decimalInput does', () => {
    const text = fc.oneof(
      fc.stringMatching(/^\d{1,12}([.,]\d{0,8})?$/),
      fc.stringMatching(/^[ +-]?\d{0,3}[.,]?\d{0,3} ?$/),
      fc.string({ maxLength: 8 }),
    );
    const value = fc.oneof(text, fc.double({ noNaN: false }), fc.integer(), fc.maxSafeInteger());
    fc.assert(
      fc.property(value, (input) => {
        const parsed = decimalInput.safeParse(input);
        const quick = decimalValue(input);
        if (parsed.success) expect(quick).toEqual(parsed.data);
        else expect(quick).toBeUndefined();
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps the last millionth of large values', () => {
    expect(decimalValue('999999999,999999')?.units).toBe(999_999_999_999_999);
    expect(decimalValue('0,000001')).toEqual(Decimal.of('0.000001'));
    expect(decimalValue(0.1)).toEqual(Decimal.of('0.1'));
  });
});
