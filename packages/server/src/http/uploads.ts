import { checkCellRules, DomainError, ERROR_CODES, type Table } from '@chiso/core';
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { parseTables } from '../spreadsheet/read-table.js';

/** Spreadsheets for import are small; they are read whole (xlsx needs it), up to this size. */
const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** An upload not yet read: its bytes arrive through `stream`, at most `maxBytes` of them. */
export interface UploadStream {
  stream: Readable & { truncated?: boolean };
  fileName: string;
  maxBytes: number;
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The refusal of an upload past its cap, the same whether it is read whole or streamed. */
export const uploadTooLarge = (maxBytes: number) =>
  new DomainError(ERROR_CODES.FILE_REJECTED, `Tệp nhập quá lớn (tối đa ${megabytes(maxBytes)} MB)`);

/**
 * The uploaded .xlsx/.csv of a multipart request as a stream (decision 0055): an import job
 * stores it piece by piece as it arrives, so that even a 200 MB delivery is never held whole.
 */
export async function openUploadedFile(
  request: FastifyRequest,
  maxBytes = IMPORT_MAX_BYTES,
  checkName: (fileName: string) => string = (fileName) => fileName,
): Promise<UploadStream> {
  // The cap is counted by the reader too (the stream is only cut, marked `truncated`, here).
  const file = await request
    .file({ limits: { fileSize: maxBytes }, throwFileSizeLimit: false })
    .catch(() => undefined);
  if (!file) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Chưa chọn tệp (gửi dạng multipart/form-data, trường "file")',
    );
  }
  try {
    return { stream: file.file, fileName: checkName(file.filename), maxBytes };
  } catch (error) {
    // Read to its end and dropped, so the refusal is answered rather than left waiting.
    file.file.resume();
    throw error;
  }
}

/**
 * The uploaded .xlsx/.csv of a multipart request, as bytes with the file's name, up to
 * `maxBytes` (10 MB unless the import says otherwise).
 */
export async function readUploadedFile(
  request: FastifyRequest,
  maxBytes = IMPORT_MAX_BYTES,
): Promise<{ bytes: Buffer; fileName: string }> {
  const file = await request.file({ limits: { fileSize: maxBytes } }).catch(() => undefined);
  if (!file) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Chưa chọn tệp (gửi dạng multipart/form-data, trường "file")',
    );
  }
  const bytes = await file.toBuffer().catch(() => {
    throw uploadTooLarge(maxBytes);
  });
  return { bytes, fileName: file.filename };
}

/**
 * The uploaded .xlsx/.csv of a multipart request, as tables (type checked by content), every
 * text cell checked as the API checks text (no control character, no endless cell); `named`
 * hears the file's name, for those that keep it. For the imports that still run in the request.
 */
export async function readUploadedTables(
  request: FastifyRequest,
  named?: (fileName: string) => void,
): Promise<Table[]> {
  const { bytes, fileName } = await readUploadedFile(request);
  named?.(fileName);
  const tables = await parseTables(bytes, fileName);
  const issues = checkCellRules(tables);
  if (issues.length > 0)
    throw new DomainError(
      ERROR_CODES.IMPORT_REJECTED,
      `Tệp "${fileName}" có ô không nhận được (không có gì được lưu)`,
      issues,
    );
  return tables;
}
