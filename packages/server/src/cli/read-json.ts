import { readFile } from 'node:fs/promises';
import { DomainError, ERROR_CODES } from '@chiso/core';
import type { CliIo } from './io.js';

/** A JSON file's content, or standard input's for "-". */
export async function readJsonFile(file: string, io?: CliIo): Promise<unknown> {
  // Bytes decoded at once: readFile(file, 'utf8') decodes piece by piece, several times slower.
  const text =
    file === '-' && io
      ? await io.readStdin()
      : (await readFile(file).catch(() => notFound(file))).toString('utf8');
  return parseJson(text, file);
}

function notFound(file: string): never {
  throw new DomainError(
    ERROR_CODES.VALIDATION_FAILED,
    `Không tìm thấy hoặc không mở được tệp "${file}"`,
  );
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : '';
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, `Tệp "${file}" không phải JSON hợp lệ`, [
      { message: detail || 'không đọc được nội dung JSON' },
    ]);
  }
}
