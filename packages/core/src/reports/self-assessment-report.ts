import { Decimal } from '../decimal/decimal.js';
import {
  formatDate,
  formatDocumentCount,
  formatExact,
  formatPercent,
  formatPoints,
} from '../format/format.js';
import type { Framework } from '../framework/framework.js';
import type { UnitResult } from '../results/compute-results.js';
import type { ReportColumn } from './report-view.js';

/** What the unit recorded on one leaf besides its points. */
export interface SelfReportLeaf {
  /** The unit's explanation (giải trình), as typed. */
  explanation: string | undefined;
  /**
   * Its evidence as stored: the file's name, the page or section given ("trang 3"), and the
   * day it was linked when that was after the unit submitted.
   */
  evidence: { fileName: string; pageRef: string | undefined; addedOn?: string | undefined }[];
  /** The day (yyyy-mm-dd) the unit last changed the leaf, when that was after it submitted. */
  supplementedOn: string | undefined;
  /** The leaf is scored from the period's survey answers, not by the unit. */
  surveyFed: boolean;
}

export interface SelfAssessmentReportInput {
  framework: Framework;
  year: number;
  /** The unit's own side only (the self phase): nothing appraised goes in this report. */
  self: UnitResult;
  leaves: ReadonlyMap<string, SelfReportLeaf>;
  /** When the head submitted (yyyy-mm-dd) and their full name; undefined before submission. */
  submittedOn: string | undefined;
  submittedBy: string | undefined;
}

export interface SelfAssessmentReportView {
  /** Not submitted yet: a draft for the unit's own people. */
  draft: boolean;
  kind: string;
  /** "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2022 của Sở Xây dựng". */
  summary: string;
  addressees: string[];
  opening: string[];
  sections: { heading: string; paragraphs: string[] }[];
  columns: ReportColumn[];
  rows: { cells: string[]; bold: boolean }[];
  recipients: string[];
  signature: { position: string; name: string | undefined };
}

export const SELF_REPORT_COLUMNS: ReportColumn[] = [
  { header: 'Mã', width: 7, align: 'center' },
  { header: 'Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần', width: 33, align: 'left' },
  { header: 'Điểm tối đa', width: 9, align: 'center' },
  { header: 'Điểm tự đánh giá', width: 9, align: 'center' },
  { header: 'Giải trình, ghi chú', width: 22, align: 'left' },
  { header: 'Tài liệu kiểm chứng', width: 20, align: 'left' },
];

const evidenceText = (leaf: SelfReportLeaf | undefined) =>
  (leaf?.evidence ?? [])
    .map((e) => {
      const notes = [
        ...(e.pageRef ? [e.pageRef] : []),
        ...(e.addedOn ? [`bổ sung ngày ${formatDate(e.addedOn)}`] : []),
      ];
      return notes.length === 0 ? e.fileName : `${e.fileName} (${notes.join('; ')})`;
    })
    .join('; ');

/**
 * The unit's report of its own self-assessment (Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số
 * CCHC năm X) as worded pieces: addressed to the council and Sở Nội vụ, the self-assessed
 * total, index and each area, when it was sent and which leaves were supplemented after, the
 * explanations of leaves scored without evidence, and the table of every node with its
 * maximum, the unit's points, explanation and evidence. Only the unit's side is read: the
 * appraisal never appears here.
 */
