import { formatDocumentPoints, formatPoints } from '../format/format.js';
import { LOSS_REASON_LABELS, type AreaExpectation, type LeafAtRisk } from './monitoring.js';

/** The office names of a unit, by id, for the sentences. */
export type OfficeNames = ReadonlyMap<string, string>;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** "chỉ đánh giá được cuối năm: báo cáo nộp tháng 12", or the free text alone for "other". */
export function reasonText(leaf: Pick<LeafAtRisk, 'reason' | 'reasonText'>): string | null {
  const label =
    leaf.reason && leaf.reason !== 'other' ? lowerFirst(LOSS_REASON_LABELS[leaf.reason]) : null;
  const free = leaf.reasonText?.trim() || null;
  if (label && free) return `${label}: ${free}`;
  return label ?? free;
}

/**
 * An area's heading as seed 000 writes it: "Lĩnh vực 1. Công tác chỉ đạo, điều hành CCHC: điểm
 * tự chấm đạt 10/13 điểm; 03 điểm chưa đạt, cụ thể như sau:".
 */
export function areaSentence(area: AreaExpectation, ordinal: number): string {
  const head = `Lĩnh vực ${ordinal}. ${area.title}: điểm tự chấm đạt ${formatPoints(area.expectedPoints)}/${formatPoints(area.maxPoints)} điểm`;
  if (area.atRisk.units <= 0) return `${head}.`;
  return `${head}; ${formatDocumentPoints(area.atRisk)} điểm chưa đạt, cụ thể như sau:`;
}

/**
 * A leaf at risk as seed 000 lists it: "+ 01 điểm Mục 1.1.3 Mức độ hoàn thành kế hoạch CCHC,
 * lý do: chỉ đánh giá được cuối năm (Phòng Nội vụ)."
 */
export function leafSentence(leaf: LeafAtRisk, offices: OfficeNames): string {
  const reason = reasonText(leaf);
  const office = leaf.officeId ? offices.get(leaf.officeId) : undefined;
  return [
    `+ ${formatDocumentPoints(leaf.atRisk)} điểm Mục ${leaf.code} ${leaf.title}`,
    reason ? `, lý do: ${reason}` : '',
    office ? ` (${office})` : '',
    '.',
  ].join('');
}
