/** A year written in free text, and what it would read with the years moved. */
export interface YearMention {
  /** As written: "31/12/2026", "ngày 15 tháng 3 năm 2026", "IV/2026", "2026". */
  found: string;
  suggestion: string;
  /** The words around it, so the reader finds it in a long guidance text. */
  excerpt: string;
}

const AROUND = 40;

function excerptOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - AROUND);
  const to = Math.min(text.length, end + AROUND);
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

/*
 * In order of preference at each position: a date written out, a date with separators, a
 * month or quarter with its year ("12/2026", "IV/2026"), a bare year ("năm 2026"). A year
 * between slashes or after one is part of a document number ("61/2018/NĐ-CP") and is not a
 * deadline.
 */
const MENTION =
  /[Nn]gày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|\b(\d{1,2})([/.-])(\d{1,2})\5(\d{4})(?![\d/])|(?:\b[IVX]{1,4}|\b\d{1,2})\/(\d{4})(?![\d/])|(?<![\d/])(\d{4})(?![\d/])/g;

/**
 * Years close to the source year (the year before, the year itself, the year after) in a
 * text: most likely the assessment year or a deadline, to be looked at after a copy. Years
 * further away are laws and programmes ("Luật năm 2015", "giai đoạn 2021–2030") and are not
 * listed.
 */
export function findYearMentions(text: string, fromYear: number, years: number): YearMention[] {
  const mentions: YearMention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const year = Number(match[3] ?? match[7] ?? match[8] ?? match[9]);
    if (Math.abs(year - fromYear) > 1) continue;
    const found = match[0];
    const moved = String(year + years);
    const start = match.index;
    mentions.push({
      found,
      suggestion: found.replace(String(year), moved),
      excerpt: excerptOf(text, start, start + found.length),
    });
  }
  return mentions;
}
