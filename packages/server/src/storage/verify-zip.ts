import { parseXmlPart, XmlRefused } from '../spreadsheet/xml-stream.js';
import { withZip, ZIP_LIMITS, ZipRefused } from '../spreadsheet/zip-archive.js';
import type { ReadAt } from './verify-evidence.js';

/** The main part an Office file of each type must declare in its [Content_Types].xml. */
const MAIN_PART = {
  docx: {
    folder: 'word/',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  },
  xlsx: {
    folder: 'xl/',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  },
} as const;

const CONTENT_TYPES = '[Content_Types].xml';

/** The content types [Content_Types].xml declares, or undefined when it is no <Types> part. */
async function declaredTypes(
  bytes: AsyncIterable<Buffer>,
): Promise<{ root: string | undefined; types: Set<string> }> {
  const types = new Set<string>();
  let root: string | undefined;
  await parseXmlPart(CONTENT_TYPES, bytes, {
    open: (name, attributes) => {
      root ??= name;
      const type = attributes.ContentType;
      if ((name === 'Override' || name === 'Default') && type !== undefined) types.add(type);
    },
    close: () => undefined,
  });
  return { root, types };
}

/**
 * An Office Open XML file: a zip that opens within the zip limits of the spreadsheet reader
 * (entries, total and per-entry uncompressed size, compression ratio), with a
 * [Content_Types].xml that declares the main part of its type (a document for .docx, a
 * workbook for .xlsx). Only that part is inflated, as a stream within the same limits.
 */
export async function zipProblem(
  read: ReadAt,
  size: number,
  type: 'docx' | 'xlsx',
): Promise<string | undefined> {
  const main = MAIN_PART[type];
  try {
    return await withZip({ read, size }, ZIP_LIMITS, async (zip) => {
      if (!zip.has(CONTENT_TYPES)) return `thiếu ${CONTENT_TYPES}`;
      if (!zip.names().some((name) => name.startsWith(main.folder))) {
        return `thiếu phần nội dung ${main.folder}`;
      }
      let declared: Awaited<ReturnType<typeof declaredTypes>>;
      try {
        declared = await declaredTypes(zip.bytes(CONTENT_TYPES));
      } catch (error) {
        if (error instanceof XmlRefused) return `${CONTENT_TYPES} không đọc được`;
        throw error;
      }
      if (declared.root !== 'Types') return `${CONTENT_TYPES} không đọc được`;
      if (!declared.types.has(main.contentType)) {
        return `${CONTENT_TYPES} không khai báo đúng loại tệp`;
      }
      return undefined;
    });
  } catch (error) {
    if (error instanceof ZipRefused) return error.message;
    throw error;
  }
}
