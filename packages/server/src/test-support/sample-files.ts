import JSZip from 'jszip';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of these IHDR fields and IDAT data (one chunk or several), every CRC right. */
export function pngOf(
  ihdr: { width: number; height: number; depth?: number; colour?: number; interlace?: number },
  idat: Buffer | Buffer[],
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(ihdr.width, 0);
  header.writeUInt32BE(ihdr.height, 4);
  header.set([ihdr.depth ?? 8, ihdr.colour ?? 0, 0, 0, ihdr.interlace ?? 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    ...(Array.isArray(idat) ? idat : [idat]).map((data) => pngChunk('IDAT', data)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Grey rows of `width` 8-bit pixels, each led by filter byte `filter`. */
export function greyRows(width: number, height: number, filter = 0): Buffer {
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = filter;
  return rows;
}

/** A real PNG: a `width`×`height` grey picture (8-bit greyscale), chunks with their CRCs. */
export function samplePng(width = 4, height = 3): Buffer {
  return pngOf({ width, height }, deflateSync(greyRows(width, height)));
}

const segment = (marker: number, data: number[]) =>
  Buffer.from([0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data]);

/** A JPEG's structure: SOI, JFIF, a quantisation table, a baseline frame, a scan, EOI. */
export function sampleJpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    segment(0xdb, [0, ...Array<number>(64).fill(1)]),
    segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]),
    segment(0xda, [1, 1, 0, 0, 63, 0]),
    Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

const CONTENT_TYPES = (main: string, part: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="${part}" ContentType="${main}"/></Types>`;

/** A .docx or .xlsx package as Office writes its skeleton (a content types list and the main part). */
export async function sampleOffice(type: 'docx' | 'xlsx', contentTypes = true): Promise<Buffer> {
  const zip = new JSZip();
  const [part, main] =
    type === 'docx'
      ? [
          '/word/document.xml',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        ]
      : [
          '/xl/workbook.xml',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        ];
  if (contentTypes) zip.file('[Content_Types].xml', CONTENT_TYPES(main, part));
  zip.file(part.slice(1), '<?xml version="1.0" encoding="UTF-8"?><root/>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
