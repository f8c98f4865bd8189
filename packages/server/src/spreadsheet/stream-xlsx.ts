import { stat } from 'node:fs/promises';
import { DomainError, ERROR_CODES } from '@chiso/core';
import { readDateStyles, readSharedStrings, readWorkbook } from './xlsx-parts.js';
import { readSheetRows, type SheetRowVisitor } from './xlsx-sheet.js';
import { limitsForSize, withZip, ZIP_LIMITS, ZipRefused, type ZipSource } from './zip-archive.js';

export type { SheetRowVisitor } from './xlsx-sheet.js';

/** The refusal of an .xlsx file, saying why ("Tệp .xlsx bị từ chối: …") and which file. */
export function xlsxRejected(fileName: string, reason: string): DomainError {
  return new DomainError(ERROR_CODES.FILE_REJECTED, `Tệp .xlsx bị từ chối: ${reason}`, [
    { sheet: fileName, message: reason },
  ]);
}

/**
 * Reads an .xlsx workbook sheet by sheet and row by row straight from the zip (yauzl, every
 * entry inflated as a stream within the zip limits) through a streaming XML parser (saxes),
 * never building the workbook in memory. Whatever is wrong with the zip or its XML refuses the
 * file (FILE_REJECTED) saying what; errors the visitor throws pass through.
 */
export async function readXlsx(
  source: ZipSource,
  fileName: string,
  visitor: SheetRowVisitor,
  limits = ZIP_LIMITS,
): Promise<void> {
  // What the visitor throws (a refusal, a cancel, a failed save) is its own, never "corrupt".
  const own = new WeakSet<object>();
  const mark = (error: unknown): unknown => {
    if (error instanceof Object) own.add(error);
    return error;
  };
  const guarded: SheetRowVisitor = {
    sheet: (name) => {
      try {
        visitor.sheet(name);
      } catch (error) {
        throw mark(error);
      }
    },
    row: (cells, rowNumber) => {
      try {
        visitor.row(cells, rowNumber);
      } catch (error) {
        throw mark(error);
      }
    },
  };
  if (visitor.merged) guarded.merged = (ranges) => visitor.merged?.(ranges);
  if (visitor.pause) {
    guarded.pause = () => {
      try {
        return visitor.pause?.()?.catch((error: unknown) => {
          throw mark(error);
        });
      } catch (error) {
        throw mark(error);
      }
    };
  }
  try {
    await withZip(source, limits, async (zip) => {
      const workbook = await readWorkbook(zip);
      const shared = await readSharedStrings(zip);
      const dateStyles = await readDateStyles(zip);
      const context = { shared, dateStyles, date1904: workbook.date1904 };
      for (const sheet of workbook.sheets) {
        if (!zip.has(sheet.path)) continue;
        guarded.sheet(sheet.name);
        await readSheetRows(zip, sheet, context, guarded);
      }
    });
  } catch (error) {
    if (error instanceof DomainError || (error instanceof Object && own.has(error))) throw error;
    if (error instanceof ZipRefused) throw xlsxRejected(fileName, error.message);
    throw xlsxRejected(fileName, 'tệp bảng tính bị hỏng hoặc không đúng định dạng .xlsx');
  }
}

/** An .xlsx file on disk (an upload streamed to a temporary file), read row by row. */
export async function readXlsxRows(
  path: string,
  fileName: string,
  visitor: SheetRowVisitor,
): Promise<void> {
  const { size } = await stat(path);
  await readXlsx(path, fileName, visitor, limitsForSize(size));
}
