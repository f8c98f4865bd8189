import { decimalInput, PARTICIPATION_STATUSES, PERIOD_STATUSES, TASK_STATUSES } from '@chiso/core';
import { z } from 'zod';
import { decimalString, isoDate, isoDateTime, uuidOf, versionInput } from './common.js';
import { codeMapKind, frameworkResponse } from './frameworks.js';
import { vietnamTime, windowResponse } from './periods.js';
import { appraisalKind, unitResultResponse } from './results.js';
import { statisticFeedResponse } from './statistics.js';

const version = versionInput(0);
const facts = z.record(z.string(), z.unknown());

export const evidenceParams = z.object({ id: uuidOf('tài liệu kiểm chứng') });

export const saveSelfEntryBody = z.object({
  facts: facts.nullable().optional(),
  points: decimalInput.optional(),
  explanation: z.string().max(10_000).nullable().optional(),
  version,
});

export const linkEvidenceBody = z.object({
  evidenceId: z.uuid(),
  pageRef: z.string().max(500).nullable().optional(),
  remove: z.boolean().optional(),
});

export const appraiseEntryBody = z.object({
  points: decimalInput.optional(),
  facts: facts.optional(),
  outcome: z.enum(['accepted', 'missing']).optional(),
  comment: z.string().max(10_000).nullable().optional(),
  supplementDeadline: vietnamTime.nullable().optional(),
  supplementNote: z.string().max(5000).nullable().optional(),
  version,
});

export const respondExplanationBody = z.object({
  response: z.string().trim().min(1, 'nhập nội dung giải trình').max(10_000),
  version,
});

/** A file of evidence kept for a unit (the same file twice is kept once). */
export const evidenceResponse = z.strictObject({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: isoDateTime,
});

export const uploadEvidenceResponse = z.strictObject({
  evidence: evidenceResponse,
  /** The unit had this very file already: 200 instead of 201, nothing stored again. */
  duplicate: z.boolean(),
});

/**
 * A leaf's entry as stored, after a change (self-assessment, appraisal, explanation,
 * correction): what the writer needs to go on, its version first of all.
 */
export const storedEntryResponse = z.strictObject({
  periodId: z.uuid(),
  unitId: z.string(),
  code: z.string(),
  version: z.number().int(),
  facts: facts.nullable(),
  selfPoints: decimalString.nullable(),
  selfExplanation: z.string().nullable(),
  selfUpdatedAt: isoDateTime.nullable(),
  selfUpdatedBy: z.uuid().nullable(),
  appraisalKind: appraisalKind.nullable(),
  appraisedFacts: facts.nullable(),
  appraisedPoints: decimalString.nullable(),
  appraisalComment: z.string().nullable(),
  appraisedAt: isoDateTime.nullable(),
  appraisedBy: z.uuid().nullable(),
  supplementDeadline: isoDateTime.nullable(),
  supplementNote: z.string().nullable(),
  response: z.string().nullable(),
  respondedAt: isoDateTime.nullable(),
  respondedBy: z.uuid().nullable(),
});

/**
 * The unit's tasks serving a leaf whose rule counts items (decision 0018): the count that can
 * go into the leaf's facts and the list behind it. Only on such leaves; null elsewhere.
 */
export const leafTasksResponse = z.strictObject({
  /** The fact the count goes into ("occurrences" of a deduction, "onTime" of a count). */
  fact: z.enum(['occurrences', 'onTime']),
  /** Which tasks are counted: late ones (overdue and done late) or those done on time. */
  counts: z.enum(['late', 'doneOnTime']),
  count: z.number().int(),
  /** "3 nhiệm vụ quá hạn". */
  label: z.string(),
  tasks: z.array(
    z.strictObject({
      id: z.uuid(),
      title: z.string(),
      office: z.string().nullable(),
      deadline: isoDate,
      status: z.enum(TASK_STATUSES),
      statusLabel: z.string(),
      counted: z.boolean(),
    }),
  ),
});

/**
 * A file of the unit's finished tasks serving a leaf, offered as its evidence without uploading
 * again (decision 0020); `attached` once linked to the leaf.
 */
export const offeredEvidenceResponse = z.strictObject({
  evidence: evidenceResponse,
  attached: z.boolean(),
  /** The finished tasks holding the file (usually one). */
  tasks: z.array(
    z.strictObject({
      id: z.uuid(),
      title: z.string(),
      /** "1138/UBND-NC ngày 08/06/2023", as formatDocumentRef writes it. */
      documentText: z.string().nullable(),
      completedAt: isoDateTime,
      statusLabel: z.string(),
    }),
  ),
});

/** Where a leaf fed by lower units' published results takes them, and which units it took. */
export const lowerUnitsFeed = z.strictObject({
  /** In Vietnamese: the source publication, or what the leaf still waits for. */
  source: z.string(),
  published: z.boolean(),
  units: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      /** The index % exactly as published ("85.5"). */
      indexPercent: decimalString,
      band: z.string().nullable().optional(),
    }),
  ),
  publicationVersion: z.number().int().optional(),
  /** The source was corrected (erratum) after these results: "phiên bản N" says which. */
  changedSincePublished: z.boolean().optional(),
  /** The Vietnamese line saying so, when it changed. */
  changedNote: z.string().optional(),
});

