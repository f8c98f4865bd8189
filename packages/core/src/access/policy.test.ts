import { describe, expect, it } from 'vitest';
import {
  can,
  ROLES,
  SECRETARIAT_ROLES,
  UNIT_ROLES,
  type Action,
  type Actor,
  type Role,
} from './policy.js';

const OWN = 'so-noi-vu';
const OTHER = 'so-y-te';
const actor = (role: Role): Actor => ({
  userId: 'u',
  role,
  unitId: UNIT_ROLES.includes(role) ? OWN : undefined,
  officeId: role === 'officeStaff' ? OFFICE : undefined,
});
const OFFICE = 'phong-tu-phap';
/** What an action is about is in the charge of the actor's office (for office-scoped rules). */
const offices = new Set([OFFICE]);
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
    officeStaff: [false, false],
    viewer: [false, false],
  },
  readAudit: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  readAssessment: {
    administrator: [true, true],
    unitOfficer: [true, false],
    unitHead: [true, false],
    appraiser: [true, false],
    councilMember: [true, true],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  editSelfAssessment: {
    administrator: [false, false],
    unitOfficer: [true, false],
    unitHead: [true, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  submitAssessment: {
    administrator: [false, false],
    unitOfficer: [false, false],
    unitHead: [true, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  respondExplanation: {
    administrator: [false, false],
    unitOfficer: [true, false],
    unitHead: [true, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  appraise: {
    administrator: [false, false],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [true, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  readResultsPreview: {
    administrator: [true, true],
    unitOfficer: [true, false],
    unitHead: [true, false],
    appraiser: [true, false],
    councilMember: [true, true],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  approveResults: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [true, true],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  readCouncilDecision: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [true, true],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  publish: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  correctResults: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  readResultsReport: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [true, true],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  editResultsReport: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  enterSurveyResponses: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [true, true],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  readSurveyResults: {
    administrator: [true, true],
    unitOfficer: [true, false],
    unitHead: [true, false],
    appraiser: [false, false],
    councilMember: [true, true],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  manageStatistics: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  manageOffices: {
    administrator: [true, true],
    unitOfficer: [true, false],
    unitHead: [true, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  readImprovement: {
    administrator: [true, true],
    unitOfficer: [true, false],
    unitHead: [true, false],
    appraiser: [false, false],
    councilMember: [true, true],
    surveyClerk: [false, false],
    officeStaff: [true, false],
    viewer: [false, false],
  },
  editImprovement: {
    administrator: [false, false],
    unitOfficer: [true, false],
    unitHead: [true, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  approvePlan: {
    administrator: [false, false],
    unitOfficer: [false, false],
    unitHead: [true, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    officeStaff: [false, false],
    viewer: [false, false],
  },
  reportTask: {
    administrator: [false, false],
    unitOfficer: [true, false],
    unitHead: [true, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    officeStaff: [true, false],
    viewer: [false, false],
  },
  dispatchTasks: {
    administrator: [true, true],
    unitOfficer: [false, false],
    unitHead: [false, false],
    appraiser: [false, false],
    councilMember: [false, false],
    surveyClerk: [false, false],
    officeStaff: [false, false],
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
        const about = { assignedUnitIds: assigned, officeIds: offices };
        expect(can(actor(role), action, { unitId: OWN, ...about })).toBe(own);
        expect(can(actor(role), action, { unitId: OTHER, ...about })).toBe(other);
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

  it("lets an office's staff report only on what their own office is in charge of", () => {
    const staff = actor('officeStaff');
    expect(can(staff, 'reportTask', { unitId: OWN, officeIds: new Set(['phong-khac']) })).toBe(
      false,
    );
    expect(can(staff, 'reportTask', { unitId: OWN })).toBe(false);
    expect(
      can({ ...staff, officeId: undefined }, 'reportTask', { unitId: OWN, officeIds: offices }),
    ).toBe(false);
  });
});

describe('access policy: a secretariat acts on its unit subtree', () => {
  const PROVINCE = 'tinh';
  const DISTRICT = 'huyen-a';
  const SIBLING = 'huyen-b';
  /** A commune of district A: its chain up to the province. */
  const insideA = [`xa-a1`, DISTRICT, PROVINCE];
  const insideB = [`xa-b1`, SIBLING, PROVINCE];
  const district = (role: Role): Actor => ({ userId: 'd', role, unitId: DISTRICT });
  const scoped: [Role, Action][] = [
    ['administrator', 'administer'],
    ['administrator', 'publish'],
    ['administrator', 'readAudit'],
    ['councilMember', 'approveResults'],
    ['councilMember', 'readAssessment'],
    ['surveyClerk', 'enterSurveyResponses'],
  ];

  it('names the four secretariat roles', () => {
    expect([...SECRETARIAT_ROLES].sort()).toEqual(
      ['administrator', 'appraiser', 'councilMember', 'surveyClerk'].sort(),
    );
  });

  for (const [role, action] of scoped) {
    it(`${role} of a district: ${action} on its own subtree only`, () => {
      expect(can(district(role), action, { within: insideA })).toBe(true);
      expect(can(district(role), action, { within: [DISTRICT, PROVINCE] })).toBe(true);
      expect(can(district(role), action, { within: insideB })).toBe(false);
      expect(can(district(role), action, { within: [PROVINCE] })).toBe(false);
      expect(can(district(role), action, {})).toBe(false);
      expect(can(district(role), action, { within: [] })).toBe(false);
    });

    it(`${role} of the install: ${action} everywhere`, () => {
      const install: Actor = { userId: 'p', role, unitId: undefined };
      expect(can(install, action, { within: insideA })).toBe(true);
      expect(can(install, action, { within: insideB })).toBe(true);
      expect(can(install, action, {})).toBe(true);
    });
  }

  it('keeps an appraiser on the units assigned to it, whatever its secretariat', () => {
    const appraiser = district('appraiser');
    const assignedA = new Set(['xa-a1']);
    expect(
      can(appraiser, 'appraise', { unitId: 'xa-a1', assignedUnitIds: assignedA, within: insideA }),
    ).toBe(true);
    expect(
      can(appraiser, 'appraise', { unitId: 'xa-a2', assignedUnitIds: assignedA, within: insideA }),
    ).toBe(false);
  });

  it('does not widen a unit role by a chain', () => {
    const officer: Actor = { userId: 'o', role: 'unitOfficer', unitId: DISTRICT };
    expect(can(officer, 'readAssessment', { unitId: 'xa-a1', within: insideA })).toBe(false);
  });
});
