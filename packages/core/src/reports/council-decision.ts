import type { Decimal } from '../decimal/decimal.js';
import type { Ratio } from '../decimal/ratio.js';
import {
  formatDate,
  formatDocumentCount,
  formatDocumentDate,
  formatPercent,
  formatPoints,
} from '../format/format.js';
import { peerGroupLabel } from '../units/unit-types.js';
import { unitsSentence } from './report-text.js';
import type { ReportColumn } from './report-view.js';

/** A unit of the decision's annex, as the results give it. */
export interface DecisionUnit {
  name: string;
  rank: number | undefined;
  points: Decimal;
  maxPoints: Decimal;
  /** The exact index; undefined when nothing applies to the unit. */
  percent: Ratio | undefined;
  band: string | undefined;
  headRating: string | undefined;
  /** The policy's warnings raised for the unit, with the areas below and their index. */
  flags: { label: string; areas: { title: string; percent: Ratio }[] }[];
}

/** A block of the decision: one peer group, in the results' order. */
export interface DecisionBlock {
  /** The peer group's code ("so", "huyen", "xa"): it names the block. */
  group: string;
  units: DecisionUnit[];
  /** The secretariat's words for the block (the report's `blocks`), else the known ones. */
  name?: string | undefined;
  heads?: string | undefined;
}

export interface CouncilDecisionInput {
  /** The year assessed. */
  year: number;
  /** "UBND tỉnh Hòa An"; undefined leaves the province for the clerk. */
  issuer: string | undefined;
  /** The council's decision number ("12/QĐ-UBND") and date (yyyy-mm-dd), when recorded. */
  number: string | undefined;
  date: string | undefined;
  blocks: readonly DecisionBlock[];
  /** The labels of the policy's warnings (the self-criticism review below 75 %, …). */
  flagRules: readonly string[];
  /** Approved, not published yet: the annex holds the computed results. */
  draft: boolean;
  /** The publication in force is an erratum: its number and date. */
  erratum: { number: string | undefined; date: string | undefined } | undefined;
  signerName: string | undefined;
}

export interface DecisionArticle {
  /** "Điều 1." */
  label: string;
  /** The first paragraph follows the label on its line; the rest are paragraphs of their own. */
  paragraphs: string[];
}

export interface DecisionAnnex {
  /** "PHỤ LỤC I", the block's title, the line "(Kèm theo Quyết định …)". */
  title: string[];
  note: string | undefined;
  columns: ReportColumn[];
  rows: string[][];
}

export interface CouncilDecisionView {
  draft: boolean;
  /** The issuer in the heading ("UBND tỉnh Hòa An"). */
  issuer: string;
  /** "Số: 12/QĐ-UBND", or "Số:        /QĐ-UBND" for the clerk. */
  number: string;
  /** "ngày 12 tháng 01 năm 2027", or the blanks of the date line. */
  dateText: string;
  kind: string;
  summary: string;
  /** "ỦY BAN NHÂN DÂN TỈNH HÒA AN": who decides, above the legal bases. */
  authority: string;
  bases: string[];
  proposal: string;
  articles: DecisionArticle[];
  recipients: string[];
  signature: { onBehalfOf: string; position: string; name: string | undefined };
  annexes: DecisionAnnex[];
}

