import { createHash } from 'node:crypto';

/**
 * The job's id made from its name and key, shaped as a UUID: pg-boss inserts a job "on conflict
 * do nothing", so a second send with the same key adds nothing while the first is kept.
 */
export function jobIdOf(name: string, key: string): string {
  const hex = createHash('sha256').update(`${name}\u0000${key}`).digest('hex');
  // Version 4 and variant bits set, so that the text is a valid UUID everywhere.
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