/** A leaf's entry as the assessment page reads it; the appraisal once the unit may see it. */
export const entryResponse = z.strictObject({
  code: z.string(),
  version: z.number().int(),
  facts: facts.nullable(),
  selfPoints: decimalString.nullable(),
  /** Scored from the period's survey answers: the unit does not enter it. */
  surveyFed: z.boolean(),
  /** Scored from lower units' published results (decision 0025): nobody enters it. */
  lowerUnitsFeed: lowerUnitsFeed.optional(),
  /** Fed by a procedure (TTHC) statistic: the figure and its source; the unit may not change it. */
  statisticFeed: statisticFeedResponse.nullable().optional(),
  explanation: z.string().nullable(),
  evidence: z.array(z.strictObject({ evidenceId: z.uuid(), pageRef: z.string().nullable() })),
  appraisal: z
    .strictObject({
      /** What the appraisal decided: the unit's outcome, corrected facts, points, or none. */
      kind: appraisalKind.nullable(),
      kindLabel: z.string().nullable(),
      points: decimalString.nullable(),
      facts: facts.nullable(),
      comment: z.string().nullable(),
      supplementDeadline: isoDateTime.nullable(),
      supplementNote: z.string().nullable(),
      disputed: z.boolean(),
    })
    .nullable(),
  response: z.string().nullable(),
  /** Last year's points of this leaf, through the code map and unit lineage. */
  previous: z
    .strictObject({
      year: z.number().int(),
      points: decimalString.nullable(),
      maxPoints: decimalString.nullable(),
      status: z.enum(['scored', 'missing', 'notApplicable', 'notComparable']),
      kind: codeMapKind,
      fromCodes: z.array(z.string()),
    })
    .nullable(),
  /** The unit's tasks serving this leaf, when its rule counts them. */
  tasks: leafTasksResponse.nullable(),
  /** Files of finished tasks serving this leaf; only for those who may attach them. */
  taskEvidence: z.array(offeredEvidenceResponse),
});

/** A unit's whole assessment in a period. */
export const assessmentResponse = z.strictObject({
  period: z.strictObject({
    id: z.uuid(),
    name: z.string(),
    year: z.number().int(),
    status: z.enum(PERIOD_STATUSES),
  }),
  unit: z.strictObject({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    peerGroup: z.string(),
  }),
  participation: z.strictObject({
    status: z.enum(PARTICIPATION_STATUSES),
    statusLabel: z.string(),
    submittedAt: isoDateTime.nullable(),
    appraisedAt: isoDateTime.nullable(),
    finalisedAt: isoDateTime.nullable(),
  }),
  windows: z.array(windowResponse),
  canAddEvidence: z.boolean(),
  framework: frameworkResponse,
  entries: z.array(entryResponse),
  /** Whose last published result "last year" is: the unit, or its predecessor. */
  previousSource: z
    .strictObject({ year: z.number().int(), unitId: z.string(), unitName: z.string() })
    .nullable(),
  evidence: z.array(evidenceResponse),
  /** Task files (no period) linked to this period's leaves: read through the same route. */
  taskEvidence: z.array(evidenceResponse),
  /** The unit's own points; `appraised` once the unit may see the appraisal. */
  self: unitResultResponse,
  appraised: unitResultResponse.nullable(),
  progress: z.array(
    z.strictObject({
      code: z.string(),
      title: z.string(),
      leaves: z.number().int(),
      filled: z.number().int(),
    }),
  ),
  /** What still blocks submission, leaf by leaf. */
  submissionProblems: z.array(z.strictObject({ code: z.string(), message: z.string() })),
});

export const finaliseResponse = z.strictObject({
  status: z.enum(PARTICIPATION_STATUSES),
  /** Leaves accepted as the unit assessed them when the round closed. */
  accepted: z.number().int(),
});

/** One step of a leaf's history, ready to read (server audit/present-history). */
export const historyRowResponse = z.strictObject({
  id: z.number().int(),
  /** The instant, for machines; `when` is the same in Vietnam time, "20/01/2027 14:05". */
  at: isoDateTime,
  when: z.string(),
  actor: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  changes: z.array(
    z.strictObject({ label: z.string(), before: z.string().optional(), after: z.string() }),
  ),
  /** The address the change came from: administrators only. */
  ip: z.string().optional(),
});

export const historyResponse = z.array(historyRowResponse);

/** Who issues a document of one unit's assessment and where: the clerk fills in what is not given. */
export const unitDocumentQuery = z.object({
  /** The place on the date line ("Hòa An"). */
  place: z.string().trim().min(1).max(100).optional(),
  /** The issuer ("Tổ thẩm định Chỉ số CCHC tỉnh Hòa An"). */
  issuer: z.string().trim().min(1).max(200).optional(),
  /** The authority above it ("UBND tỉnh Hòa An"). */
  parentAuthority: z.string().trim().min(1).max(200).optional(),
});

/** The council's decision: who issues it, where, and who signs for the People's Committee. */
export const councilDecisionQuery = unitDocumentQuery.extend({
  /** The chairperson's full name under the signature. */
  signerName: z.string().trim().min(1).max(100).optional(),
});

export type SaveSelfEntryBody = z.input<typeof saveSelfEntryBody>;
export type LinkEvidenceBody = z.input<typeof linkEvidenceBody>;
export type AppraiseEntryBody = z.input<typeof appraiseEntryBody>;
export type RespondExplanationBody = z.input<typeof respondExplanationBody>;
export type EvidenceFile = z.output<typeof evidenceResponse>;
export type UploadedEvidence = z.output<typeof uploadEvidenceResponse>;
export type StoredEntry = z.output<typeof storedEntryResponse>;
export type EntryView = z.output<typeof entryResponse>;
export type LeafTasks = z.output<typeof leafTasksResponse>;
export type OfferedEvidence = z.output<typeof offeredEvidenceResponse>;
export type Assessment = z.output<typeof assessmentResponse>;
export type Finalised = z.output<typeof finaliseResponse>;
export type HistoryRow = z.output<typeof historyRowResponse>;