const BLANK = '……';
/** The decision date of a decision not dated yet, left for the clerk. */
const BLANK_DATE = `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;

/**
 * How the blocks are named in the decision's sentences (after "của") and who heads their
 * units (after "Đối với", in Điều 2 and 3), for the unit types chiso knows; another group is
 * "khối" and its name.
 */
const BLOCK_NAMES: Record<string, { name: string; heads: string }> = {
  tinh: { name: 'UBND các tỉnh, thành phố', heads: 'Chủ tịch UBND các tỉnh, thành phố' },
  so: { name: 'các sở, ban, ngành tỉnh', heads: 'Thủ trưởng các sở, ban, ngành tỉnh' },
  huyen: {
    name: 'UBND các huyện, thị xã, thành phố',
    heads: 'Chủ tịch UBND các huyện, thị xã, thành phố',
  },
  phong: {
    name: 'các phòng chuyên môn cấp huyện',
    heads: 'Trưởng các phòng chuyên môn cấp huyện',
  },
  xa: { name: 'UBND các xã', heads: 'Chủ tịch UBND các xã' },
  phuong: { name: 'UBND các phường', heads: 'Chủ tịch UBND các phường' },
  'dac-khu': { name: 'UBND các đặc khu', heads: 'Chủ tịch UBND các đặc khu' },
  'xa-cu': {
    name: 'UBND các xã, thị trấn (trước 01/07/2025)',
    heads: 'Chủ tịch UBND các xã, thị trấn (trước 01/07/2025)',
  },
  'phuong-cu': {
    name: 'UBND các phường (trước 01/07/2025)',
    heads: 'Chủ tịch UBND các phường (trước 01/07/2025)',
  },
};

const LEVEL =
  /^(UBND|ỦY BAN NHÂN DÂN)\s+(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+(.+)$/u;

/**
 * An issuer as the heading writes it ("UBND TỈNH HÒA AN", the report's stored issuer) in the
 * case sentences need ("UBND tỉnh Hòa An"); anything not all in capitals is kept as written.
 */
export function issuerInSentence(issuer: string): string {
  const trimmed = issuer.trim();
  if (trimmed !== trimmed.toLocaleUpperCase('vi')) return trimmed;
  const match = LEVEL.exec(trimmed);
  if (!match) return trimmed;
  const name = (match[3] ?? '')
    .toLocaleLowerCase('vi')
    .split(/\s+/u)
    .map((word) => word.charAt(0).toLocaleUpperCase('vi') + word.slice(1))
    .join(' ');
  return `UBND ${(match[2] ?? '').toLocaleLowerCase('vi')} ${name}`;
}

export function blockNames(group: string): { name: string; heads: string } {
  const known = BLOCK_NAMES[group];
  if (known) return known;
  const label = peerGroupLabel(group);
  const name = label === '' ? 'các cơ quan, đơn vị' : `khối ${label}`;
  return { name, heads: `Người đứng đầu ${name}` };
}

/**
 * The Ministry of Home Affairs' decision on the index method in force for an assessed year
 * (domain research §1.1): 1149 for 2020–2021, 876 for 2022–2023, 892 from 2024. Before 2020
 * the decision is not named.
 */
function ministryBasis(year: number): string {
  const scheme = (period: string) =>
    `phê duyệt Đề án "Xác định Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương${period}"`;
  if (year >= 2024) {
    return `Căn cứ Quyết định số 892/QĐ-BNV ngày 05 tháng 12 năm 2024 của Bộ trưởng Bộ Nội vụ ${scheme(' giai đoạn 2024 - 2030')};`;
  }
  if (year >= 2022) {
    return `Căn cứ Quyết định số 876/QĐ-BNV ngày 10 tháng 11 năm 2022 của Bộ trưởng Bộ Nội vụ ${scheme(' giai đoạn 2022 - 2030')};`;
  }
  if (year >= 2020) {
    return `Căn cứ Quyết định số 1149/QĐ-BNV ngày 30 tháng 12 năm 2020 của Bộ trưởng Bộ Nội vụ ${scheme('')};`;
  }
  return 'Căn cứ hướng dẫn của Bộ Nội vụ về xác định Chỉ số cải cách hành chính;';
}

/**
 * The Law on the organisation of local government in force on the decision's day: the law
 * of 16/6/2025 from 01/07/2025 (domain research §6), the law of 2015 as amended in 2019
 * before. An undated decision is taken as issued in the year after the one assessed.
 */
function lawBasis(date: string | undefined, year: number): string {
  const day = date ?? `${year + 1}-01-01`;
  return day >= '2025-07-01'
    ? 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;'
    : 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;';
}

/** "UBND tỉnh Hòa An" → "Ủy ban nhân dân tỉnh Hòa An", as a decision's sentences write it. */
function spelledOut(issuer: string): string {
  return issuer.replace(/^(UBND|Ủy ban nhân dân|ỦY BAN NHÂN DÂN)\s+/u, 'Ủy ban nhân dân ');
}

/** "a", "a và b", "a, b và c". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} và ${names[names.length - 1] ?? ''}`;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

