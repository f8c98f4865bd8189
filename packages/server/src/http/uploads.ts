import { DomainError, ERROR_CODES, type Table } from '@chiso/core';
import type { FastifyRequest } from 'fastify';
import { parseTables } from '../spreadsheet/read-table.js';

/** Spreadsheets for import are small; they are read whole (xlsx needs it), up to this size. */
const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The uploaded .xlsx/.csv of a multipart request, as tables (type checked by content);
 * `named` hears the file's name, for those that keep it.
 */
export async function readUploadedTables(
  request: FastifyRequest,
  named?: (fileName: string) => void,
): Promise<Table[]> {
  const file = await request
    .file({ limits: { fileSize: IMPORT_MAX_BYTES } })
    .catch(() => undefined);
  if (!file) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Chưa chọn tệp (gửi dạng multipart/form-data, trường "file")',
    );
  }
  const bytes = await file.toBuffer().catch(() => {
    throw new DomainError(ERROR_CODES.FILE_REJECTED, 'Tệp nhập quá lớn (tối đa 10 MB)');
  });
  named?.(file.filename);
  return parseTables(bytes, file.filename);
}
