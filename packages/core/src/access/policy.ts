/** Roles of the people who use chiso; see DESIGN.md "Who uses it". */
export const ROLES = [
  'administrator',
  'unitOfficer',
  'unitHead',
  'appraiser',
  'councilMember',
  'surveyClerk',
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
  viewer: 'Người xem',
};

/** Roles that belong to one unit and see only that unit until publication. */
export const UNIT_ROLES: readonly Role[] = ['unitOfficer', 'unitHead'];

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
  /** Publish approved results. */
  | 'publish'
  /** Correct published results: change a leaf's outcome, issue an erratum (đính chính). */
  | 'correctResults'
  /** Enter paper survey forms, re-check them, import the post office's delivery. */
  | 'enterSurveyResponses'
  /** Read survey response rates, SIPAS indices and survey points. */
  | 'readSurveyResults';

export interface Actor {
  userId: string;
  role: Role;
  /** The unit of a unit officer or head. */
  unitId: string | undefined;
}

export interface AccessTarget {
  /** The unit the action is about, if any. */
  unitId?: string | undefined;
  /** Units assigned to the actor for appraisal in the period concerned. */
  assignedUnitIds?: ReadonlySet<string> | undefined;
}

type Scope = 'all' | 'own' | 'assigned';

const RULES: Record<Role, Partial<Record<Action, Scope>>> = {
  administrator: {
    administer: 'all',
    readAudit: 'all',
    readAssessment: 'all',
    readResultsPreview: 'all',
    approveResults: 'all',
    publish: 'all',
    correctResults: 'all',
    enterSurveyResponses: 'all',
    readSurveyResults: 'all',
  },
  unitOfficer: {
    readAssessment: 'own',
    editSelfAssessment: 'own',
    respondExplanation: 'own',
    readResultsPreview: 'own',
    readSurveyResults: 'own',
  },
  unitHead: {
    readAssessment: 'own',
    editSelfAssessment: 'own',
    submitAssessment: 'own',
    respondExplanation: 'own',
    readResultsPreview: 'own',
    readSurveyResults: 'own',
  },
  appraiser: {
    readAssessment: 'assigned',
    appraise: 'assigned',
    readResultsPreview: 'assigned',
  },
  councilMember: {
    readAssessment: 'all',
    readResultsPreview: 'all',
    approveResults: 'all',
    readSurveyResults: 'all',
  },
  surveyClerk: {
    enterSurveyResponses: 'all',
  },
  viewer: {},
};

/**
 * Whether an actor may take an action on a target. Unit roles act on their own unit only;
 * appraisers on the units assigned to them; the rest as the table says.
 */
export function can(actor: Actor, action: Action, target: AccessTarget = {}): boolean {
  const scope = RULES[actor.role][action];
  switch (scope) {
    case undefined:
      return false;
    case 'all':
      return true;
    case 'own':
      return target.unitId !== undefined && target.unitId === actor.unitId;
    case 'assigned':
      return target.unitId !== undefined && (target.assignedUnitIds?.has(target.unitId) ?? false);
  }
}

/** The actions a role may take at all (for shaping navigation). */
export function actionsOf(role: Role): Action[] {
  return Object.keys(RULES[role]) as Action[];
}