export function buildSelfAssessmentReport(
  input: SelfAssessmentReportInput,
): SelfAssessmentReportView {
  const { self, framework, year } = input;
  const unitName = self.name;
  const draft = input.submittedOn === undefined;
  const index = (percent: UnitResult['percent']) =>
    percent === undefined ? '' : ` (Chỉ số ${formatPercent(percent)})`;

  const areas = self.areas.map((area, i) => {
    const last = i === self.areas.length - 1;
    const figure = area.applicable
      ? `${formatPoints(area.points)}/${formatPoints(area.maxPoints)} điểm${area.percent === undefined ? '' : `, đạt ${formatPercent(area.percent)}`}`
      : 'không áp dụng đối với đơn vị';
    return `- ${area.code}. ${area.title}: ${figure}${last ? '.' : ';'}`;
  });

  const supplemented = framework.leaves.flatMap((leaf) => {
    const on = input.leaves.get(leaf.code)?.supplementedOn;
    return on === undefined ? [] : [`${leaf.code} (ngày ${formatDate(on)})`];
  });
  const sent = draft
    ? [
        `Đơn vị chưa gửi kết quả tự đánh giá: số liệu trong báo cáo này là số liệu đơn vị đã nhập đến thời điểm lập dự thảo, để rà soát, ký trước khi gửi.`,
      ]
    : [
        `Kết quả tự đánh giá được gửi ngày ${formatDate(input.submittedOn ?? '')}${input.submittedBy ? ` (${input.submittedBy})` : ''}.`,
        supplemented.length === 0
          ? 'Từ khi gửi, đơn vị không sửa tiêu chí thành phần nào: báo cáo phản ánh đúng kết quả đã gửi.'
          : `Sau khi gửi, đơn vị đã bổ sung theo yêu cầu của Tổ thẩm định ${formatDocumentCount(supplemented.length)} tiêu chí thành phần: ${supplemented.join('; ')}; báo cáo phản ánh kết quả tự đánh giá sau lần bổ sung cuối.`,
      ];

  // Leaves claimed without evidence stand on the unit's explanation (domain research §3.1).
  const explained = framework.leaves.flatMap((leaf) => {
    const entry = input.leaves.get(leaf.code);
    const score = self.score.pointsOf(leaf);
    if (!entry || entry.surveyFed || entry.evidence.length > 0 || !score.applicable) return [];
    if (!score.points.gt(Decimal.ZERO) || !entry.explanation?.trim()) return [];
    return [`- ${leaf.code}. ${leaf.title}: ${entry.explanation.trim()}`];
  });

  const rows = framework.nodes.map((node) => {
    const score = self.score.pointsOf(node);
    const leaf = node.children.length === 0;
    const entry = leaf ? input.leaves.get(node.code) : undefined;
    const notes = [
      ...(leaf && !score.applicable ? ['Không áp dụng'] : []),
      ...(entry?.surveyFed ? ['Điểm từ kết quả điều tra xã hội học'] : []),
      ...(entry?.explanation?.trim() ? [entry.explanation.trim()] : []),
      ...(entry?.supplementedOn ? [`Bổ sung ngày ${formatDate(entry.supplementedOn)}`] : []),
    ];
    return {
      cells: [
        node.code,
        node.title,
        formatExact(score.applicable ? score.maxPoints : node.maxPoints),
        score.applicable ? formatExact(score.points) : '—',
        notes.join('. '),
        evidenceText(entry),
      ],
      bold: node.depth <= 1,
    };
  });
  rows.push({
    cells: ['', 'TỔNG ĐIỂM', formatExact(self.maxPoints), formatExact(self.points), '', ''],
    bold: true,
  });

  return {
    draft,
    kind: 'BÁO CÁO',
    summary: `Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${year} của ${unitName}`,
    addressees: ['Hội đồng thẩm định Chỉ số cải cách hành chính tỉnh;', 'Sở Nội vụ.'],
    opening: [
      `Thực hiện kế hoạch xác định Chỉ số cải cách hành chính năm ${year}, ${unitName} đã tự rà soát, thu thập tài liệu kiểm chứng, tự đánh giá, chấm điểm theo từng lĩnh vực, tiêu chí, tiêu chí thành phần của ${framework.name}. ${unitName} báo cáo kết quả như sau:`,
    ],
    sections: [
      {
        heading: 'I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM',
        paragraphs: [
          `Tổng điểm tự đánh giá: ${formatPoints(self.points)}/${formatPoints(self.maxPoints)} điểm${index(self.percent)}, trong đó:`,
          ...areas,
          ...sent,
          'Điểm tự đánh giá, giải trình và tài liệu kiểm chứng của từng tiêu chí thành phần tại Phụ lục kèm theo.',
        ],
      },
      {
        heading: 'II. GIẢI TRÌNH CÁC TIÊU CHÍ CHẤM ĐIỂM KHÔNG CÓ TÀI LIỆU KIỂM CHỨNG',
        paragraphs:
          explained.length === 0
            ? ['Không có: mọi tiêu chí thành phần có điểm đều có tài liệu kiểm chứng.']
            : explained,
      },
    ],
    columns: SELF_REPORT_COLUMNS,
    rows,
    recipients: ['Như trên;', 'Lưu: VT.'],
    signature: { position: 'THỦ TRƯỞNG ĐƠN VỊ', name: input.submittedBy },
  };
}

/** The report's text, paragraph by paragraph (tests read it). */
export function selfAssessmentReportText(view: SelfAssessmentReportView): string {
  return [
    ...(view.draft ? ['DỰ THẢO'] : []),
    view.kind,
    view.summary,
    `Kính gửi: ${view.addressees.join(' ')}`,
    ...view.opening,
    ...view.sections.flatMap((s) => [s.heading, ...s.paragraphs]),
    'Nơi nhận:',
    ...view.recipients.map((r) => `- ${r}`),
    view.signature.position,
    ...(view.signature.name ? [view.signature.name] : []),
    view.columns.map((c) => c.header).join(' | '),
    ...view.rows.map((r) => r.cells.join(' | ')),
  ].join('\n');
}
