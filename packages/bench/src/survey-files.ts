import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { OPTION_KEYS, QUESTIONS, unitId } from './survey-world.js';

/** A deterministic generator, so that every run imports the same forms. */
function prng(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const HEADER = [
  'Số phiếu',
  'Lô',
  'Mã đơn vị',
  ...Array.from({ length: QUESTIONS }, (_x, i) => `C${i + 1}`),
];

/** The cells of form `i`: number, batch, unit, then A–D per question (optional ones may be blank). */
function formCells(i: number, random: () => number): string[] {
  const answers = Array.from({ length: QUESTIONS }, (_x, q) => {
    if (q % 10 === 9 && random() < 0.1) return '';
    return OPTION_KEYS[Math.floor(random() * OPTION_KEYS.length)] ?? 'A';
  });
  return [
    `BD-${String(i + 1).padStart(6, '0')}`,
    `Lô ${Math.floor(i / 500) + 1}`,
    unitId(i),
    ...answers,
  ];
}

/** The post office's delivery as CSV (semicolons, UTF-8 with BOM, as Excel saves it). */
export async function writeResponsesCsv(path: string, forms: number): Promise<void> {
  const out = createWriteStream(path);
  const random = prng(2026);
  let chunk = `\uFEFF${HEADER.join(';')}\n`;
  for (let i = 0; i < forms; i++) {
    chunk += `${formCells(i, random).join(';')}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** The same delivery as an .xlsx workbook, written as a stream. */
export async function writeResponsesXlsx(path: string, forms: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false });
  const sheet = workbook.addWorksheet('Phiếu');
  sheet.addRow(HEADER).commit();
  const random = prng(2026);
  for (let i = 0; i < forms; i++) {
    sheet.addRow(formCells(i, random).map((cell) => (cell === '' ? null : cell))).commit();
  }
  sheet.commit();
  await workbook.commit();
}
