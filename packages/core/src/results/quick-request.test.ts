import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { readBulkQuickly } from './quick-request.js';
import { parseResultsRequest, resultsRequestSchema } from './request.js';

/** Units and previous results as the schema reads them, in the form the results take. */
function bySchema(request: unknown) {
  const parsed = resultsRequestSchema.safeParse(request);
  if (!parsed.success) return undefined;
  return {
    units: parsed.data.units.map((unit) => ({
      id: unit.id,
      name: unit.name,
      group: unit.group,
      type: unit.type,
      points: new Map(Object.entries(unit.points)),
      facts: new Map(Object.entries(unit.facts)),
      notApplicable: new Set(unit.notApplicable),
    })),
    previous: parsed.data.previous.map((p) => ({
      id: p.id,
      percent: p.percent,
      rank: p.rank,
      areas: new Map(Object.entries(p.areas)),
    })),
  };
}

const framework = {
  name: 'Bộ chỉ số',
  nodes: [
    { code: '1', title: 'Lĩnh vực 1', maxPoints: 2 },
    { code: '1.1', title: 'Tiêu chí 1.1', maxPoints: 1 },
    {
      code: '1.2',
      title: 'Tiêu chí 1.2',
      maxPoints: 1,
      rule: { kind: 'deduction', pointsPerOccurrence: '0,25' },
    },
  ],
};

/** Mostly what a request holds, now and then what it should not. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: bad });
const text = mostly(
  fc.constantFrom('xa-1', ' Xã Bắc Hà ', 'u'),
  fc.oneof(fc.constantFrom('', '  '), fc.string({ maxLength: 5 })),
);
const number = mostly(
  fc.constantFrom('0,75', '0.5', '1', 2, 0.25, '0,123456'),
  fc.oneof(fc.constantFrom('x', '', '-0,25', -1, '1e2'), fc.double({ min: -2, max: 3 })),
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const unit = fc
  .tuple(
    fc.record(
      {
        id: mostly(text, fc.integer()),
        name: text,
        group: optional(text),
        type: optional(text),
        points: optional(
          mostly(fc.dictionary(fc.constantFrom('1.1', '1.2', '9'), number), fc.constant([])),
        ),
        facts: optional(
          fc.dictionary(
            fc.constantFrom('1.2', '1.1'),
            mostly(fc.record({ occurrences: fc.nat(3) }), fc.constant(null)),
          ),
        ),
        notApplicable: optional(fc.array(mostly(fc.constantFrom('1.1', '1'), fc.integer()))),
      },
      { requiredKeys: ['id', 'name'] },
    ),
    fc.nat(9),
  )
  .map(([u, n]) => (n === 0 ? { ...u, extra: 1 } : u));
const previous = fc.record(
  {
    id: text,
    percent: optional(number),
    rank: optional(mostly(fc.integer({ min: 1, max: 20 }), fc.constantFrom(0, -1, 1.5))),
    areas: optional(fc.dictionary(fc.constantFrom('1', '2'), number)),
  },
  { requiredKeys: ['id'] },
);

describe('reading the bulk of a request by hand', () => {
  it('gives what the schema gives, or nothing', () => {
    let answered = 0;
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 3 }),
        optional(fc.array(previous, { maxLength: 2 })),
        (units, previousResults) => {
          const request = { framework, units, previous: previousResults };
          const quick = readBulkQuickly(request);
          if (quick === undefined) return;
          answered += 1;
          expect(quick).toEqual(bySchema(request));
        },
      ),
      { numRuns: 2000 },
    );
    expect(answered).toBeGreaterThan(50);
  });

  it('reads a well-formed request into the same input as the schema', () => {
    const request = {
      framework,
      units: [
        { id: ' a ', name: 'Xã A', group: 'xa', points: { '1.1': '0,75' } },
        { id: 'b', name: 'Xã B', facts: { '1.2': { occurrences: 1 } }, notApplicable: ['1.1'] },
      ],
      previous: [{ id: 'a', percent: '80,5', rank: 2, areas: { '1': 75 } }],
    };
    const input = parseResultsRequest(request);
    expect({ units: input.units, previous: input.previous }).toEqual(bySchema(request));
    expect(input.units[0]?.id).toBe('a');
    expect(input.framework.leaves.map((leaf) => leaf.code)).toEqual(['1.1', '1.2']);
  });

  it('leaves a malformed unit to the schema, which names it', () => {
    const request = {
      framework,
      units: [
        { id: 'a', name: 'Xã A' },
        { id: 'b', name: 'Xã B', points: { '1.1': 'một' } },
      ],
    };
    expect(readBulkQuickly(request)).toBeUndefined();
    let error: unknown;
    try {
      parseResultsRequest(request);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).issues).toEqual([
      { path: 'units[1].points.1.1', message: '"một" không phải là số' },
    ]);
  });

  it('still refuses a key the request does not have beside well-formed units', () => {
    expect(() =>
      parseResultsRequest({ framework, units: [{ id: 'u', name: 'U' }], option: true }),
    ).toThrow(
      expect.objectContaining({
        issues: [{ path: '', message: 'có trường không được hỗ trợ: option' }],
      }) as Error,
    );
  });

  it('still reports a bad framework beside well-formed units', () => {
    expect(() =>
      parseResultsRequest({
        framework: { name: 'X', nodes: [{ code: '1', title: 'A', maxPoints: '2,5x' }] },
        units: [{ id: 'u', name: 'U' }],
      }),
    ).toThrow(
      expect.objectContaining({
        issues: [{ path: 'framework.nodes[0].maxPoints', message: '"2,5x" không phải là số' }],
      }) as Error,
    );
  });
});
