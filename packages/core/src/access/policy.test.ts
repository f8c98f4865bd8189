import { describe, expect, it } from 'vitest';
import { can, ROLES, type Action, type Actor, type Role } from './policy.js';

const OWN = 'so-noi-vu';
const OTHER = 'so-y-te';
const actor = (role: Role): Actor => ({
  userId: 'u',
  role,
  unitId: role === 'unitOfficer' || role === 'unitHead' ? OWN : undefined,
});
const assigned = new Set([OWN]);

/** Expected answers for the own unit (or an assigned one) and for another unit. */
const MATRIX: Record<Action, Record<Role, [own: boolean, other: boolean]>> = {
  administer: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    viewer: [false, false],
  },
  readAudit: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    viewer: [false, false],
  },
  readAssessment: {
    administrator: [true, true],
    unitOfficer: [true, false],
    unitHead: [true, false],
    appraiser: [true, false],
    councilMember: [true, true],
    surveyClerk: [false, false],
    viewer: [false, false],
  },
  editSelfAssessment: {
    administrator: [false, false],
    unitOfficer: [true, false],
    unitHead: [true, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    viewer: [false, false],
  },
  submitAssessment: {
    administrator: [false, false],
    unitOfficer: [false, false],
    unitHead: [true, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    viewer: [false, false],
  },
  respondExplanation: {
    administrator: [false, false],
    unitOfficer: [true, false],
    unitHead: [true, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    viewer: [false, false],
  },
  appraise: {
    administrator: [false, false],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [true, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    viewer: [false, false],
  },
  readResultsPreview: {
    administrator: [true, true],
    unitOfficer: [true, false],
    unitHead: [true, false],
    appraiser: [true, false],
    councilMember: [true, true],
    surveyClerk: [false, false],
    viewer: [false, false],
  },
  approveResults: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [true, true],
    surveyClerk: [false, false],
    viewer: [false, false],
  },
  publish: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    viewer: [false, false],
  },
  correctResults: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    viewer: [false, false],
  },
  enterSurveyResponses: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [true, true],
    viewer: [false, false],
  },
  readSurveyResults: {
    administrator: [true, true],
    unitOfficer: [true, false],
    unitHead: [true, false],
    appraiser: [false, false],
    councilMember: [true, true],
    surveyClerk: [false, false],
    viewer: [false, false],
  },
};

describe('access policy: every action × role × own/other unit', () => {
  for (const [action, byRole] of Object.entries(MATRIX) as [
    Action,
    Record<Role, [boolean, boolean]>,
  ][]) {
    for (const role of ROLES) {
      it(`${role} ${action}`, () => {
        const [own, other] = byRole[role];
        expect(can(actor(role), action, { unitId: OWN, assignedUnitIds: assigned })).toBe(own);
        expect(can(actor(role), action, { unitId: OTHER, assignedUnitIds: assigned })).toBe(other);
      });
    }
  }

  it('gives a unit role nothing without a unit', () => {
    expect(
      can({ userId: 'u', role: 'unitOfficer', unitId: undefined }, 'readAssessment', {
        unitId: undefined,
      }),
    ).toBe(false);
  });
});
