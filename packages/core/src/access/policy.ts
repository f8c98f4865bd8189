/** Roles of the people who use chiso; see DESIGN.md "Who uses it". */
export const ROLES = [
  'administrator',
  'unitOfficer',
  'unitHead',
  'appraiser',
  'councilMember',
  'surveyClerk',
  'officeStaff',
  'viewer',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Quản trị (cơ quan thường trực CCHC)',
  unitOfficer: 'Cán bộ đầu mối CCHC của đơn vị',
  unitHead: 'Thủ trưởng đơn vị',
  appraiser: 'Thành viên Tổ thẩm định',
  councilMember: 'Thành viên Hội đồng',
  surveyClerk: 'Nhân viên nhập phiếu khảo sát',
  officeStaff: 'Cán bộ phòng, ban, đơn vị trực thuộc',
  viewer: 'Người xem',
};

/** Roles that belong to one unit and see only that unit until publication. */
export const UNIT_ROLES: readonly Role[] = ['unitOfficer', 'unitHead', 'officeStaff'];

/**
 * Roles of a secretariat (cơ quan thường trực): the install's own when the account names no
 * unit, a unit's (a district's Phòng Nội vụ) when it does; the latter act on that unit's subtree.
 */
export const SECRETARIAT_ROLES: readonly Role[] = [
  'administrator',
  'appraiser',
  'councilMember',
  'surveyClerk',
];

/**
 * Roles offered two-factor sign-in (TOTP, decision 0036): those whose account changes what every
 * unit gets — accounts and frameworks, appraised points, the council's approval.
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['administrator', 'appraiser', 'councilMember'];

/** Roles whose account names an office inside its unit. */
export const OFFICE_ROLES: readonly Role[] = ['officeStaff'];

export type Action =
  /** Units, lineage, accounts, frameworks, periods and windows. */
  | 'administer'
  /** Read the audit trail of everything. */
  | 'readAudit'
  /** Read a unit's self-assessment, evidence and appraisal. */
  | 'readAssessment'
  /** Enter facts, points and explanations; upload and link evidence. */
  | 'editSelfAssessment'
  /** Submit the unit's self-assessment (the head approves it). */
  | 'submitAssessment'
  /** Answer appraised points in the explanation round (giải trình). */
  | 'respondExplanation'
  /** Set appraised points and comments, request supplements, finalise a unit. */
  | 'appraise'
  /** Read computed results before publication. */
  | 'readResultsPreview'
  /** Record the council's decision and approve the results. */
  | 'approveResults'
  /** Download the council's decision approving and publishing the index (.docx). */
  | 'readCouncilDecision'
  /** Publish approved results. */
  | 'publish'
  /** Correct published results: change a leaf's outcome, issue an erratum (đính chính). */
  | 'correctResults'
  /** Read the results report of an approved or published period (Word, its appendix). */
  | 'readResultsReport'
  /** Write what the secretariat enters for the results report (issuer, narrative…). */
  | 'editResultsReport'
  /** Enter paper survey forms, re-check them, import the post office's delivery. */
  | 'enterSurveyResponses'
  /** Read survey response rates, SIPAS indices and survey points. */
  | 'readSurveyResults'
  /** Keep a unit's offices and who leads each criterion (issue 10). */
  | 'manageOffices'
  /** Read a unit's monitoring, improvement plan and tasks. */
  | 'readImprovement'
  /** Record monitoring snapshots, edit the plan, create and assign the unit's tasks. */
  | 'editImprovement'
  /** Approve the unit's improvement plan (the head). */
  | 'approvePlan'
  /** Report progress on a task, with evidence: the office in charge or the unit's focal point. */
  | 'reportTask'
  /** Give units tasks as their higher authority (a dispatch of several tasks at once). */
  | 'dispatchTasks'
  /** Import the one-stop system's procedure statistics and read them per period (issue 12). */
  | 'manageStatistics';

export interface Actor {
  userId: string;
  role: Role;
  /**
   * The unit of a unit officer, head or office's staff; for a secretariat role, the unit whose
   * secretariat it belongs to (undefined: the install's own, acting everywhere).
   */
  unitId: string | undefined;
  /** The office of an office's staff, inside unitId. */
  officeId?: string | undefined;
}

