import { inflateRawSync } from 'node:zlib';
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

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_CONTENT_TYPES = 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** Where the central directory is, from the end record (and its zip64 form), or a reason. */
async function centralDirectory(read: ReadAt, size: number) {
  const tailStart = Math.max(0, size - (22 + 65535));
  const tail = await read(tailStart, size - tailStart);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) return 'không có thư mục trung tâm của tệp nén';
  let entries = tail.readUInt16LE(at + 10);
  let length = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  const end = tailStart + at;
  if (offset === 0xffffffff || length === 0xffffffff || entries === 0xffff) {
    if (at < 20 || tail.readUInt32LE(at - 20) !== ZIP64_LOCATOR) return 'thiếu bản ghi zip64';
    const recordAt = Number(tail.readBigUInt64LE(at - 20 + 8));
    const record = await read(recordAt, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) return 'bản ghi zip64 hỏng';
    entries = Number(record.readBigUInt64LE(32));
    length = Number(record.readBigUInt64LE(40));
    offset = Number(record.readBigUInt64LE(48));
  }
  if (offset + length > end || entries === 0) return 'thư mục trung tâm của tệp nén hỏng';
  return { entries, length, offset };
}

function parseEntries(directory: Buffer, count: number): Entry[] | undefined {
  const entries: Entry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) return undefined;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    if (at + 46 + nameLength > directory.length) return undefined;
    entries.push({
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      localOffset: directory.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of one (small) entry, inflated; undefined when they cannot be read. */
async function entryText(read: ReadAt, entry: Entry): Promise<string | undefined> {
  if (entry.compressedSize > MAX_CONTENT_TYPES) return undefined;
  const header = await read(entry.localOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) return undefined;
  const dataAt = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = await read(dataAt, entry.compressedSize);
  if (data.length < entry.compressedSize) return undefined;
  try {
    if (entry.method === 0) return data.toString('utf8');
    if (entry.method === 8) {
      return inflateRawSync(data, { maxOutputLength: MAX_CONTENT_TYPES }).toString('utf8');
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * An Office Open XML file: a zip whose central directory reads, with a [Content_Types].xml
 * that declares the main part of its type (a document for .docx, a workbook for .xlsx).
 */
export async function zipProblem(
  read: ReadAt,
  size: number,
  type: 'docx' | 'xlsx',
): Promise<string | undefined> {
  const where = await centralDirectory(read, size);
  if (typeof where === 'string') return where;
  const directory = await read(where.offset, where.length);
  const entries = parseEntries(directory, where.entries);
  if (!entries) return 'thư mục trung tâm của tệp nén hỏng';
  const contentTypes = entries.find((entry) => entry.name === '[Content_Types].xml');
  if (!contentTypes) return 'thiếu [Content_Types].xml';
  const main = MAIN_PART[type];
  if (!entries.some((entry) => entry.name.startsWith(main.folder))) {
    return `thiếu phần nội dung ${main.folder}`;
  }
  const text = await entryText(read, contentTypes);
  if (text === undefined || !text.includes('<Types')) return '[Content_Types].xml không đọc được';
  if (!text.includes(main.contentType)) return '[Content_Types].xml không khai báo đúng loại tệp';
  return undefined;
}
