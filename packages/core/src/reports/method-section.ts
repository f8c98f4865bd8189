import { Decimal } from '../decimal/decimal.js';
import { formatDate, formatDocumentCount, formatPoints } from '../format/format.js';
import type { Framework, FrameworkNode } from '../framework/framework.js';
import type { ReportBlock } from './report-blocks.js';
import type { ReportOptions } from './report-options.js';
import { letter, upperFirst } from './report-text.js';
import type { ReportContent, ReportSection } from './report-view.js';

const p = (text: string): ReportContent => ({ kind: 'paragraph', text });

/** Survey-fed leaves: questionnaires and satisfaction indices (SIPAS) read from outside. */
const isSurveyLeaf = (node: FrameworkNode) =>
  node.rule?.kind === 'survey' || node.rule?.kind === 'externalIndex';

/**
 * Part one, section I of seed 001: who was assessed, the method (each area's points through
 * evidence, then the survey's points), the survey sample and the windows when the request
 * gives them. Sub-sections without data are left out and the rest numbered in order.
 */
export function methodSections(
  blocks: readonly ReportBlock[],
  options: ReportOptions,
): ReportSection[] {
  const sections: ReportSection[] = [
    {
      level: 1,
      heading: 'I. CÔNG TÁC TRIỂN KHAI ĐÁNH GIÁ, XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH',
      content: [],
    },
  ];
  let number = 0;
  const sub = (heading: string, content: ReportContent[] = []) =>
    sections.push({ level: 2, heading: `${++number}. ${heading}`, content });

  sub(
    'Đối tượng đánh giá, xác định Chỉ số CCHC',
    blocks.map((block, i) =>
      p(
        `- ${upperFirst(block.name)}: ${formatDocumentCount(block.units.length)} đơn vị${i === blocks.length - 1 ? '.' : ';'}`,
      ),
    ),
  );

  // One method for all blocks when the framework applies alike to each; seed 001 writes
  // a) and b) because its departments and districts have different maxima.
  const methods = blocks.map((block) => methodOf(block.source.framework, block));
  const same = methods.every((m) => JSON.stringify(m) === JSON.stringify(methods[0]));
  sub('Phương pháp xác định', same ? (methods[0] ?? []) : []);
  if (!same) {
    blocks.forEach((block, i) =>
      sections.push({
        level: 3,
        heading: `${letter(i + 1)} Đối với Chỉ số CCHC của ${block.name}`,
        content: methods[i] ?? [],
      }),
    );
  }

  const samples = options.survey.flatMap((sample) => {
    const block = blocks.find((b) => b.group === sample.group);
    return block ? [{ block, respondents: sample.respondents }] : [];
  });
  if (samples.length > 0) {
    const total = samples.reduce(
      (sum, s) => sum + s.respondents.reduce((n, r) => n + r.count, 0),
      0,
    );
    sub('Tổ chức điều tra xã hội học', [
      p(`Tổng số Phiếu điều tra là ${formatDocumentCount(total)} Phiếu. Cụ thể:`),
    ]);
    const surveyNumber = number;
    samples.forEach((sample, i) => {
      const count = sample.respondents.reduce((n, r) => n + r.count, 0);
      sections.push({
        level: 3,
        heading: `${surveyNumber}.${i + 1}. Điều tra về công tác CCHC đối với ${sample.block.name} là ${formatDocumentCount(count)} phiếu, gồm:`,
        content: sample.respondents.map((r, j) =>
          p(
            `- Lấy ý kiến của ${r.label}: ${formatDocumentCount(r.count)} Phiếu${j === sample.respondents.length - 1 ? '.' : ';'}`,
          ),
        ),
      });
    });
  }

  const { selfAssessment, appraisal } = options.windows;
  if (selfAssessment || appraisal) {
    sub('Quy trình đánh giá, chấm điểm', [
      ...(selfAssessment
        ? [
            p(
              `Các cơ quan, đơn vị tự đánh giá, chấm điểm và đăng tải tài liệu kiểm chứng kể từ ngày ${formatDate(selfAssessment.from)} đến 24 giờ ngày ${formatDate(selfAssessment.to)}.`,
            ),
          ]
        : []),
      ...(appraisal
        ? [
            p(
              `Tổ thư ký thẩm định kết quả tự đánh giá, chấm điểm của các cơ quan, đơn vị từ ngày ${formatDate(appraisal.from)} đến ngày ${formatDate(appraisal.to)}.`,
            ),
          ]
        : []),
    ]);
  }
  return sections;
}

interface Part {
  title: string;
  points: Decimal;
}

/**
 * The method of one block: the areas' points through evidence, then the survey's points and
 * its parts. A node counts when it applies to one of the block's unit types.
 */
function methodOf(framework: Framework, block: ReportBlock): ReportContent[] {
  const types = new Set(block.units.map((u) => u.type));
  const applies = (node: FrameworkNode) =>
    node.appliesTo.length === 0 || node.appliesTo.some((t) => types.has(t));
  const children = (node: FrameworkNode) =>
    node.children.flatMap((code) => {
      const child = framework.byCode.get(code);
      return child && applies(child) ? [child] : [];
    });
  /** Max of the node's leaves that are (or are not) survey-fed. */
  const maxOf = (node: FrameworkNode, survey: boolean): Decimal => {
    const below = children(node);
    if (below.length === 0 && node.children.length === 0) {
      return isSurveyLeaf(node) === survey ? node.maxPoints : Decimal.ZERO;
    }
    return Decimal.sum(below.map((child) => maxOf(child, survey)));
  };
  const areas = framework.areas.filter(applies);
  const evidence: Part[] = areas
    .map((area) => ({ title: area.title, points: maxOf(area, false) }))
    .filter((part) => part.points.gt(Decimal.ZERO));
  const survey: Part[] = [];
  /** The largest parts that are all survey; an area of several such parts lists its parts. */
  const collect = (node: FrameworkNode, isArea: boolean) => {
    const surveyMax = maxOf(node, true);
    if (!surveyMax.gt(Decimal.ZERO)) return;
    const below = children(node);
    if (maxOf(node, false).isZero() && !(isArea && below.length > 1)) {
      survey.push({ title: node.title, points: surveyMax });
    } else below.forEach((child) => collect(child, false));
  };
  areas.forEach((area) => collect(area, true));

  const total = Decimal.sum([...evidence, ...survey].map((part) => part.points));
  const out = (part: Part, i: number, all: Part[]) =>
    p(`+ ${part.title}: ${formatPoints(part.points)} điểm${i === all.length - 1 ? '.' : ';'}`);
  const content: ReportContent[] = [];
  if (evidence.length > 0) {
    const sum = Decimal.sum(evidence.map((e) => e.points));
    content.push(
      p(
        `- Đánh giá CCHC theo ${evidence.length} nội dung (thông qua các tài liệu kiểm chứng), tổng số điểm là ${formatPoints(sum)}/${formatPoints(total)} điểm, gồm:`,
      ),
      ...evidence.map(out),
    );
  }
  if (survey.length > 0) {
    const sum = Decimal.sum(survey.map((s) => s.points));
    content.push(
      p(
        `- Đánh giá công tác CCHC (thông qua điều tra xã hội học), tổng số điểm là ${formatPoints(sum)}/${formatPoints(total)} điểm. Trong đó:`,
      ),
      ...survey.map(out),
    );
  }
  return content;
}
