import {
  formatDocumentCount,
  formatPercent,
  formatPoints,
  formatThreshold,
} from '../format/format.js';
import type { UnitResult } from '../results/compute-results.js';
import type { ReportBlock } from './report-blocks.js';
import type { ReviewRule } from './report-options.js';
import {
  levelCondition,
  listItems,
  lowerFirst,
  rankMove,
  roman,
  unitsSentence,
  upperFirst,
} from './report-text.js';
import type { ReportContent, ReportSection, ReportTable } from './report-view.js';

const p = (text: string): ReportContent => ({ kind: 'paragraph', text });
const yearText = (year: number | undefined) => (year === undefined ? '' : ` năm ${year}`);

/** Section II: per block the groups by band with the units named, and the block's ranking. */
export function bandSections(blocks: readonly ReportBlock[], number: number): ReportSection[] {
  const sections: ReportSection[] = [
    {
      level: 1,
      heading: `${roman(number)}. KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CCHC`,
      content: [
        p(
          'Chỉ số CCHC của các cơ quan, đơn vị được tổng hợp trên cơ sở kết quả điểm thẩm định đối với các tiêu chí thành phần (qua các tài liệu kiểm chứng) và kết quả tổng hợp các phiếu điều tra xã hội học. Kết quả cụ thể như sau:',
        ),
      ],
    },
  ];
  blocks.forEach((block, i) => {
    const groups = block.source.policy.bands
      .map((band) => ({ band, names: namesWhere(block.units, (u) => u.band === band.label) }))
      .filter((g) => g.names.length > 0);
    const content: ReportContent[] = [
      p(
        `Kết quả Chỉ số CCHC của ${block.name} được xác định thành ${formatDocumentCount(groups.length)} nhóm điểm:`,
      ),
      ...groups.map((g) =>
        p(
          `- Nhóm đạt Chỉ số tổng hợp ${lowerFirst(g.band.label)} so với điểm tối đa: ${unitsSentence(g.names)}.`,
        ),
      ),
    ];
    const unranked = namesWhere(block.units, (u) => u.percent === undefined);
    if (unranked.length > 0) {
      content.push(
        p(`- Chưa xác định được Chỉ số (không có nội dung áp dụng): ${unitsSentence(unranked)}.`),
      );
    }
    content.push(p(`Thứ hạng của ${block.name}:`), { kind: 'table', table: rankingTable(block) });
    sections.push({ level: 2, heading: `${i + 1}. Chỉ số CCHC của ${block.name}`, content });
  });
  return sections;
}

function rankingTable(block: ReportBlock): ReportTable {
  const withPrevious = block.units.some((u) => u.rankChange !== undefined);
  return {
    // The rating's words need a fifth of the width; names take what is left.
    columns: [
      { header: 'Hạng', width: 9, align: 'center' },
      { header: 'Cơ quan, đơn vị', width: withPrevious ? 33 : 43, align: 'left' },
      { header: 'Tổng điểm', width: 13, align: 'center' },
      { header: 'Chỉ số', width: 12, align: 'center' },
      { header: 'Xếp loại người đứng đầu', width: withPrevious ? 21 : 23, align: 'left' },
      ...(withPrevious
        ? [{ header: 'So với năm trước', width: 12, align: 'center' as const }]
        : []),
    ],
    rows: block.units.map((u) => ({
      cells: [
        u.rank === undefined ? '—' : String(u.rank),
        u.name,
        `${formatPoints(u.points)}/${formatPoints(u.maxPoints)}`,
        u.percent === undefined ? '—' : formatPercent(u.percent),
        u.headRating ?? '—',
        ...(withPrevious
          ? [u.rankChange === undefined || u.rankChange === 0 ? '—' : rankMove(u.rankChange)]
          : []),
      ],
    })),
  };
}

/** Section III: what each head-of-agency level requires, then per block who is in it. */
export function headRatingSections(
  blocks: readonly ReportBlock[],
  number: number,
): ReportSection[] {
  // The conditions are the first block's policy's; a block on another policy lists its own
  // levels below (the labels are what the sentences name).
  const levels = blocks[0]?.source.policy.headRating ?? [];
  const sections: ReportSection[] = [
    {
      level: 1,
      heading: `${roman(number)}. ĐÁNH GIÁ TRÁCH NHIỆM CỦA NGƯỜI ĐỨNG ĐẦU CƠ QUAN HÀNH CHÍNH VỀ CÔNG TÁC CCHC`,
      content: [
        p(
          `Mức độ hoàn thành nhiệm vụ về công tác CCHC của người đứng đầu cơ quan, đơn vị có ${formatDocumentCount(levels.length)} nhóm, cụ thể:`,
        ),
        ...levels.map((level, i) =>
          p(`- Nhóm ${lowerFirst(level.label)}: ${levelCondition(levels, i)}`),
        ),
      ],
    },
  ];
  blocks.forEach((block, i) => {
    sections.push({
      level: 2,
      heading: `${i + 1}. Đối với ${block.heads}`,
      content: block.source.policy.headRating.map((level) =>
        p(
          `- Nhóm ${lowerFirst(level.label)}: ${unitsSentence(namesWhere(block.units, (u) => u.headRating === level.label))}.`,
        ),
      ),
    });
  });
  return sections;
}

