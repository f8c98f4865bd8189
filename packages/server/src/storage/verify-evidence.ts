import type { FileHandle } from 'node:fs/promises';
import type { EvidenceType } from './sniff.js';
import { pngLayout, PngPixels } from './png-pixels.js';
import { zipProblem } from './verify-zip.js';

/** Reads up to `length` bytes at `offset` of the file being checked (fewer at its end). */
export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

export function readerOf(file: FileHandle): ReadAt {
  return async (offset, length) => {
    const buffer = Buffer.alloc(Math.max(0, length));
    if (length <= 0) return buffer;
    const { bytesRead } = await file.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  };
}

const BLOCK = 64 * 1024;

// What a browser sniffing the start of a file would take for a web page.
const HTML = /<(!doctype\s+html|html|head|body|script|iframe|object|embed|svg)[\s>/]/i;

/** A PDF: no web page inside its start, %%EOF at its end, startxref pointing at a cross-reference. */
async function pdfProblem(read: ReadAt, size: number): Promise<string | undefined> {
  const head = (await read(0, BLOCK)).toString('latin1');
  if (HTML.test(head)) return 'có nội dung HTML hoặc mã script';
  const tail = (await read(Math.max(0, size - 2048), 2048)).toString('latin1');
  if (!tail.slice(-1024).includes('%%EOF')) return 'không có dấu kết thúc %%EOF';
  const startxref = [...tail.matchAll(/startxref\s+(\d+)\s+%%EOF/g)].pop();
  if (!startxref) return 'thiếu startxref';
  const offset = Number(startxref[1]);
  if (offset >= size) return 'startxref trỏ ra ngoài tệp';
  const target = (await read(offset, 1024)).toString('latin1');
  const table = /^\s*xref\b/.test(target);
  const stream = /^\s*\d+\s+\d+\s+obj\b/.test(target) && /\/Type\s*\/XRef\b/.test(target);
  if (!table && !stream) return 'không có bảng tham chiếu chéo (xref) tại vị trí startxref';
  return undefined;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array, previous = 0xffffffff): number {
  let c = previous;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return c;
}

/**
 * A PNG: IHDR first, every chunk whole with its CRC right, some image data, IEND, and the image
 * data inflating to the rows IHDR declares (png-pixels.ts).
 */
async function pngProblem(read: ReadAt, size: number): Promise<string | undefined> {
  let offset = 8;
  let pixels: PngPixels | undefined;
  let imageData = false;
  try {
    while (offset + 12 <= size) {
      const header = await read(offset, 8);
      const length = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      if (!/^[A-Za-z]{4}$/.test(type)) return 'có khối dữ liệu hỏng';
      if (offset + 12 + length > size) return `khối ${type} bị cắt cụt`;
      const first = !pixels;
      if (first) {
        if (type !== 'IHDR' || length !== 13) return 'không bắt đầu bằng khối IHDR';
        const ihdr = await read(offset + 8, 13);
        if (ihdr.readUInt32BE(0) === 0 || ihdr.readUInt32BE(4) === 0) {
          return 'kích thước ảnh bằng 0';
        }
      }
      let crc = crc32(header.subarray(4, 8));
      for (let at = 0; at < length; at += BLOCK) {
        const piece = await read(offset + 8 + at, Math.min(BLOCK, length - at));
        crc = crc32(piece, crc);
        if (type === 'IDAT') pixels?.write(piece);
      }
      const stored = (await read(offset + 8 + length, 4)).readUInt32BE(0);
      if ((crc ^ 0xffffffff) >>> 0 !== stored) return `khối ${type} sai mã kiểm tra CRC`;
      if (first) {
        // Its rows read once its CRC is known good.
        const layout = pngLayout(await read(offset + 8, 13));
        if (typeof layout === 'string') return layout;
        pixels = new PngPixels(layout);
      }
      if (type === 'IDAT') imageData = true;
      if (type === 'IEND') {
        return imageData && pixels ? await pixels.finish() : 'không có dữ liệu ảnh (IDAT)';
      }
      offset += 12 + length;
    }
    return pixels ? 'không có khối kết thúc IEND' : 'không bắt đầu bằng khối IHDR';
  } finally {
    pixels?.stop();
  }
}

const isFrameMarker = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);

/** A JPEG: SOI, segments that hold together up to a frame header (SOF) and a scan, then EOI. */
async function jpegProblem(read: ReadAt, size: number): Promise<string | undefined> {
  let offset = 2;
  let frame = false;
  for (;;) {
    const segment = await read(offset, 4);
    if (segment.length < 2 || segment[0] !== 0xff) return 'cấu trúc phân đoạn hỏng';
    const marker = segment[1] as number;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd9) return 'kết thúc trước khi có dữ liệu ảnh';
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (segment.length < 4) return 'cấu trúc phân đoạn hỏng';
    const length = segment.readUInt16BE(2);
    if (length < 2 || offset + 2 + length > size) return 'cấu trúc phân đoạn hỏng';
    if (isFrameMarker(marker)) frame = true;
    if (marker === 0xda) {
      if (!frame) return 'không có khung ảnh (SOF)';
      offset += 2 + length;
      break;
    }
    offset += 2 + length;
  }
  // In the scans, 0xFF is followed by 0x00 or a marker: the end of image is FF D9.
  let previous = 0;
  for (let at = offset; at < size; at += BLOCK) {
    const block = await read(at, BLOCK);
    for (const byte of block) {
      if (previous === 0xff && byte === 0xd9) return undefined;
      previous = byte;
    }
  }
  return 'không có dấu kết thúc ảnh (EOI)';
}

/** A Word/Excel 97-2003 file: the compound file header's byte order and sector sizes. */
async function oleProblem(read: ReadAt): Promise<string | undefined> {
  const header = await read(0, 512);
  if (header.length < 512) return 'phần đầu tệp bị cắt cụt';
  const byteOrder = header.readUInt16LE(28);
  const sectorShift = header.readUInt16LE(30);
  if (byteOrder !== 0xfffe || (sectorShift !== 9 && sectorShift !== 12)) {
    return 'phần đầu tệp hỏng';
  }
  return undefined;
}

/**
 * Beyond the first bytes: does the file hold together as the type it claims (decision 0033)?
 * A reason in Vietnamese when it does not.
 */
export async function evidenceProblem(
  type: EvidenceType,
  read: ReadAt,
  size: number,
): Promise<string | undefined> {
  switch (type) {
    case 'pdf':
      return pdfProblem(read, size);
    case 'png':
      return pngProblem(read, size);
    case 'jpeg':
      return jpegProblem(read, size);
    case 'ole':
      return oleProblem(read);
    case 'docx':
    case 'xlsx':
      return zipProblem(read, size, type);
  }
}
