import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { Decimal } from '../decimal/decimal.js';
import { peerGroupLabel, unitTypeLabel } from '../units/unit-types.js';
import { describeFacts } from './describe-facts.js';
import { evaluateRule } from './evaluate-rule.js';
import { factLabel, nameField } from './fact-labels.js';
import { ruleSchema } from './rule-schema.js';

const rule = (json: unknown) => ruleSchema.parse(json);
const RATIO = { kind: 'ratioBands', bands: [{ minPercent: 100, points: 1 }] };
const ratio = rule(RATIO);

describe('factLabel: the officer form’s names of the facts', () => {
  it('names the fields of each kind', () => {
    expect(factLabel(ratio, ['numerator'])).toBe('Tử số (đạt)');
    expect(factLabel(ratio, ['denominator'])).toBe('Mẫu số (tổng)');
    expect(factLabel(rule({ kind: 'countOnTime', required: 4 }), ['onTime'])).toBe(
      'Số báo cáo/nhiệm vụ đúng hạn (cần 4)',
    );
    expect(factLabel(rule({ kind: 'timeliness' }), ['completedOn'])).toBe('Ngày hoàn thành');
    expect(factLabel(rule({ kind: 'manual' }), ['points'])).toBe('Điểm tự chấm');
    expect(factLabel(ratio, ['nothing'])).toBeUndefined();
  });

  it('names a condition by its text and a survey group by its label', () => {
    const passFail = rule({ kind: 'passFail', conditions: ['Có kế hoạch', 'Đúng hạn'] });
    expect(factLabel(passFail, ['conditions', 'Đúng hạn'])).toBe('Đúng hạn');
    const survey = rule({ kind: 'survey', groups: [{ group: 'nguoiDan', label: 'Người dân' }] });
    expect(factLabel(survey, ['groups', 'nguoiDan', 'mean'])).toBe(
      'Người dân — điểm bình quân (%)',
    );
  });

  it('sees through wrappers, naming their own flag', () => {
    const wrapped = rule({
      kind: 'notApplicableWhen',
      condition: 'đơn vị không có thủ tục',
      otherwise: { kind: 'noneArose', otherwise: RATIO },
    });
    expect(factLabel(wrapped, ['notApplicable'])).toBe('Không áp dụng: đơn vị không có thủ tục');
    expect(factLabel(wrapped, ['noneArose'])).toBe('Không phát sinh trong năm');
    expect(factLabel(wrapped, ['numerator'])).toBe('Tử số (đạt)');
  });

  it('joins a label and a problem into a sentence', () => {
    expect(nameField('Tử số (đạt)', 'không được âm')).toBe('Tử số (đạt) không được âm');
    expect(nameField('Tử số (đạt)', '"x" không phải là số')).toBe(
      'Tử số (đạt): "x" không phải là số',
    );
  });
});

describe('validation of facts names the field, never its JSON key', () => {
  const issues = (r: unknown, facts: unknown) => {
    try {
      evaluateRule(rule(r), facts, { maxPoints: Decimal.ONE, pointsDecimals: 2 });
    } catch (error) {
      if (error instanceof DomainError) return error.issues;
      throw error;
    }
    throw new Error('expected the facts to be refused');
  };

  it('says which input is wrong in the words of the form, keeping the path for machines', () => {
    const found = issues(
      { kind: 'noneArose', otherwise: { kind: 'proportional' } },
      { numerator: -1, denominator: '' },
    );
    expect(found).toEqual([
      { path: 'facts.numerator', message: 'Tử số (đạt) không được âm' },
      { path: 'facts.denominator', message: 'Mẫu số (tổng): đang để trống' },
    ]);
    for (const issue of found) expect(issue.message).not.toMatch(/numerator|denominator|facts/);
  });

  it('names a missing count and a bad date', () => {
    expect(issues({ kind: 'perItem', pointsPerItem: 1 }, {})[0]?.message).toBe(
      'Số lượng: bắt buộc nhưng đang thiếu',
    );
    expect(issues({ kind: 'timeliness' }, { completedOn: '31/02/2026' })[0]?.message).toBe(
      'Ngày hoàn thành: "31/02/2026" không phải là ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)',
    );
  });
});

