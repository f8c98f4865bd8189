import { normalizeHeader } from '../tabular/table.js';

/**
 * A unit found by what a citizen types on a phone, often without diacritics: "xa hoa" finds
 * "Xã Hòa An", "hoa an" too, "UBND  xã" the same as "ubnd xa". Every word typed must begin a
 * word of the name, in any order, so "an" finds "Xã Hòa An" but not "Xã Tân Phú" (whose "an"
 * is inside "Tân"); the last word may be half typed ("xa h" finds "Xã Hòa An").
 */
export function nameMatches(name: string, query: string): boolean {
  const typed = searchWords(query);
  if (typed.length === 0) return true;
  const words = searchWords(name);
  return typed.every((part) => words.some((word) => word.startsWith(part)));
}

/** The words of a name as search compares them: no diacritics, no case, no punctuation. */
export function searchWords(text: string): string[] {
  return normalizeHeader(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word !== '');
}
