import { randomInt } from 'node:crypto';

/** Two Vietnamese words without marks: easy to read out in a demonstration. */
export const DEMO_WORDS = [
  'hoa-sen',
  'tre-xanh',
  'song-hong',
  'nui-ngu',
  'lua-vang',
  'bien-dong',
  'sao-mai',
  'cau-vong',
];

/** The demo accounts' one password, "sao-mai-4821": 12 characters or more, so it meets the policy. */
export function demoPassword(): string {
  return `${DEMO_WORDS[randomInt(DEMO_WORDS.length)]}-${randomInt(1000, 10000)}`;
}
