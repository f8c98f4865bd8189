import { formatDate } from '@chiso/core';
import type { PublicationRow } from '../../repositories/results.js';

/** A publication as readers see it: which decision, when, why, and whether still in force. */
export function presentPublication(row: PublicationRow) {
  return {
    version: row.version,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    reason: row.reason,
    publishedAt: row.publishedAt,
    superseded: row.supersededAt !== null,
    supersededAt: row.supersededAt,
    /** Version 1 is the council's decision; later ones correct it. */
    erratum: row.version > 1,
  };
}

export type PublicationView = ReturnType<typeof presentPublication>;

/** One line saying which publication a table is: what an export prints under its title. */
export function publicationHeading(publication: PublicationView | null): string {
  if (!publication) return 'Bản xem trước, chưa công bố';
  const decision = [
    publication.decisionNumber ? `Quyết định số ${publication.decisionNumber}` : 'quyết định',
    publication.decisionDate ? `ngày ${formatDate(publication.decisionDate)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const what = publication.erratum
    ? `Đính chính lần ${publication.version - 1} theo ${decision}${publication.reason ? ` — ${publication.reason}` : ''}`
    : `Công bố theo ${decision}`;
  return publication.superseded ? `BẢN ĐÃ ĐƯỢC ĐÍNH CHÍNH, KHÔNG CÒN HIỆU LỰC — ${what}` : what;
}
