import fc from 'fast-check';
import { toCsv } from './world.js';

/** A department framework with one leaf of each of the fifteen rule kinds; max 25,5 + 0. */
export const EVERY_RULE_CSV = toCsv([
  ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm'],
  ['1', 'Chỉ đạo, điều hành', '8', null],
  ['1.1', 'Có kế hoạch CCHC', '1', '{"kind":"passFail","conditions":["Ban hành","Đúng mẫu"]}'],
  [
    '1.2',
    'Ban hành kế hoạch đúng hạn',
    '1',
    '{"kind":"timeliness","deadline":"2022-01-31","latePoints":"0,5"}',
  ],
  ['1.3', 'Báo cáo quý đúng hạn', '2', '{"kind":"countOnTime","required":4,"partialCredit":true}'],
  ['1.4', 'Sáng kiến được công nhận', '2', '{"kind":"perItem","pointsPerItem":"0,5"}'],
  ['1.5', 'Văn bản nhắc nhở', '2', '{"kind":"deduction","pointsPerOccurrence":"0,5"}'],
  ['1.6', 'Điểm thưởng, điểm trừ', '0', '{"kind":"bonusPenalty","bonusCap":1,"penaltyCap":1}'],
  ['2', 'Thủ tục hành chính', '10', null],
  [
    '2.1',
    'Hồ sơ đúng hạn',
    '1',
    '{"kind":"ratioBands","bands":[{"minPercent":100,"points":1},{"minPercent":95,"points":"0,5"},{"minPercent":0,"points":0}]}',
  ],
  [
    '2.2',
    'Hồ sơ trực tuyến',
    '3',
    '{"kind":"proportional","fullAtPercent":50,"whenZeroDenominator":"notApplicable"}',
  ],
  ['2.3', 'Số thủ tục cắt giảm (so với đơn vị cao nhất)', '2', '{"kind":"relativeToBest"}'],
  [
    '2.4',
    'Sai sót phải xin lỗi',
    '1',
    '{"kind":"noneArose","otherwise":{"kind":"deduction","pointsPerOccurrence":"0,25"}}',
  ],
  [
    '2.5',
    'Đơn vị sự nghiệp tự chủ',
    '3',
    '{"kind":"notApplicableWhen","condition":"Đơn vị không có đơn vị sự nghiệp","otherwise":{"kind":"ratioBands","bands":[{"minPercent":50,"points":3},{"minPercent":0,"points":1}]}}',
  ],
  ['3', 'Kết quả khảo sát và chỉ số', '7,5', null],
  [
    '3.1',
    'Khảo sát lãnh đạo',
    '2',
    '{"kind":"survey","groups":[{"group":"lanhDao","label":"Lãnh đạo","weight":1},{"group":"nguoiDan","label":"Người dân","weight":2}]}',
  ],
  ['3.2', 'Chỉ số SIPAS', '2', '{"kind":"externalIndex","fullAt":100}'],
  ['3.3', 'Kết quả đơn vị trực thuộc', '1,5', '{"kind":"lowerUnits","aggregate":"mean"}'],
  ['3.4', 'Chấm điểm trực tiếp', '2', '{"kind":"manual","step":"0,25"}'],
]);

const digits = (max: number) => fc.integer({ min: 0, max });
const decimal = (max: number) =>
  digits(max * 100).map((n) => (n / 100).toFixed(2).replace('.', ','));
const ratio = fc
  .tuple(digits(600), digits(600))
  .map(([a, b]) => ({ numerator: Math.min(a, b), denominator: Math.max(a, b) }));
const date = fc
  .date({
    min: new Date('2022-01-01T00:00:00Z'),
    max: new Date('2022-03-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

/** Valid facts for each leaf of EVERY_RULE_CSV, as an officer could type them. */
export const FACTS_BY_LEAF: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  '1.1': fc.oneof(
    fc.boolean().map((passed) => ({ passed })),
    fc
      .tuple(fc.boolean(), fc.boolean())
      .map(([a, b]) => ({ conditions: { 'Ban hành': a, 'Đúng mẫu': b } })),
  ),
  '1.2': fc.oneof(
    fc.constantFrom('onTime', 'late', 'notDone').map((status) => ({ status })),
    date.map((completedOn) => ({ completedOn })),
  ),
  '1.3': digits(4).map((onTime) => ({ onTime })),
  '1.4': digits(9).map((count) => ({ count })),
  '1.5': digits(6).map((occurrences) => ({ occurrences })),
  '1.6': fc.tuple(decimal(2), decimal(2)).map(([bonus, penalty]) => ({ bonus, penalty })),
  '2.1': ratio,
  '2.2': ratio,
  '2.3': decimal(40).map((value) => ({ value })),
  '2.4': fc.oneof(
    fc.constant({ noneArose: true }),
    digits(5).map((occurrences) => ({ occurrences })),
  ),
  '2.5': fc.oneof(fc.constant({ notApplicable: true }), ratio),
  '3.1': fc
    .tuple(decimal(100), decimal(100))
    .map(([a, b]) => ({ groups: { lanhDao: { mean: a }, nguoiDan: { mean: b } } })),
  '3.2': fc.oneof(
    decimal(100).map((value) => ({ value })),
    fc
      .tuple(digits(300), fc.integer({ min: 1, max: 300 }))
      .map(([n, d]) => ({ numerator: Math.min(n, d), denominator: d })),
  ),
  '3.3': fc.array(decimal(100), { maxLength: 4 }).map((percents) => ({ percents })),
  '3.4': digits(8).map((quarters) => ({ points: (quarters / 4).toString() })),
};

/** A unit's self-assessment: some leaves filled with random valid facts, others left empty. */
export const selfAssessmentArb: fc.Arbitrary<Record<string, Record<string, unknown>>> = fc
  .tuple(
    ...Object.entries(FACTS_BY_LEAF).map(([code, facts]) =>
      fc.option(facts, { freq: 5 }).map((f) => [code, f] as const),
    ),
  )
  .map((pairs) => {
    const out: Record<string, Record<string, unknown>> = {};
    for (const [code, facts] of pairs) if (facts !== null) out[code] = facts;
    return out;
  });
