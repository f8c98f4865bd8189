import type { EntryRow } from '../../repositories/entries.js';

type Facts = Record<string, unknown>;

/**
 * A leaf's entry after a change (self-assessment, appraisal, explanation, correction), as the
 * writer gets it back: the stored columns the contract names, its version first of all.
 */
export function presentStoredEntry(row: EntryRow) {
  return {
    periodId: row.periodId,
    unitId: row.unitId,
    code: row.code,
    version: row.version,
    // jsonb columns: facts are written from the rules' facts schemas, objects by fact name.
    facts: row.facts as Facts | null,
    selfPoints: row.selfPoints,
    selfExplanation: row.selfExplanation,
    selfUpdatedAt: row.selfUpdatedAt,
    selfUpdatedBy: row.selfUpdatedBy,
    appraisalKind: row.appraisalKind,
    appraisedFacts: row.appraisedFacts as Facts | null,
    appraisedPoints: row.appraisedPoints,
    appraisalComment: row.appraisalComment,
    appraisedAt: row.appraisedAt,
    appraisedBy: row.appraisedBy,
    supplementDeadline: row.supplementDeadline,
    supplementNote: row.supplementNote,
    response: row.response,
    respondedAt: row.respondedAt,
    respondedBy: row.respondedBy,
  };
}
