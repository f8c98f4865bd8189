import {
  Decimal,
  formatDocumentDate,
  formatExact,
  formatPercent,
  LOSS_REASON_LABELS,
} from '@chiso/core';
import type { Document } from 'docx';
import type { SnapshotView } from '../use-cases/monitoring/snapshot-view.js';
import {
  bodyText,
  closing,
  documentHeading,
  gridTable,
  officialDocument,
  paragraph,
  type TableColumn,
} from './official-document.js';
import { defaultSignature } from './plan-document.js';

export interface MonitoringDocumentMeta {
  /** The province's people's committee above the unit ("UBND tỉnh Hòa An"), if any. */
  parentAuthority?: string | undefined;
  place: string;
  /** "2026-10-05": the date the report is signed. */
  date: string;
}

const exact = (text: string | null) => (text === null ? '' : formatExact(Decimal.of(text)));

const COLUMNS: TableColumn[] = [
  { header: 'Mục', width: 7, align: 'center' },
  { header: 'Tiêu chí, tiêu chí thành phần', width: 33 },
  { header: 'Điểm tối đa', width: 8, align: 'center' },
  { header: 'Điểm dự kiến', width: 8, align: 'center' },
  { header: 'Điểm có thể mất', width: 8, align: 'center' },
  { header: 'Lý do', width: 22 },
  { header: 'Phòng, ban chịu trách nhiệm', width: 14 },
];

/**
 * A unit's mid-year monitoring as the report it files (seed 000): the expected result, the
 * appendix "Những nội dung … dự kiến bị mất điểm" area by area and leaf by leaf, and the table
 * of every leaf with points at risk on a landscape page.
 */
export function monitoringDocument(view: SnapshotView, meta: MonitoringDocumentMeta): Document {
  const officeName = new Map(view.offices.map((office) => [office.id, office.name]));
  const period = `${view.title.toLowerCase()} năm ${view.framework.year}`;
  const index = view.total.expectedIndex === null ? null : Decimal.of(view.total.expectedIndex);
  const main = [
    ...documentHeading({
      parentAuthority: meta.parentAuthority,
      issuer: view.unit.name,
      number: 'Số:        /BC',
      place: meta.place,
      dateText: formatDocumentDate(meta.date),
      kind: 'BÁO CÁO',
      summary: `Kết quả tự theo dõi, đánh giá Chỉ số cải cách hành chính ${period}`,
    }),
    bodyText(
      `Tính đến ngày ${formatDocumentDate(view.asOf).replace(/^ngày /, '')}, ${view.unit.name} tự đánh giá dự kiến đạt ${exact(view.total.expectedPoints)}/${exact(view.total.maxPoints)} điểm${index ? ` (${formatPercent(index)})` : ''}; ${exact(view.total.atRisk)} điểm có nguy cơ bị mất, cụ thể tại Phụ lục kèm theo.`,
    ),
    bodyText(
      'Các phòng, ban được phân công chủ động rà soát, khẩn trương khắc phục những nội dung dự kiến mất điểm thuộc lĩnh vực mình phụ trách, bổ sung tài liệu kiểm chứng và báo cáo kết quả thực hiện./.',
    ),
    paragraph('', { after: 6 }),
    closing(['Như trên;', 'Lưu: VT.'], defaultSignature(view.unit.name)),
  ];
  const appendix = [
    paragraph('PHỤ LỤC', { bold: true, align: 'center', after: 0 }),
    paragraph(`Những nội dung tiêu chí, tiêu chí thành phần dự kiến bị mất điểm ${period}`, {
      bold: true,
      align: 'center',
      after: 12,
    }),
    ...view.areas.flatMap((area) => [
      bodyText(`- ${area.sentence}`),
      ...area.leaves.map((leaf) => bodyText(leaf.sentence)),
    ]),
    paragraph('', { after: 6 }),
    gridTable(
      COLUMNS,
      view.nodes
        .filter((node) => node.leaf && node.atRisk !== null && Decimal.of(node.atRisk).units > 0)
        .map((node) => ({
          cells: [
            node.code,
            node.title,
            exact(node.maxPoints),
            exact(node.expectedPoints),
            exact(node.atRisk),
            [
              node.reason ? LOSS_REASON_LABELS[node.reason] : '',
              node.reasonText ? `${node.reason ? ': ' : ''}${node.reasonText}` : '',
            ].join(''),
            node.officeId ? (officeName.get(node.officeId) ?? '') : '',
          ],
        })),
    ),
  ];
  return officialDocument([{ children: main }, { children: appendix, landscape: true }]);
}