export const DECISION_COLUMNS: ReportColumn[] = [
  { header: 'Xếp hạng', width: 8, align: 'center' },
  { header: 'Cơ quan, đơn vị', width: 32, align: 'left' },
  { header: 'Điểm đạt', width: 10, align: 'center' },
  { header: 'Điểm tối đa', width: 10, align: 'center' },
  { header: 'Chỉ số CCHC', width: 10, align: 'center' },
  { header: 'Nhóm', width: 12, align: 'center' },
  { header: 'Mức độ hoàn thành nhiệm vụ của người đứng đầu', width: 18, align: 'left' },
];

/** Ranked units first, by rank; those without an index after, as they came. */
function inRankOrder(units: readonly DecisionUnit[]): DecisionUnit[] {
  return units
    .map((unit, i) => ({ unit, i }))
    .sort(
      (a, b) =>
        (a.unit.rank ?? Number.MAX_SAFE_INTEGER) - (b.unit.rank ?? Number.MAX_SAFE_INTEGER) ||
        a.i - b.i,
    )
    .map((x) => x.unit);
}

/**
 * The council's decision approving and publishing the index (Quyết định phê duyệt và công bố
 * Chỉ số CCHC năm X) as worded pieces: the heading, the legal bases, Điều 1 publishing each
 * block's index with its annex, Điều 2 the duties that follow from the results (the units
 * under a warning named), Điều 3 who implements, the signature of the People's Committee, and
 * per block the annex of every unit in rank order. Pure: the caller brings the results.
 */
