import type { ParticipationStatus, PeriodStatus, Role, RuleJson, WindowKind } from '@chiso/core';

export interface User {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unitId: string | null;
  active?: boolean;
}

export interface Unit {
  id: string;
  name: string;
  type: string;
  parentId: string | null;
  peerGroup: string;
  activeFrom: string | null;
  activeTo: string | null;
}

export interface LineageRow {
  unitId: string;
  fromUnitId: string;
  kind: string;
  effectiveOn: string;
  isPrimary: boolean;
}

export interface FrameworkRow {
  id: string;
  name: string;
  year: number;
  unitType: string;
  pointsDecimals: number;
  copiedFromId: string | null;
  updatedAt: string;
  /** "needsReview" from a copy until the administrator confirms; such a framework opens no period. */
  reviewStatus: 'reviewed' | 'needsReview';
}

export interface FrameworkNodeView {
  code: string;
  title: string;
  depth: number;
  level: string;
  parent: string | null;
  maxPoints: string;
  isLeaf: boolean;
  rule: RuleJson | null;
  ruleText: string | null;
  evidence: string[];
  appliesTo: string[];
  guidance: string | null;
}

export interface FrameworkView {
  id: string;
  name: string;
  year: number;
  unitType: string;
  pointsDecimals: number;
  maxPoints: string;
  policy: unknown;
  nodes: FrameworkNodeView[];
  previousFrameworkId: string | null;
  review: FrameworkReview;
}

/** What copying moved and what it left to check (decision 0013). */
export interface FrameworkReview {
  status: 'reviewed' | 'needsReview';
  statusLabel: string;
  reviewedAt: string | null;
  copy: {
    fromId: string;
    fromName: string;
    fromYear: number;
    toYear: number;
    name: { from: string; to: string } | null;
    dates: { code: string; field: string; from: string; to: string }[];
    checks: {
      code: string;
      field: string;
      kind: 'leapDay' | 'leapYear' | 'yearInText';
      found: string;
      suggestion: string;
      excerpt: string;
      message: string;
    }[];
  } | null;
}

export type CodeMapKind = 'unchanged' | 'renumbered' | 'merged' | 'split' | 'dropped' | 'new';

/** Last year's leaf codes → this year's, as the server checked and completed them. */
export interface CodeMapView {
  frameworkId: string;
  year: number;
  previous: { id: string; name: string; year: number } | null;
  stored: boolean;
  editable: boolean;
  usedBy: string[];
  candidates: { id: string; name: string; year: number }[];
  oldLeaves: { code: string; title: string }[];
  newLeaves: { code: string; title: string }[];
  links: {
    oldCode: string | null;
    oldTitle: string | null;
    newCode: string | null;
    newTitle: string | null;
    kind: CodeMapKind;
    kindLabel: string;
  }[];
}

export interface WindowView {
  kind: WindowKind;
  label: string;
  opensAt: string | null;
  closesAt: string | null;
  extendedTo: string | null;
  open: boolean;
}

export interface PeriodSummary {
  id: string;
  name: string;
  year: number;
  status: PeriodStatus;
  statusLabel: string;
  councilDecisionNumber: string | null;
  councilDecisionDate: string | null;
  publishedAt: string | null;
}

export interface PeriodUnit {
  unitId: string;
  name: string;
  type: string | null;
  peerGroup: string | null;
  status: ParticipationStatus;
  statusLabel: string;
  submittedAt: string | null;
  extensions: { kind: WindowKind; closesAt: string; reason: string }[];
  appraisers?: { id: string; fullName: string }[];
}

export interface PeriodDetail extends PeriodSummary {
  windows: WindowView[];
  frameworks: { unitType: string; frameworkId: string }[];
  units: PeriodUnit[];
}

