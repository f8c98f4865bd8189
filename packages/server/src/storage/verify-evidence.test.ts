import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { samplePdf } from '../demo/pdf.js';
import {
  greyRows,
  pngOf,
  sampleJpeg,
  sampleOffice,
  samplePng,
} from '../test-support/sample-files.js';
import { sniffEvidenceType } from './sniff.js';
import { evidenceProblem, type ReadAt } from './verify-evidence.js';

const readerOver =
  (bytes: Buffer): ReadAt =>
  (offset, length) =>
    Promise.resolve(bytes.subarray(offset, offset + length));

/** What the store would say of these bytes, after sniffing their type. */
async function problemOf(bytes: Buffer) {
  const type = sniffEvidenceType(bytes.subarray(0, 64 * 1024));
  if (type === undefined) throw new Error('not sniffed');
  return evidenceProblem(type, readerOver(bytes), bytes.length);
}

const PDF = samplePdf(['Báo cáo']);

describe('evidence checked beyond its first bytes', () => {
  it('accepts well-formed files of every type', async () => {
    for (const bytes of [
      PDF,
      Buffer.concat([PDF, Buffer.from('\n')]),
      samplePng(),
      sampleJpeg(),
      await sampleOffice('docx'),
      await sampleOffice('xlsx'),
    ]) {
      expect(await problemOf(bytes)).toBeUndefined();
    }
  });

  it('accepts a PDF whose cross-reference is a stream', async () => {
    const object =
      '1 0 obj\n<< /Type /XRef /Size 1 /W [1 1 1] /Length 0 >>\nstream\n\nendstream\nendobj\n';
    const head = '%PDF-1.5\n';
    const pdf = `${head}${object}startxref\n${head.length}\n%%EOF\n`;
    expect(await problemOf(Buffer.from(pdf, 'latin1'))).toBeUndefined();
  });

  it.each([
    [
      'a PDF header followed by a web page',
      '%PDF-1.4\n<html><body><script>alert(1)</script>',
      'có nội dung HTML hoặc mã script',
    ],
    [
      'a PDF header followed by a script',
      '%PDF-1.7\n%%EOF\n<SCRIPT src=x></SCRIPT>',
      'có nội dung HTML hoặc mã script',
    ],
    ['a bare PDF header', '%PDF-1.4\n', 'không có dấu kết thúc %%EOF'],
    ['a PDF without startxref', '%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'thiếu startxref'],
    [
      'a startxref past the end',
      '%PDF-1.4\nstartxref\n99999\n%%EOF\n',
      'startxref trỏ ra ngoài tệp',
    ],
    [
      'a startxref pointing at nothing',
      '%PDF-1.4\nabc\nstartxref\n3\n%%EOF\n',
      'không có bảng tham chiếu chéo (xref) tại vị trí startxref',
    ],
  ])('refuses %s', async (_what, text, reason) => {
    expect(await problemOf(Buffer.from(text, 'latin1'))).toBe(reason);
  });

  it('refuses a PDF cut short (its end lost)', async () => {
    expect(await problemOf(PDF.subarray(0, PDF.length - 40))).toBe('không có dấu kết thúc %%EOF');
  });

  it('refuses PNGs that do not decode: a bare header, a wrong CRC, a cut, no IDAT', async () => {
    const png = samplePng();
    expect(await problemOf(png.subarray(0, 16))).toBe('không bắt đầu bằng khối IHDR');
    const flipped = Buffer.from(png);
    flipped[20] = (flipped[20] as number) ^ 0xff;
    expect(await problemOf(flipped)).toBe('khối IHDR sai mã kiểm tra CRC');
    expect(await problemOf(png.subarray(0, png.length - 12))).toBe('không có khối kết thúc IEND');
    expect(await problemOf(png.subarray(0, png.length - 20))).toMatch(/^khối IDAT bị cắt cụt$/);
    const noData = Buffer.concat([png.subarray(0, 33), png.subarray(png.length - 12)]);
    expect(await problemOf(noData)).toBe('không có dữ liệu ảnh (IDAT)');
  });

  it('refuses PNGs whose image data does not decode to the rows the header declares', async () => {
    const grey = { width: 4, height: 3 };
    expect(await problemOf(pngOf(grey, Buffer.from('not zlib at all, only text')))).toBe(
      'dữ liệu ảnh không giải nén được',
    );
    expect(await problemOf(pngOf(grey, deflateSync(greyRows(4, 2))))).toBe(
      'dữ liệu ảnh thiếu so với kích thước khai báo',
    );
    expect(await problemOf(pngOf(grey, deflateSync(greyRows(4, 4))))).toBe(
      'dữ liệu ảnh dài hơn kích thước khai báo',
    );
    expect(await problemOf(pngOf(grey, deflateSync(greyRows(4, 3, 7))))).toBe(
      'dữ liệu ảnh có dòng lọc sai',
    );
    expect(
      await problemOf(pngOf({ width: 20_000, height: 20_000 }, deflateSync(greyRows(4, 3)))),
    ).toBe('ảnh lớn hơn 100 triệu điểm ảnh');
    expect(
      await problemOf(pngOf({ ...grey, colour: 2, depth: 4 }, deflateSync(greyRows(4, 3)))),
    ).toBe('kiểu màu hoặc độ sâu màu không hợp lệ');
  });

  it('reads rows across IDAT chunks and inflated pieces: a bad filter byte in the last row', async () => {
    // RGBA 100 × 100: 401 bytes a row, 40.100 in all, inflated in several pieces of 16 KiB.
    const rows = greyRows(400, 100);
    const split = (data: Buffer) => [
      data.subarray(0, 7),
      data.subarray(7, 300),
      data.subarray(300),
    ];
    const rgba = { width: 100, height: 100, colour: 6 };
    expect(await problemOf(pngOf(rgba, split(deflateSync(rows))))).toBe(undefined);
    rows[401 * 99] = 9;
    expect(await problemOf(pngOf(rgba, split(deflateSync(rows))))).toBe(
      'dữ liệu ảnh có dòng lọc sai',
    );
  });

  it('accepts an interlaced PNG and colour PNGs whose rows add up', async () => {
    // Adam7 on 4×3 grey: passes 1, 2 (none: x from 4), 3 (none: y from 4), 4, 5, 6 and 7.
    const passRows = [
      [1, 1],
      [1, 1],
      [2, 1],
      [2, 2],
      [4, 1],
    ];
    const interlaced = Buffer.concat(
      passRows.map(([columns, count]) => greyRows(columns as number, count as number)),
    );
    expect(
      await problemOf(pngOf({ width: 4, height: 3, interlace: 1 }, deflateSync(interlaced))),
    ).toBe(undefined);
    // RGBA 8-bit: 1 + 4 × 4 bytes a row.
    expect(
      await problemOf(pngOf({ width: 4, height: 3, colour: 6 }, deflateSync(greyRows(16, 3)))),
    ).toBe(undefined);
  });

  it('refuses JPEGs without a frame, without an end, or with broken segments', async () => {
    const jpeg = sampleJpeg();
    expect(await problemOf(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBe(
      'kết thúc trước khi có dữ liệu ảnh',
    );
    expect(await problemOf(jpeg.subarray(0, jpeg.length - 2))).toBe(
      'không có dấu kết thúc ảnh (EOI)',
    );
    const withoutFrame = Buffer.concat([jpeg.subarray(0, 89), jpeg.subarray(102)]);
    expect(await problemOf(withoutFrame)).toBe('không có khung ảnh (SOF)');
    expect(await problemOf(Buffer.concat([jpeg.subarray(0, 4), Buffer.alloc(40)]))).toBe(
      'cấu trúc phân đoạn hỏng',
    );
  });

  it('refuses Office files that are not whole packages', async () => {
    const docx = await sampleOffice('docx');
    expect(await problemOf(docx.subarray(0, docx.length - 30))).toBe(
      'không có thư mục trung tâm của tệp nén',
    );
    expect(await problemOf(await sampleOffice('xlsx', false))).toBe('thiếu [Content_Types].xml');
    // A document package whose content types declare a workbook.
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      (await JSZip.loadAsync(await sampleOffice('xlsx')))
        .file('[Content_Types].xml')
        ?.async('string') ?? '',
    );
    zip.file('word/document.xml', '<root/>');
    const mixed = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await problemOf(mixed)).toBe('[Content_Types].xml không khai báo đúng loại tệp');
  });
});
