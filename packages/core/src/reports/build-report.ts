import { formatDocumentDate } from '../format/format.js';
import type { Results } from '../results/compute-results.js';
import { reportAppendix } from './report-appendix.js';
import { reportBlocks, type ReportSource } from './report-blocks.js';
import type { ReportOptions } from './report-options.js';
import type { ReportRequest } from './report-request.js';
import { methodSections } from './method-section.js';
import { roman } from './report-text.js';
import {
  bandSections,
  headRatingSections,
  rankChangeSections,
  reviewSection,
} from './results-sections.js';
import type { ReportContent, ReportSection, ReportView } from './report-view.js';

const DEFAULT_RECIPIENTS = [
  'Bộ Nội vụ;',
  'Thường trực Tỉnh ủy, HĐND tỉnh;',
  'Chủ tịch, các Phó Chủ tịch UBND tỉnh;',
  'Các sở, ban, ngành tỉnh;',
  'UBND các huyện, thị xã, thành phố;',
  'Lưu: VT.',
];

/**
 * What each narrative part is called, and what stands in its place until the secretariat has
 * written it: the heading stays, marked, so that a missing part is seen, not lost.
 */
const NARRATIVE = {
  strengths: 'Ưu điểm',
  weaknesses: 'Tồn tại, hạn chế',
  causes: 'Nguyên nhân của tồn tại, hạn chế',
  tasks: 'Nhiệm vụ và giải pháp',
} as const;

const missing = (part: keyof typeof NARRATIVE): ReportContent => ({
  kind: 'missing',
  text: `[Chưa nhập nội dung "${NARRATIVE[part]}": cơ quan thường trực bổ sung trước khi ban hành]`,
});

/**
 * The results report of seed 001 as a view model: heading, part one (method, groups by band
 * per block, head-of-agency ratings, rank changes, the self-criticism review, the narrative
 * assessment), part two (tasks), closing, and the per-unit appendix. `today` (yyyy-mm-dd)
 * dates the report when the request does not; pure, so the caller brings the clock.
 */
export function buildReportView(
  request: ReportRequest,
  results: Results,
  today?: string,
): ReportView {
  const { framework, policy } = request.results;
  return buildReport(
    [
      {
        framework,
        policy,
        results,
        inputOrder: request.results.units.map((u) => u.group),
        selfAssessed: request.selfAssessed,
        reasons: request.reasons,
      },
    ],
    request.options,
    today,
  );
}

/**
 * The same report from several frameworks' results: a period on the server assesses each
 * unit type on its own framework and policy, and each type's groups are blocks of one report.
 * The year is the first framework's unless the options say.
 */
export function buildReport(
  sources: readonly ReportSource[],
  options: ReportOptions,
  today?: string,
): ReportView {
  const year = options.year ?? sources[0]?.framework.year;
  const blocks = reportBlocks(sources, options);
  const date = options.date ?? today;
  const narrative = (part: keyof typeof NARRATIVE): ReportContent[] => {
    const paragraphs = options.narrative[part];
    return paragraphs && paragraphs.length > 0
      ? paragraphs.map((text) => ({ kind: 'paragraph', text }))
      : [missing(part)];
  };

  const sections: ReportSection[] = [
    {
      level: 0,
      heading: `Phần thứ nhất\nKẾT QUẢ ĐÁNH GIÁ, XÁC ĐỊNH CHỈ SỐ CCHC${year === undefined ? '' : ` NĂM ${year}`}`,
      content: [],
    },
    ...methodSections(blocks, options),
  ];
  let number = 1;
  sections.push(...bandSections(blocks, ++number));
  sections.push(...headRatingSections(blocks, ++number));
  const changes = rankChangeSections(blocks, options.minRankChange, year, number + 1);
  if (changes.length > 0) {
    number++;
    sections.push(...changes);
  }
  sections.push(reviewSection(blocks, options.review, year, ++number));
  sections.push(
    { level: 1, heading: `${roman(++number)}. NHẬN XÉT CHUNG`, content: [] },
    { level: 2, heading: `1. ${NARRATIVE.strengths}`, content: narrative('strengths') },
    { level: 2, heading: `2. ${NARRATIVE.weaknesses}`, content: narrative('weaknesses') },
    { level: 2, heading: `3. ${NARRATIVE.causes}`, content: narrative('causes') },
    {
      level: 0,
      heading: 'Phần thứ hai\nNHIỆM VỤ VÀ GIẢI PHÁP TRONG THỜI GIAN TỚI',
      content: narrative('tasks'),
    },
  );

  return {
    heading: {
      parentAuthority: options.parentAuthority,
      issuer: options.issuer ?? 'ỦY BAN NHÂN DÂN',
      number: `Số: ${options.number ?? '       /BC-UBND'}`,
      place: options.place ?? '……',
      dateText: date === undefined ? 'ngày      tháng      năm' : formatDocumentDate(date),
      kind: 'BÁO CÁO',
      summary:
        options.title ??
        `Kết quả đánh giá, xác định Chỉ số Cải cách hành chính${year === undefined ? '' : ` năm ${year}`}`,
      draft: options.draft,
    },
    sections,
    closing: {
      recipients: options.recipients ?? DEFAULT_RECIPIENTS,
      signature: {
        onBehalfOf: options.signature ? options.signature.onBehalfOf : 'TM. ỦY BAN NHÂN DÂN',
        position: options.signature?.position ?? 'CHỦ TỊCH',
        name: options.signature?.name,
      },
    },
    appendix: reportAppendix({ blocks, year }),
  };
}

/** The report's body as text, one paragraph a line, tables as cells joined by " | ". */
export function reportText(view: ReportView): string {
  const lines: string[] = [];
  for (const section of view.sections) {
    lines.push(...section.heading.split('\n'));
    for (const item of section.content) {
      if (item.kind === 'table') {
        lines.push(item.table.columns.map((c) => c.header).join(' | '));
        for (const row of item.table.rows) lines.push(row.cells.join(' | '));
      } else lines.push(item.text);
    }
  }
  return lines.join('\n');
}
