import { normalizeHeader } from '../tabular/table.js';

/**
 * Unit types of the three-level world (before 1 July 2025) and the two-level one after. A
 * province may add its own keys; these are the ones chiso names in Vietnamese.
 */
export const UNIT_TYPES = {
  tinh: {
    label: 'UBND tỉnh, thành phố',
    aliases: ['tinh', 'ubnd tinh', 'thanh pho truc thuoc trung uong'],
  },
  so: {
    label: 'Sở, ban, ngành',
    aliases: ['so', 'so, ban, nganh', 'so ban nganh', 'co quan chuyen mon cap tinh'],
  },
  huyen: {
    label: 'UBND cấp huyện',
    aliases: [
      'huyen',
      'ubnd cap huyen',
      'ubnd huyen',
      'cap huyen',
      'thi xa',
      'thanh pho thuoc tinh',
    ],
  },
  phong: {
    label: 'Phòng chuyên môn cấp huyện',
    aliases: ['phong', 'phong chuyen mon', 'co quan chuyen mon cap huyen'],
  },
  xa: { label: 'UBND xã', aliases: ['xa', 'ubnd xa', 'cap xa', 'thi tran'] },
  phuong: { label: 'UBND phường', aliases: ['phuong', 'ubnd phuong'] },
  'dac-khu': { label: 'Đặc khu', aliases: ['dac khu', 'dac-khu', 'ubnd dac khu'] },
} as const;

export type KnownUnitType = keyof typeof UNIT_TYPES;

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The type key for what a sheet says ("Sở, ban, ngành", "xã", "dac-khu"), or undefined. */
export function unitTypeKey(text: string): string | undefined {
  const normalized = normalizeHeader(text);
  for (const [key, spec] of Object.entries(UNIT_TYPES)) {
    if (key === normalized || (spec.aliases as readonly string[]).includes(normalized)) return key;
  }
  return KEY.test(text.trim()) ? text.trim() : undefined;
}

export function unitTypeLabel(key: string): string {
  return (UNIT_TYPES as Record<string, { label: string } | undefined>)[key]?.label ?? key;
}

/**
 * Peer groups (nhóm xếp hạng) are free codes on units; most equal a unit type's key ("so",
 * "xa"), and the demo keeps the communes and wards before the 2025 reform apart as "xa-cu" and "phuong-cu". Those are
 * named; a province's own code is shown as it was written.
 */
const PEER_GROUP_LABELS: Record<string, string> = {
  'xa-cu': 'UBND xã, thị trấn (trước 01/07/2025)',
  'phuong-cu': 'UBND phường (trước 01/07/2025)',
};

export function peerGroupLabel(code: string | null | undefined): string {
  if (code === null || code === undefined || code.trim() === '') return '';
  const key = code.trim();
  return PEER_GROUP_LABELS[key] ?? unitTypeLabel(key);
}
