import { describe, expect, it } from 'vitest';
import { nameMatches, searchWords } from './name-search.js';

describe('nameMatches', () => {
  it('ignores diacritics and case, as a citizen types on a phone', () => {
    expect(nameMatches('Xã Hòa An', 'xa hoa')).toBe(true);
    expect(nameMatches('Xã Hòa An', 'XÃ HÒA')).toBe(true);
    expect(nameMatches('Xã Hòa An', 'hoa an')).toBe(true);
    expect(nameMatches('Phường Đông Hải', 'dong hai')).toBe(true);
  });

  it('takes the words in any order, each the start of a word of the name', () => {
    expect(nameMatches('Xã Hòa An', 'an hoa')).toBe(true);
    expect(nameMatches('Xã Hòa An', 'xa h')).toBe(true);
    expect(nameMatches('Xã Tân Phú', 'an')).toBe(false);
    expect(nameMatches('Xã Tân Phú', 'xa hoa')).toBe(false);
  });

  it('finds everything for an empty query and reads punctuation as a space', () => {
    expect(nameMatches('Sở Nội vụ', '   ')).toBe(true);
    expect(nameMatches('UBND xã Hòa-An', 'ubnd  hoa an')).toBe(true);
    expect(searchWords('Sở Tài nguyên & Môi trường')).toEqual([
      'so',
      'tai',
      'nguyen',
      'moi',
      'truong',
    ]);
  });
});
