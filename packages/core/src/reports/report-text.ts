import type { Decimal } from '../decimal/decimal.js';
import { formatDocumentCount, formatThreshold } from '../format/format.js';
import type { HeadRatingLevel } from '../results/policy.js';

/**
 * Sentences of seed 001 with the data put in. Names are joined as the seed joins them: "Có
 * 03 đơn vị (gồm: Sở Giao thông vận tải; Sở Nội vụ; Sở Khoa học và Công nghệ)", one name
 * without "gồm" ("Có 01 đơn vị (Sở Y tế)"), none as "Không có".
 */
export function unitsSentence(names: readonly string[]): string {
  if (names.length === 0) return 'Không có';
  const count = `Có ${formatDocumentCount(names.length)} đơn vị`;
  return names.length === 1 ? `${count} (${names[0]})` : `${count} (gồm: ${names.join('; ')})`;
}

/** "Từ 90% trở lên" → "từ 90% trở lên", to be read inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** "tăng 7 bậc", "giảm 3 bậc". */
export function rankMove(change: number): string {
  return `${change > 0 ? 'tăng' : 'giảm'} ${Math.abs(change)} bậc`;
}

/** "từ 80% đến dưới 90%", "từ 90% trở lên", "dưới 65%": a range of the total %. */
export function percentRange(min: Decimal, above: Decimal | undefined): string {
  if (above === undefined) return `từ ${formatThreshold(min)} trở lên`;
  if (min.isZero()) return `dưới ${formatThreshold(above)}`;
  return `từ ${formatThreshold(min)} đến dưới ${formatThreshold(above)}`;
}

/**
 * What a head-of-agency level requires, as seed 001 states it: "Là Thủ trưởng những cơ quan,
 * đơn vị có điểm chỉ số tổng hợp đạt từ 90% trở lên so với điểm tối đa; trong đó các chỉ số ở
 * từng lĩnh vực đều đạt từ 80% trở lên."
 */
export function levelCondition(levels: readonly HeadRatingLevel[], index: number): string {
  const level = levels[index];
  if (!level) return '';
  const above = index === 0 ? undefined : levels[index - 1]?.minPercent;
  const total = `Là Thủ trưởng những cơ quan, đơn vị có điểm chỉ số tổng hợp đạt ${percentRange(level.minPercent, above)} so với điểm tối đa`;
  const areas = level.minAreaPercent.isZero()
    ? ''
    : `; trong đó các chỉ số ở từng lĩnh vực đều đạt từ ${formatThreshold(level.minAreaPercent)} trở lên`;
  return `${total}${areas}.`;
}

/** Items of a list as paragraphs: "- a;", "- b;", …, "- z." */
export function listItems(items: readonly string[]): string[] {
  return items.map((item, i) => `- ${item}${i === items.length - 1 ? '.' : ';'}`);
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
export const roman = (n: number) => ROMAN[n - 1] ?? String(n);
/** a), b), c) … */
export const letter = (n: number) => `${String.fromCharCode(96 + n)})`;