describe('describeFacts: a leaf’s facts as labelled Vietnamese lines', () => {
  it('shows numbers with a decimal comma and counts with thousands dots', () => {
    expect(describeFacts(ratio, { numerator: '22855', denominator: 23000.5 })).toEqual([
      { key: 'numerator', label: 'Tử số (đạt)', value: '22.855' },
      { key: 'denominator', label: 'Mẫu số (tổng)', value: '23.000,5' },
    ]);
    expect(describeFacts(rule({ kind: 'manual' }), { points: '6.5' })).toEqual([
      { key: 'points', label: 'Điểm tự chấm', value: '6,5' },
    ]);
    expect(describeFacts(rule({ kind: 'perItem', pointsPerItem: 1 }), { count: '22.855' })).toEqual(
      [{ key: 'count', label: 'Số lượng', value: '22.855' }],
    );
  });

  it('shows dates dd/mm/yyyy, statuses and booleans in words', () => {
    expect(
      describeFacts(rule({ kind: 'timeliness' }), { completedOn: '2026-01-20', status: 'late' }),
    ).toEqual([
      { key: 'completedOn', label: 'Ngày hoàn thành', value: '20/01/2026' },
      { key: 'status', label: 'Tình trạng thực hiện', value: 'Chậm' },
    ]);
    const passFail = rule({ kind: 'passFail', conditions: ['Có kế hoạch'] });
    expect(describeFacts(passFail, { conditions: { 'Có kế hoạch': false } })).toEqual([
      { key: 'conditions.Có kế hoạch', label: 'Có kế hoạch', value: 'Không' },
    ]);
  });

  it('puts a wrapper’s flag first and keeps unknown facts under a Vietnamese name', () => {
    const wrapped = rule({ kind: 'noneArose', otherwise: RATIO });
    expect(describeFacts(wrapped, { noneArose: true })).toEqual([
      { key: 'noneArose', label: 'Không phát sinh trong năm', value: 'Có' },
    ]);
    expect(describeFacts(ratio, { legacy: 'x', numerator: 1 })).toEqual([
      { key: 'numerator', label: 'Tử số (đạt)', value: '1' },
      { key: 'legacy', label: 'Số liệu khác', value: 'x' },
    ]);
  });

  it('lists survey groups and lower units’ percentages', () => {
    const survey = rule({ kind: 'survey', groups: [{ group: 'nd', label: 'Người dân' }] });
    expect(describeFacts(survey, { groups: { nd: { mean: '72.5' } } })).toEqual([
      { key: 'groups.nd.mean', label: 'Người dân — điểm bình quân (%)', value: '72,5%' },
    ]);
    expect(describeFacts(rule({ kind: 'lowerUnits' }), { percents: ['80,5', 90] })).toEqual([
      { key: 'percents', label: 'Chỉ số (%) của các đơn vị cấp dưới', value: '80,5%; 90%' },
    ]);
  });
});

describe('peerGroupLabel', () => {
  it('names groups that are unit types, the old communes, and keeps a province’s own codes', () => {
    expect(peerGroupLabel('so')).toBe(unitTypeLabel('so'));
    expect(peerGroupLabel('phuong')).toBe('UBND phường');
    expect(peerGroupLabel('xa-cu')).toBe('UBND xã, thị trấn (trước 01/07/2025)');
    expect(peerGroupLabel('phuong-cu')).toBe('UBND phường (trước 01/07/2025)');
    expect(peerGroupLabel('khoi-noi-chinh')).toBe('khoi-noi-chinh');
    expect(peerGroupLabel(null)).toBe('');
  });
});
