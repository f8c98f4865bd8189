import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Decimal } from '../decimal/decimal.js';
import { describeRule } from '../rules/describe-rule.js';
import type { Rule, RuleKind } from '../rules/rule.js';
import { RULE_KIND_LABELS } from '../rules/rule.js';
import { ruleSchema } from '../rules/rule-schema.js';
import { serializeRule } from '../rules/serialize-rule.js';
import { dateInput } from '../validation/parse-input.js';
import { RULE_DATE_FIELDS, RULE_NESTED_FIELDS, RULE_TEXT_FIELDS } from './rule-fields.js';
import { shiftFrameworkYears, shiftRuleYears } from './shift-years.js';

const rule = (json: unknown): Rule => ruleSchema.parse(json);
const COPY = { fromYear: 2026, toYear: 2027 };
const KINDS = Object.keys(RULE_KIND_LABELS) as RuleKind[];

describe('shifting a rule to another year', () => {
  it('moves a deadline and says so: 31/01/2026 becomes 31/01/2027', () => {
    const shifted = shiftRuleYears(
      rule({ kind: 'timeliness', deadline: '31/01/2026', latePoints: '0,5' }),
      COPY,
      '1.1',
    );
    expect(shifted.value).toMatchObject({ kind: 'timeliness', deadline: '2027-01-31' });
    expect(shifted.dates).toEqual([
      { code: '1.1', field: 'Hạn hoàn thành', from: '2026-01-31', to: '2027-01-31' },
    ]);
    expect(shifted.checks).toEqual([]);
    expect(describeRule(shifted.value, Decimal.ONE)).toBe(
      'Đúng hạn (31/01/2027): 1 điểm; chậm: 0,5 điểm; không thực hiện: 0 điểm',
    );
  });

  it('finds deadlines inside nested rules and names where they sit', () => {
    const shifted = shiftRuleYears(
      rule({
        kind: 'notApplicableWhen',
        condition: 'Đơn vị không có đơn vị sự nghiệp',
        otherwise: {
          kind: 'noneArose',
          otherwise: { kind: 'timeliness', deadline: '2026-06-30' },
        },
      }),
      { fromYear: 2026, toYear: 2029 },
      '4.2',
    );
    expect(shifted.dates).toEqual([
      {
        code: '4.2',
        field: 'Hạn hoàn thành (quy tắc khi áp dụng, quy tắc khi có phát sinh)',
        from: '2026-06-30',
        to: '2029-06-30',
      },
    ]);
    expect(shifted.value).toMatchObject({
      otherwise: { otherwise: { deadline: '2029-06-30' } },
    });
  });

  it('sets 29/02 to 28/02 in a common year and flags it for review', () => {
    const shifted = shiftRuleYears(
      rule({ kind: 'timeliness', deadline: '29/02/2028' }),
      { fromYear: 2028, toYear: 2029 },
      '2.1',
    );
    expect(shifted.value).toMatchObject({ deadline: '2029-02-28' });
    expect(shifted.checks).toEqual([
      expect.objectContaining({
        code: '2.1',
        kind: 'leapDay',
        found: '29/02/2028',
        suggestion: '28/02/2029',
        message:
          'Năm 2029 không có ngày 29/02: hạn hoàn thành 29/02/2028 đã được đặt thành 28/02/2029; hãy kiểm tra lại',
      }),
    ]);
  });

  it('keeps 28/02 into a leap year and asks whether the end of February was meant', () => {
    const shifted = shiftRuleYears(
      rule({ kind: 'timeliness', deadline: '2027-02-28' }),
      { fromYear: 2027, toYear: 2028 },
      '2.1',
    );
    expect(shifted.value).toMatchObject({ deadline: '2028-02-28' });
    expect(shifted.checks.map((c) => [c.kind, c.suggestion])).toEqual([['leapYear', '29/02/2028']]);
  });

  it('lists years written in conditions and survey labels without changing them', () => {
    const pass = rule({ kind: 'passFail', conditions: ['Có báo cáo tổng kết năm 2026'] });
    const shifted = shiftRuleYears(pass, COPY, '1.4');
    expect(shifted.value).toEqual(pass);
    expect(shifted.checks).toEqual([
      expect.objectContaining({
        code: '1.4',
        field: 'Điều kiện',
        kind: 'yearInText',
        found: '2026',
        suggestion: '2027',
        excerpt: 'Có báo cáo tổng kết năm 2026',
      }),
    ]);
    const survey = shiftRuleYears(
      rule({ kind: 'survey', groups: [{ group: 'nguoiDan', label: 'Người dân (khảo sát 2026)' }] }),
      COPY,
      '8.1',
    );
    expect(survey.checks.map((c) => c.field)).toEqual(['Tên nhóm đối tượng khảo sát']);
  });
});