/**
 * Section IV, when last year's ranks are known: per block the units that went up or down at
 * least `minChange` places, the largest move first ("Sở Giáo dục và Đào tạo (tăng 7 bậc)").
 */
export function rankChangeSections(
  blocks: readonly ReportBlock[],
  minChange: number,
  year: number | undefined,
  number: number,
): ReportSection[] {
  if (!blocks.some((b) => b.units.some((u) => u.rankChange !== undefined))) return [];
  const previousYear = year === undefined ? ' trước' : ` ${year - 1}`;
  const moved = (units: readonly UnitResult[], up: boolean) =>
    units
      .filter((u) => u.rankChange !== undefined && (up ? u.rankChange : -u.rankChange) >= minChange)
      .sort((a, b) => Math.abs(b.rankChange ?? 0) - Math.abs(a.rankChange ?? 0))
      .map((u) => `${u.name} (${rankMove(u.rankChange ?? 0)})`);
  const line = (label: string, names: string[]) =>
    p(`- ${label}: ${names.length === 0 ? 'Không có' : names.join(', ')}.`);
  return [
    {
      level: 1,
      heading: `${roman(number)}. THỨ HẠNG SO VỚI NĂM${previousYear.toUpperCase()}`,
      content: [
        p(
          `Các cơ quan, đơn vị tăng, giảm từ ${formatDocumentCount(minChange)} bậc trở lên so với năm${previousYear}:`,
        ),
      ],
    },
    ...blocks.map((block, i): ReportSection => ({
      level: 2,
      heading: `${i + 1}. ${upperFirst(block.name)}`,
      content: [
        line('Tăng bậc', moved(block.units, true)),
        line('Giảm bậc', moved(block.units, false)),
      ],
    })),
  ];
}

/**
 * Section V: the units with an index below the threshold in one of the named areas (seed
 * 001: TTHC or digital government under 75 %), which must hold a self-criticism review.
 */
export function reviewSection(
  blocks: readonly ReportBlock[],
  rule: ReviewRule,
  year: number | undefined,
  number: number,
): ReportSection {
  // Each unit type has its framework; an area's title is the first framework's that has it.
  const areaTitles = rule.areaCodes.map(
    (code) =>
      blocks.map((b) => b.source.framework.byCode.get(code)?.title).find((t) => t !== undefined) ??
      code,
  );
  const threshold = formatThreshold(rule.belowPercent);
  const units = blocks.flatMap((block) =>
    block.units.flatMap((u) => {
      const below = u.areas.filter(
        (a) =>
          rule.areaCodes.includes(a.code) &&
          a.percent !== undefined &&
          a.percent.lt(rule.belowPercent),
      );
      if (below.length === 0) return [];
      const areas = below.map((a) => `lĩnh vực ${a.title}: ${formatPercent(a.percent!)}`);
      return [`${u.name} (${areas.join('; ')})`];
    }),
  );
  const rules = `Cơ quan, đơn vị có chỉ số lĩnh vực ${areaTitles.join(' hoặc lĩnh vực ')} dưới ${threshold} phải tổ chức kiểm điểm`;
  return {
    level: 1,
    heading: `${roman(number)}. CÁC CƠ QUAN, ĐƠN VỊ PHẢI TỔ CHỨC KIỂM ĐIỂM`,
    content:
      units.length === 0
        ? [
            p(
              `${rules}. Kết quả${yearText(year)} không có cơ quan, đơn vị nào thuộc diện phải kiểm điểm.`,
            ),
          ]
        : [
            p(
              `${rules}. Kết quả${yearText(year)} có ${formatDocumentCount(units.length)} đơn vị thuộc diện phải kiểm điểm, gồm:`,
            ),
            ...listItems(units).map(p),
          ],
  };
}

function namesWhere(units: readonly UnitResult[], test: (u: UnitResult) => boolean): string[] {
  return units.filter(test).map((u) => u.name);
}
