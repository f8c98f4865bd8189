import type { EvidenceRow } from '../../repositories/evidence.js';

/** An evidence file as the contract shows it. */
export function presentEvidence(row: EvidenceRow) {
  return {
    id: row.id,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt,
  };
}