describe('shifting a framework', () => {
  const input = {
    name: 'Bộ chỉ số sở năm 2026',
    year: 2026,
    nodes: [
      { code: '1', title: 'Công tác chỉ đạo, điều hành CCHC', maxPoints: Decimal.ONE },
      {
        code: '1.1',
        title: 'Ban hành kế hoạch CCHC năm',
        maxPoints: Decimal.ONE,
        rule: rule({ kind: 'timeliness', deadline: '2026-01-31', latePoints: '0,5' }),
        evidence: ['Kế hoạch CCHC năm 2026'],
        guidance:
          'Ban hành trước 31/01/2026: đủ điểm. Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 và Luật Cán bộ, công chức năm 2008.',
      },
    ],
  };

  it('moves rule dates and lists every year near the source year in titles, evidence and guidance', () => {
    const shifted = shiftFrameworkYears(input, COPY);
    expect(shifted.value.year).toBe(2027);
    expect(shifted.value.nodes[1]?.rule).toMatchObject({ deadline: '2027-01-31' });
    expect(shifted.value.nodes[1]?.guidance).toBe(input.nodes[1]?.guidance);
    expect(shifted.dates.map((d) => [d.code, d.from, d.to])).toEqual([
      ['1.1', '2026-01-31', '2027-01-31'],
    ]);
    expect(shifted.checks.map((c) => [c.code, c.field, c.found, c.suggestion])).toEqual([
      ['1.1', 'Tài liệu kiểm chứng', '2026', '2027'],
      ['1.1', 'Hướng dẫn', '31/01/2026', '31/01/2027'],
    ]);
  });

  it('recognises the ways offices write a date or a period', () => {
    const guidance =
      'Gửi báo cáo quý IV/2026 và báo cáo tháng 12/2026 trước ngày 15 tháng 12 năm 2026; kết quả năm 2025 để so sánh; giai đoạn 2021-2030.';
    const shifted = shiftFrameworkYears(
      { name: 'x', nodes: [{ code: '1', title: 'Mục', maxPoints: Decimal.ONE, guidance }] },
      COPY,
    );
    expect(shifted.checks.map((c) => [c.found, c.suggestion])).toEqual([
      ['IV/2026', 'IV/2027'],
      ['12/2026', '12/2027'],
      ['ngày 15 tháng 12 năm 2026', 'ngày 15 tháng 12 năm 2027'],
      ['2025', '2026'],
    ]);
    expect(shifted.checks[0]?.message).toBe(
      'Hướng dẫn có "IV/2026": không được tự động đổi; nếu đó là năm đánh giá hoặc một thời hạn, hãy sửa (chẳng hạn thành "IV/2027")',
    );
    expect(shifted.checks[0]?.excerpt).toBe(
      'Gửi báo cáo quý IV/2026 và báo cáo tháng 12/2026 trước ngày 15…',
    );
  });
});

/** Paths of dates and of text in a zod schema, walked the way RULE_*_FIELDS write them. */
function schemaPaths(schema: z.ZodType, prefix: string, out: { dates: string[]; texts: string[] }) {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (schema === (dateInput as unknown)) out.dates.push(prefix);
  else if (def.type === 'string') out.texts.push(prefix);
  else if (def.type === 'optional' || def.type === 'default')
    schemaPaths(def.innerType as z.ZodType, prefix, out);
  else if (def.type === 'pipe') schemaPaths(def.in as z.ZodType, prefix, out);
  else if (def.type === 'array') schemaPaths(def.element as z.ZodType, `${prefix}[]`, out);
  else if (def.type === 'object') {
    const shape = (schema as unknown as z.ZodObject).shape;
    for (const key of Object.keys(shape)) {
      if (shape[key] === (ruleSchema as unknown)) continue;
      schemaPaths(shape[key] as z.ZodType, prefix === '' ? key : `${prefix}.${key}`, out);
    }
  }
}

/** Keys that are identifiers, not text people read. */
const IDENTIFIERS = new Set([
  'groups[].group',
  'source.unitType',
  'source.alsoUnitTypes[]',
  'source.periodId',
]);

