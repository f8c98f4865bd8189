import type { Cell } from '../tabular/table.js';
import { SEED_004_AREAS_1_3 } from './seed-004-areas-1-3.js';
import { SEED_004_AREAS_4_6 } from './seed-004-areas-4-6.js';
import { SEED_004_AREAS_7_8 } from './seed-004-areas-7-8.js';

/**
 * The appendix of seed 004 (Đắk Glong, improvement plan 2024), as printed: code, title, max,
 * points achieved in 2023, target 2024, lead unit. Numbers are text exactly as in the document,
 * decimal commas and points mixed. The district's 2023 index is 78,42.
 */
export const SEED_004_HEADER: Cell[] = [
  'Stt',
  'Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần',
  'Điểm chuẩn',
  'Điểm 2023 đạt được',
  'Mục tiêu năm 2024',
  'Nhiệm vụ/ Giải pháp/ Nội dung thực hiện',
  'Đơn vị chủ trì',
];

export const SEED_004_ROWS: Cell[][] = [
  ...SEED_004_AREAS_1_3,
  ...SEED_004_AREAS_4_6,
  ...SEED_004_AREAS_7_8,
  [null, 'TỔNG ĐIỂM', '100', '78,42', '100', null, null],
];

/** Title lines above the header, as the appendix has them. */
export const SEED_004_PREAMBLE: Cell[][] = [
  [null, 'PHỤ LỤC'],
  [
    null,
    'MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ CCHC HUYỆN ĐẮK GLONG NĂM 2024',
  ],
  [],
];

export const SEED_004_TABLE: Cell[][] = [...SEED_004_PREAMBLE, SEED_004_HEADER, ...SEED_004_ROWS];