export function buildCouncilDecision(input: CouncilDecisionInput): CouncilDecisionView {
  const blocks = input.blocks.filter((b) => b.units.length > 0);
  const named = blocks.map((b) => {
    const known = blockNames(b.group);
    return { ...b, name: b.name ?? known.name, heads: b.heads ?? known.heads };
  });
  const issuer = input.issuer ?? `UBND tỉnh ${BLANK}`;
  const authorityName = spelledOut(issuer);
  const index = `Chỉ số cải cách hành chính năm ${input.year}`;
  const numberText = input.number ?? `${BLANK}/QĐ-UBND`;
  const dateShort = input.date === undefined ? BLANK : formatDate(input.date);
  const annexName = (i: number) =>
    named.length === 1 ? 'Phụ lục' : `Phụ lục ${ROMAN[i] ?? i + 1}`;

  const article1 =
    named.length === 1
      ? [
          `Phê duyệt và công bố ${index} của ${named[0]?.name ?? ''} (chi tiết tại Phụ lục kèm theo).`,
        ]
      : [
          `Phê duyệt và công bố ${index} của các cơ quan, đơn vị, cụ thể như sau:`,
          ...named.map(
            (b, i) =>
              `${i + 1}. ${index} của ${b.name}: ${formatDocumentCount(b.units.length)} đơn vị (chi tiết tại ${annexName(i)} kèm theo)${i === named.length - 1 ? '.' : ';'}`,
          ),
        ];

  const heads = joinNames(named.map((b) => b.heads));
  const flagged = input.flagRules.map((label) => ({
    label,
    names: named.flatMap((b) =>
      inRankOrder(b.units).flatMap((u) => {
        const flag = u.flags.find((f) => f.label === label);
        if (!flag) return [];
        const areas = flag.areas.map((a) => `${a.title}: ${formatPercent(a.percent)}`);
        return [areas.length === 0 ? u.name : `${u.name} (${areas.join('; ')})`];
      }),
    ),
  }));
  const article2 = [
    `Căn cứ kết quả ${index} được công bố tại Điều 1:`,
    `1. ${heads} tổ chức kiểm điểm, xác định rõ những nội dung, lĩnh vực cải cách hành chính còn hạn chế, bị trừ điểm, chỉ rõ trách nhiệm của tập thể, cá nhân, nguyên nhân khách quan, chủ quan; xây dựng và triển khai kế hoạch khắc phục, cải thiện Chỉ số cải cách hành chính năm ${input.year + 1} của cơ quan, đơn vị, địa phương mình.`,
    ...(flagged.length === 0
      ? []
      : [
          '2. Các cơ quan, đơn vị thuộc diện cảnh báo theo kết quả Chỉ số tổ chức kiểm điểm trách nhiệm, có giải pháp khắc phục cụ thể và báo cáo kết quả về Sở Nội vụ:',
          ...flagged.map((f) => `- ${f.label}: ${unitsSentence(f.names)}.`),
        ]),
    `${flagged.length === 0 ? 2 : 3}. Sở Nội vụ theo dõi, đôn đốc, kiểm tra việc thực hiện; tổng hợp, báo cáo ${authorityName} kết quả khắc phục, cải thiện Chỉ số cải cách hành chính của các cơ quan, đơn vị.`,
  ];
  const article3 = [
    'Quyết định này có hiệu lực kể từ ngày ký.',
    `Chánh Văn phòng ${authorityName}, Giám đốc Sở Nội vụ, ${heads}; Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.`,
  ];

  const erratumNote =
    input.erratum === undefined
      ? undefined
      : `(Kết quả theo lần công bố đang có hiệu lực, đã đính chính theo Quyết định số ${input.erratum.number ?? BLANK} ngày ${input.erratum.date === undefined ? BLANK : formatDate(input.erratum.date)})`;
  const annexes = named.map((b, i): DecisionAnnex => ({
    title: [
      annexName(i).toLocaleUpperCase('vi'),
      `${index.toLocaleUpperCase('vi')} CỦA ${b.name.toLocaleUpperCase('vi')}`,
      `(Kèm theo Quyết định số ${numberText} ngày ${dateShort} của ${authorityName})`,
    ],
    note: erratumNote,
    columns: DECISION_COLUMNS,
    rows: inRankOrder(b.units).map((u) => [
      u.rank === undefined ? '—' : String(u.rank),
      u.name,
      formatPoints(u.points),
      formatPoints(u.maxPoints),
      u.percent === undefined ? '—' : formatPercent(u.percent),
      u.band ?? '—',
      u.headRating ?? '—',
    ]),
  }));

  return {
    draft: input.draft,
    issuer,
    number: `Số: ${input.number ?? '        /QĐ-UBND'}`,
    dateText: input.date === undefined ? BLANK_DATE : formatDocumentDate(input.date),
    kind: 'QUYẾT ĐỊNH',
    summary: `Phê duyệt và công bố ${index} của ${joinNames(named.map((b) => b.name))}`,
    authority: authorityName.toLocaleUpperCase('vi'),
    bases: [
      lawBasis(input.date, input.year),
      ministryBasis(input.year),
      `Căn cứ Kế hoạch số ${BLANK}/KH-UBND ngày ${BLANK} của ${authorityName} về xác định ${index};`,
      'Căn cứ kết quả thẩm định của Hội đồng thẩm định Chỉ số cải cách hành chính;',
    ],
    proposal: 'Theo đề nghị của Giám đốc Sở Nội vụ.',
    articles: [
      { label: 'Điều 1.', paragraphs: article1 },
      { label: 'Điều 2.', paragraphs: article2 },
      { label: 'Điều 3.', paragraphs: article3 },
    ],
    recipients: [
      'Như Điều 3;',
      'Bộ Nội vụ (để báo cáo);',
      'Thường trực Tỉnh ủy, Thường trực HĐND tỉnh;',
      'Chủ tịch, các Phó Chủ tịch UBND tỉnh;',
      'Cổng thông tin điện tử tỉnh;',
      'Lưu: VT, SNV.',
    ],
    signature: {
      onBehalfOf: 'TM. ỦY BAN NHÂN DÂN',
      position: 'CHỦ TỊCH',
      name: input.signerName,
    },
    annexes,
  };
}

/** The decision's text, paragraph by paragraph (tests and the command line read it). */
export function councilDecisionText(view: CouncilDecisionView): string {
  return [
    ...(view.draft ? ['DỰ THẢO'] : []),
    view.issuer.toLocaleUpperCase('vi'),
    view.number,
    view.dateText,
    view.kind,
    view.summary,
    view.authority,
    ...view.bases,
    view.proposal,
    'QUYẾT ĐỊNH:',
    ...view.articles.flatMap((a) => [
      `${a.label} ${a.paragraphs[0] ?? ''}`,
      ...a.paragraphs.slice(1),
    ]),
    'Nơi nhận:',
    ...view.recipients.map((r) => `- ${r}`),
    view.signature.onBehalfOf,
    view.signature.position,
    ...(view.signature.name ? [view.signature.name] : []),
    ...view.annexes.flatMap((a) => [
      ...a.title,
      ...(a.note ? [a.note] : []),
      a.columns.map((c) => c.header).join(' | '),
      ...a.rows.map((r) => r.join(' | ')),
    ]),
  ].join('\n');
}