export interface AccessTarget {
  /** The unit the action is about, if any. */
  unitId?: string | undefined;
  /** Units assigned to the actor for appraisal in the period concerned. */
  assignedUnitIds?: ReadonlySet<string> | undefined;
  /** The offices in charge of what the action is about (a task's lead and supporting offices). */
  officeIds?: ReadonlySet<string> | undefined;
  /**
   * The chain of unit ids from the thing's owning unit up to the root: the period's owner for
   * anything inside a period, the unit itself for a unit, its accounts and offices. Absent or
   * empty: the thing belongs to the install (only the install's secretariat reaches it).
   */
  within?: readonly string[] | undefined;
}

/** 'subtree': a secretariat's reach (everything for the install's, a unit's subtree otherwise). */
type Scope = 'subtree' | 'own' | 'assigned' | 'office';

const RULES: Record<Role, Partial<Record<Action, Scope>>> = {
  administrator: {
    administer: 'subtree',
    readAudit: 'subtree',
    readAssessment: 'subtree',
    readResultsPreview: 'subtree',
    approveResults: 'subtree',
    readCouncilDecision: 'subtree',
    publish: 'subtree',
    correctResults: 'subtree',
    readResultsReport: 'subtree',
    editResultsReport: 'subtree',
    enterSurveyResponses: 'subtree',
    readSurveyResults: 'subtree',
    manageOffices: 'subtree',
    readImprovement: 'subtree',
    dispatchTasks: 'subtree',
    manageStatistics: 'subtree',
  },
  unitOfficer: {
    readAssessment: 'own',
    editSelfAssessment: 'own',
    respondExplanation: 'own',
    readResultsPreview: 'own',
    readSurveyResults: 'own',
    manageOffices: 'own',
    readImprovement: 'own',
    editImprovement: 'own',
    reportTask: 'own',
  },
  unitHead: {
    readAssessment: 'own',
    editSelfAssessment: 'own',
    submitAssessment: 'own',
    respondExplanation: 'own',
    readResultsPreview: 'own',
    readSurveyResults: 'own',
    manageOffices: 'own',
    readImprovement: 'own',
    editImprovement: 'own',
    approvePlan: 'own',
    reportTask: 'own',
  },
  appraiser: {
    readAssessment: 'assigned',
    appraise: 'assigned',
    readResultsPreview: 'assigned',
  },
  councilMember: {
    readAssessment: 'subtree',
    readResultsPreview: 'subtree',
    approveResults: 'subtree',
    readCouncilDecision: 'subtree',
    readResultsReport: 'subtree',
    readSurveyResults: 'subtree',
    readImprovement: 'subtree',
  },
  surveyClerk: {
    enterSurveyResponses: 'subtree',
  },
  officeStaff: {
    readImprovement: 'own',
    reportTask: 'office',
  },
  viewer: {},
};

/**
 * Whether an actor may take an action on a target. Unit roles act on their own unit only;
 * appraisers on the units assigned to them; an office's staff on what their office is in
 * charge of; a secretariat on its unit's subtree (the install's on everything).
 */
export function can(actor: Actor, action: Action, target: AccessTarget = {}): boolean {
  const scope = RULES[actor.role][action];
  switch (scope) {
    case undefined:
      return false;
    case 'subtree':
      return actor.unitId === undefined || (target.within?.includes(actor.unitId) ?? false);
    case 'own':
      return target.unitId !== undefined && target.unitId === actor.unitId;
    case 'assigned':
      return target.unitId !== undefined && (target.assignedUnitIds?.has(target.unitId) ?? false);
    case 'office':
      return (
        target.unitId !== undefined &&
        target.unitId === actor.unitId &&
        actor.officeId !== undefined &&
        (target.officeIds?.has(actor.officeId) ?? false)
      );
  }
}

/** The actions a role may take at all (for shaping navigation). */
export function actionsOf(role: Role): Action[] {
  return Object.keys(RULES[role]) as Action[];
}