describe('the tables of rule fields', () => {
  const options = (ruleSchema as unknown as { options: z.ZodObject[] }).options;

  it('name every date and every text of each of the fifteen kinds, as the zod schemas do', () => {
    expect(options.map((o) => (o.shape.kind as z.ZodLiteral).value).sort()).toEqual(
      [...KINDS].sort(),
    );
    for (const option of options) {
      const kind = (option.shape.kind as z.ZodLiteral).value as RuleKind;
      const found = { dates: [] as string[], texts: [] as string[] };
      schemaPaths(option, '', found);
      expect(
        RULE_DATE_FIELDS[kind].map((f) => f.path),
        kind,
      ).toEqual(found.dates);
      expect(
        RULE_TEXT_FIELDS[kind].map((f) => f.path),
        kind,
      ).toEqual(found.texts.filter((p) => !IDENTIFIERS.has(p)));
      const nested = Object.keys(option.shape).filter(
        (k) => option.shape[k] === (ruleSchema as unknown),
      );
      expect(
        RULE_NESTED_FIELDS[kind].map((f) => f.path),
        kind,
      ).toEqual(nested);
    }
  });
});

const isoDate = fc
  .record({
    year: fc.integer({ min: 2001, max: 2090 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
  });
const text = fc.constantFrom('Có kế hoạch', 'Báo cáo năm 2026', 'Trước 31/12/2026', 'Khác');
const amount = fc.integer({ min: 1, max: 40 }).map((n) => String(n / 4));

const leafRule: Record<
  Exclude<RuleKind, 'noneArose' | 'notApplicableWhen'>,
  fc.Arbitrary<unknown>
> = {
  passFail: fc.record({
    kind: fc.constant('passFail'),
    conditions: fc.array(text, { maxLength: 3 }),
  }),
  timeliness: fc.record(
    { kind: fc.constant('timeliness'), deadline: isoDate, latePoints: amount },
    { requiredKeys: ['kind'] },
  ),
  countOnTime: fc.record({
    kind: fc.constant('countOnTime'),
    required: fc.integer({ min: 1, max: 12 }),
  }),
  ratioBands: fc.record({
    kind: fc.constant('ratioBands'),
    bands: fc.array(fc.record({ minPercent: amount, points: amount }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  proportional: fc.record({ kind: fc.constant('proportional'), fullAtPercent: amount }),
  relativeToBest: fc.record({ kind: fc.constant('relativeToBest'), higherIsBetter: fc.boolean() }),
  perItem: fc.record({ kind: fc.constant('perItem'), pointsPerItem: amount }),
  deduction: fc.record({ kind: fc.constant('deduction'), pointsPerOccurrence: amount }),
  bonusPenalty: fc.record({ kind: fc.constant('bonusPenalty'), bonusCap: amount }),
  survey: fc.record({
    kind: fc.constant('survey'),
    groups: fc.array(fc.record({ group: fc.constantFrom('a', 'b'), label: text }), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  externalIndex: fc.record({ kind: fc.constant('externalIndex'), fullAt: amount }),
  lowerUnits: fc.record({
    kind: fc.constant('lowerUnits'),
    aggregate: fc.constantFrom('mean', 'min'),
  }),
  manual: fc.constant({ kind: 'manual' }),
};

const { ruleJson } = fc.letrec<{ ruleJson: unknown }>((tie) => ({
  ruleJson: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    ...Object.values(leafRule),
    fc.record({ kind: fc.constant('noneArose'), otherwise: tie('ruleJson') }),
    fc.record({
      kind: fc.constant('notApplicableWhen'),
      condition: text,
      otherwise: tie('ruleJson'),
    }),
  ),
}));
const ruleArb = ruleJson.map((json) => ruleSchema.parse(json));

const datesIn = (r: Rule) => JSON.stringify(serializeRule(r)).match(/"\d{4}-\d{2}-\d{2}"/g) ?? [];

describe('properties of the shift', () => {
  it('the generator reaches all fifteen kinds', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(ruleArb, (r) => void seen.add(r.kind)),
      { numRuns: 600 },
    );
    expect([...seen].sort()).toEqual([...KINDS].sort());
  });

  it('+n then −n gives the rule back when no 29/02 is involved', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: -5, max: 5 }), (r, n) => {
        fc.pre(!datesIn(r).some((d) => d.includes('-02-29')));
        const there = shiftRuleYears(r, { fromYear: 2040, toYear: 2040 + n }, '1').value;
        const back = shiftRuleYears(there, { fromYear: 2040 + n, toYear: 2040 }, '1').value;
        expect(serializeRule(back)).toEqual(serializeRule(r));
      }),
    );
  });

  it('finds every date in every rule, and the moved rule still parses', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 1, max: 5 }), (r, n) => {
        const shifted = shiftRuleYears(r, { fromYear: 2040, toYear: 2040 + n }, '1');
        const before = datesIn(r);
        expect(shifted.dates).toHaveLength(before.length);
        expect(shifted.dates.map((d) => `"${d.from}"`)).toEqual(before);
        expect(datesIn(shifted.value)).toEqual(shifted.dates.map((d) => `"${d.to}"`));
        expect(ruleSchema.parse(serializeRule(shifted.value))).toEqual(shifted.value);
      }),
    );
  });
});