export interface EvidenceFile {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

export interface EntryView {
  code: string;
  version: number;
  facts: Record<string, unknown> | null;
  selfPoints: string | null;
  /** Scored from the period's survey answers: the unit does not enter it. */
  surveyFed?: boolean;
  explanation: string | null;
  evidence: { evidenceId: string; pageRef: string | null }[];
  appraisal: {
    /** What the appraisal decided: the unit's outcome, corrected facts, points, or none. */
    kind: AppraisalKind | null;
    kindLabel: string | null;
    points: string | null;
    facts: Record<string, unknown> | null;
    comment: string | null;
    supplementDeadline: string | null;
    supplementNote: string | null;
    disputed: boolean;
  } | null;
  response: string | null;
  /** Last year's points of this leaf, through the code map and unit lineage. */
  previous?: {
    year: number;
    points: string | null;
    maxPoints: string | null;
    status: 'scored' | 'missing' | 'notApplicable' | 'notComparable';
    kind: CodeMapKind;
    fromCodes: string[];
  } | null;
}

export type AppraisalKind = 'accepted' | 'facts' | 'points' | 'missing';

export interface AreaResultJson {
  code: string;
  title: string;
  points: number | null;
  maxPoints: number | null;
  applicable: boolean;
  percent: number | null;
  rank: number | null;
  previousPercent: number | null;
  percentChange: number | null;
}

export interface UnitResultJson {
  id: string;
  name: string;
  group: string | null;
  points: number | null;
  maxPoints: number | null;
  percent: number | null;
  rank: number | null;
  groupSize: number;
  band: string | null;
  previousId: string | null;
  previousRank: number | null;
  previousPercent: number | null;
  rankChange: number | null;
  percentChange: number | null;
  headRating: string | null;
  headRatingNote: string | null;
  flags: string[];
  flagDetails: { label: string; areaCodes: string[] }[];
  missing: string[];
  areas: AreaResultJson[];
  nodes: {
    code: string;
    points: number | null;
    maxPoints: number | null;
    applicable: boolean;
    status: string;
    explanation: string | null;
  }[];
  lostPoints: {
    code: string;
    title: string;
    maxPoints: number | null;
    points: number | null;
    lost: number | null;
    explanation: string | null;
  }[];
}

export interface Assessment {
  period: { id: string; name: string; year: number; status: PeriodStatus };
  unit: { id: string; name: string; type: string; peerGroup: string };
  participation: {
    status: ParticipationStatus;
    statusLabel: string;
    submittedAt: string | null;
    appraisedAt: string | null;
    finalisedAt: string | null;
  };
  windows: WindowView[];
  canAddEvidence: boolean;
  framework: FrameworkView;
  entries: EntryView[];
  evidence: EvidenceFile[];
  self: UnitResultJson;
  appraised: UnitResultJson | null;
  progress: { code: string; title: string; leaves: number; filled: number }[];
  submissionProblems: { code: string; message: string }[];
  /** Whose last published result "last year" is: the unit, or its predecessor. */
  previousSource?: { year: number; unitId: string; unitName: string } | null;
}

/** How a leaf of a unit came to its points: what the unit assessed, what the appraisal decided. */
export interface LeafStory {
  code: string;
  self: { status: string; points: number | null; explanation: string | null };
  appraisal: { kind: AppraisalKind; label: string; comment: string | null } | null;
  differs: boolean;
  surveyFed: boolean;
}

export interface ResultsGroup {
  unitType: string;
  label: string;
  framework: FrameworkView;
  results: { framework: { name: string; maxPoints: number | null }; units: UnitResultJson[] };
  /** Per unit id (absent for publications made before chiso kept them). */
  details: Record<string, LeafStory[]> | null;
}

export interface PublicationView {
  version: number;
  decisionNumber: string | null;
  decisionDate: string | null;
  reason: string | null;
  publishedAt: string;
  superseded: boolean;
  supersededAt: string | null;
  erratum: boolean;
}

export interface ResultsView {
  period: {
    id: string;
    name: string;
    year: number;
    status: PeriodStatus;
    councilDecisionNumber: string | null;
    councilDecisionDate: string | null;
    publishedAt: string | null;
  };
  published: boolean;
  /** The publication shown (null before publication). */
  publication: PublicationView | null;
  /** Every publication of the period, newest first. */
  publications: PublicationView[];
  groups: ResultsGroup[];
}

export interface UnitFigures {
  points: number | null;
  maxPoints: number | null;
  percent: number | null;
  rank: number | null;
  band: string | null;
  headRating: string | null;
}

export interface ErratumPreview {
  publication: PublicationView;
  changes: {
    unitType: string;
    unitId: string;
    name: string;
    before: UnitFigures | null;
    after: UnitFigures | null;
    leaves: {
      code: string;
      before: { status: string; points: number | null } | null;
      after: { status: string; points: number | null } | null;
    }[];
  }[];
  /** Sent back with the erratum: what was previewed is what gets published. */
  fingerprint: string;
  corrections: {
    at: string;
    actor: string | null;
    /** A repair of stored data by an upgrade of chiso, not a person's correction. */
    repair: boolean;
    unitId: string | null;
    unitName: string | null;
    code: string | null;
    reason: string | null;
  }[];
}

/** One step of a leaf's history as the server presents it (see server audit/present-history). */
export interface HistoryRow {
  id: number;
  at: string;
  /** "20/01/2027 14:05", Vietnam time. */
  when: string;
  actor: string;
  action: string;
  actionLabel: string;
  changes: { label: string; before?: string; after: string }[];
  /** Administrators only. */
  ip?: string;
}
