import { describe, expect, it } from 'vitest';
import { officeKey, resolveNodeOffices, type Office } from './offices.js';

const TU_PHAP: Office = { id: 'tp', name: 'Phòng Tư pháp', active: true };
const NOI_VU: Office = { id: 'nv', name: 'Phòng Nội vụ', active: true };
const CU: Office = { id: 'cu', name: 'Phòng Kinh tế', active: false };
const OFFICES = [TU_PHAP, NOI_VU, CU];

describe('who answers for a node in a unit', () => {
  it('compares office names as people write them', () => {
    expect(officeKey('P. Tư pháp')).toBe(officeKey('phòng  tư pháp'));
    expect(officeKey('Phong Tu phap')).toBe(officeKey('Phòng Tư pháp'));
    expect(officeKey('Phòng Tài chính-Kế hoạch')).toBe(officeKey('Phòng Tài chính - Kế hoạch'));
  });

  it("takes the framework's names where the unit chose nothing, and lists names it lacks", () => {
    const resolved = resolveNodeOffices(
      {
        leadOffice: 'phòng tư pháp',
        supportingOffices: ['Phòng Nội vụ', 'Văn phòng HĐND và UBND'],
      },
      undefined,
      OFFICES,
    );
    expect(resolved).toEqual({
      lead: TU_PHAP,
      supporting: [NOI_VU],
      source: 'framework',
      unmatched: ['Văn phòng HĐND và UBND'],
    });
  });

  it("prefers the unit's own choice and drops offices no longer active", () => {
    const resolved = resolveNodeOffices(
      { leadOffice: 'Phòng Tư pháp', supportingOffices: [] },
      { leadOfficeId: 'nv', supportingOfficeIds: ['cu', 'tp', 'nv'] },
      OFFICES,
    );
    expect(resolved).toEqual({
      lead: NOI_VU,
      supporting: [TU_PHAP],
      source: 'unit',
      unmatched: [],
    });
  });

  it('says nobody is named when neither the framework nor the unit names an office', () => {
    expect(
      resolveNodeOffices({ leadOffice: null, supportingOffices: [] }, undefined, OFFICES),
    ).toEqual({ lead: null, supporting: [], source: 'none', unmatched: [] });
  });

  it('does not match an inactive office by name', () => {
    const resolved = resolveNodeOffices(
      { leadOffice: 'Phòng Kinh tế', supportingOffices: [] },
      undefined,
      OFFICES,
    );
    expect(resolved.lead).toBeNull();
    expect(resolved.unmatched).toEqual(['Phòng Kinh tế']);
  });
});
