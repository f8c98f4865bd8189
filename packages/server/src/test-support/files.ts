import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell } from '@chiso/core';
import ExcelJS from 'exceljs';

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'chiso-test-'));
}

/** Writes sheets of rows to an .xlsx file, as an office would keep them. */
export async function writeXlsx(path: string, sheets: Record<string, Cell[][]>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  await workbook.xlsx.writeFile(path);
  return path;
}

export async function writeText(path: string, text: string | Uint8Array): Promise<string> {
  await writeFile(path, text);
  return path;
}

/** Captures what the command line prints. */
export function captureIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (text: string) => void out.push(text),
      stderr: (text: string) => void err.push(text),
      readStdin: () => Promise.resolve(stdin),
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
