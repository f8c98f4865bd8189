import { Decimal, formatDate, formatExact, LOSS_REASON_LABELS } from '@chiso/core';
import { buildSheetsWorkbook, workbookBytes } from '../../spreadsheet/write-sheets.js';
import type { SnapshotView } from './snapshot-view.js';

const points = (text: string | null) => (text === null ? null : Number(text));

/**
 * A snapshot as offices file it: the appendix of seed 000 in sentences, then every leaf with
 * its max, expected points, points at risk, reason and office.
 */
export async function snapshotWorkbook(view: SnapshotView): Promise<Buffer> {
  const officeName = new Map(view.offices.map((office) => [office.id, office.name]));
  const heading = `${view.title} — ${view.unit.name} (đến ngày ${formatDate(view.asOf)})`;
  const appendix: (string | null)[][] = [[heading]];
  for (const area of view.areas) {
    appendix.push([`- ${area.sentence}`]);
    for (const leaf of area.leaves) appendix.push([leaf.sentence]);
  }
  appendix.push([
    `Tổng điểm dự kiến: ${formatExact(Decimal.of(view.total.expectedPoints))}/${formatExact(Decimal.of(view.total.maxPoints))} điểm.`,
  ]);
  const table: (string | number | null)[][] = [
    [
      'Mã',
      'Lĩnh vực/Tiêu chí/Tiêu chí thành phần',
      'Điểm tối đa',
      'Điểm dự kiến',
      'Điểm có thể mất',
      'Lý do',
      'Ghi rõ',
      'Phòng, ban chịu trách nhiệm',
      'Căn cứ dự kiến',
    ],
  ];
  for (const node of view.nodes) {
    table.push([
      node.code,
      node.title,
      points(node.maxPoints),
      node.leaf ? (node.applicable ? points(node.expectedPoints) : 'Không áp dụng') : null,
      node.leaf ? points(node.atRisk) : null,
      node.reason ? LOSS_REASON_LABELS[node.reason] : null,
      node.reasonText,
      node.officeId ? (officeName.get(node.officeId) ?? null) : null,
      node.sourceLabel,
    ]);
  }
  return workbookBytes(
    buildSheetsWorkbook([
      { sheet: 'Phụ lục', rows: appendix },
      { sheet: 'Chi tiết', rows: table },
    ]),
  );
}
