import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { DomainError } from '@chiso/core';
import { afterAll, describe, expect, it } from 'vitest';
import { evidenceProblem } from '../storage/verify-evidence.js';
import { parseTables } from './read-table.js';
import { readXlsxRows } from './stream-xlsx.js';

interface RawEntry {
  name: string;
  data: Buffer;
  /** The uncompressed size the directory declares (a bomb may lie). */
  size: number;
  method: 0 | 8;
}

/** A zip written byte by byte, so that its sizes can say what a hostile file would say. */
function zipOf(entries: readonly RawEntry[], aliases = 0): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data, size, method } of entries) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(n.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(n.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    central.push(entry, n);
    offset += 30 + n.length + data.length;
  }
  // More directory records for the last entry's one body, under other names (quine-like).
  const last = central.at(-2);
  for (let i = 0; last && i < aliases; i++) {
    const n = Buffer.from(`xl/media/alias${i}.bin`);
    const alias = Buffer.from(last);
    alias.writeUInt16LE(n.length, 28);
    central.push(alias, n);
  }
  const count = entries.length + aliases;
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const stored = (name: string, text: string): RawEntry => ({
  name,
  data: Buffer.from(text),
  size: Buffer.byteLength(text),
  method: 0,
});

const deflated = (name: string, text: string): RawEntry => ({
  name,
  data: deflateRawSync(Buffer.from(text)),
  size: Buffer.byteLength(text),
  method: 8,
});

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
const WORKBOOK =
  '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Trang 1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/** A one-sheet workbook around this sheet entry (and any other entries). */
function workbookWith(sheet: RawEntry, ...others: RawEntry[]): Buffer {
  return zipOf([
    stored('[Content_Types].xml', CONTENT_TYPES),
    stored('xl/workbook.xml', WORKBOOK),
    stored('xl/_rels/workbook.xml.rels', RELS),
    sheet,
    ...others,
  ]);
}

const sheetXml = (rows: string) =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/** 500 MB of zeros, deflated as a stream (some 500 KB), never held inflated. */
async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** The refusal `work` ends with; fails the test when it ends otherwise. */
async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const MB = 1024 * 1024;
const ZEROS = deflatedZeros(500);
const dir = mkdtemp(join(tmpdir(), 'chiso-zip-limits-'));
afterAll(async () => rm(await dir, { recursive: true, force: true }));

describe('zip limits on .xlsx imports', () => {
  it('refuses a 500 MB entry of zeros fast and with bounded memory, declared or not', async () => {
    const zeros = await ZEROS;
    expect(zeros.length).toBeLessThan(2 * MB);
    // Declared honestly: refused from the directory, before a byte is inflated.
    const honest = workbookWith({
      name: 'xl/worksheets/sheet1.xml',
      data: zeros,
      size: 500 * MB,
      method: 8,
    });
    // Declaring a small size: refused while inflating, at its declared size.
    const lying = workbookWith({
      name: 'xl/worksheets/sheet1.xml',
      data: zeros,
      size: 1000,
      method: 8,
    });
    // Declaring a size within the ratio of a ~0,5 MB entry: refused past 100 × its size.
    const lyingWithin = workbookWith({
      name: 'xl/worksheets/sheet1.xml',
      data: zeros,
      size: 40 * MB,
      method: 8,
    });
    const path = join(await dir, 'bom.xlsx');
    await writeFile(path, lying);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const started = performance.now();
    try {
      const first = await refusal(parseTables(honest, 'bom.xlsx'));
      expect(first.code).toBe('FILE_REJECTED');
      expect(first.message).toBe(
        'Tệp .xlsx bị từ chối: phần "xl/worksheets/sheet1.xml" giải nén ra 500 MB, gấp hơn 100 lần kích thước nén (có thể là "bom nén")',
      );
      expect(first.issues[0]?.sheet).toBe('bom.xlsx');
      for (const work of [
        () => parseTables(lying, 'bom.xlsx'),
        () => readXlsxRows(path, 'bom.xlsx', { sheet: () => undefined, row: () => undefined }),
        () => parseTables(lyingWithin, 'bom.xlsx'),
      ]) {
        const error = await refusal(work());
        expect(error.code).toBe('FILE_REJECTED');
        expect(error.message).toMatch(/^Tệp \.xlsx bị từ chối: phần "xl\/worksheets\/sheet1\.xml"/);
      }
    } finally {
      clearInterval(sample);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(peak - before).toBeLessThan(300 * MB);
  });

  it('refuses a zip of too many entries, and many entries that share one compressed body', async () => {
    const many = workbookWith(
      stored('xl/worksheets/sheet1.xml', sheetXml('')),
      ...Array.from({ length: 1500 }, (_x, i) => stored(`xl/media/a${i}.xml`, '<a/>')),
    );
    const error = await refusal(parseTables(many, 'nhieu.xlsx'));
    expect(error.code).toBe('FILE_REJECTED');
    expect(error.message).toBe('Tệp .xlsx bị từ chối: tệp nén có 1.504 phần, quá giới hạn 1.000');

    // Quine-like: 900 directory records point at one body of 1 MB declared as 90 MB (within
    // the ratio one by one): their total is refused before anything is inflated.
    const body = deflateRawSync(randomBytes(MB));
    const zip = zipOf(
      [
        stored('[Content_Types].xml', CONTENT_TYPES),
        stored('xl/workbook.xml', WORKBOOK),
        stored('xl/_rels/workbook.xml.rels', RELS),
        stored('xl/worksheets/sheet1.xml', sheetXml('')),
        { name: 'xl/media/0.bin', data: body, size: 90 * MB, method: 8 },
      ],
      900,
    );
    expect(zip.length).toBeLessThan(2 * MB);
    const shared = await refusal(parseTables(zip, 'quine.xlsx'));
    expect(shared.message).toBe(
      'Tệp .xlsx bị từ chối: tổng dung lượng giải nén vượt quá 200 MB (có thể là "bom nén")',
    );
  });

  it('refuses a corrupt zip with FILE_REJECTED, never an unexpected error', async () => {
    const good = workbookWith(deflated('xl/worksheets/sheet1.xml', sheetXml('<row r="1"/>')));
    const cut = good.subarray(0, good.length - 10);
    const cutError = await refusal(parseTables(cut, 'hong.xlsx'));
    expect(cutError.code).toBe('FILE_REJECTED');
    expect(cutError.message).toBe('Tệp .xlsx bị từ chối: không có thư mục trung tâm của tệp nén');
    const garbled = Buffer.from(good);
    const at = good.indexOf(Buffer.from('<?xml version="1.0"?><worksheet')) - 200;
    garbled.fill(0x41, Math.max(60, at), Math.max(60, at) + 400);
    const garbledError = await refusal(parseTables(garbled, 'hong.xlsx'));
    expect(garbledError.code).toBe('FILE_REJECTED');
    expect(garbledError.message).toMatch(/^Tệp \.xlsx bị từ chối: /);
    const noWorkbook = zipOf([stored('[Content_Types].xml', CONTENT_TYPES)]);
    expect((await refusal(parseTables(noWorkbook, 'x.xlsx'))).message).toBe(
      'Tệp .xlsx bị từ chối: thiếu phần xl/workbook.xml',
    );
  });

  it('refuses XML with a DOCTYPE (billion laughs) without expanding an entity', async () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [<!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_x, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ),
      ']>',
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>',
    ].join('');
    const error = await refusal(
      parseTables(workbookWith(deflated('xl/worksheets/sheet1.xml', laughs)), 'cuoi.xlsx'),
    );
    expect(error.message).toBe(
      'Tệp .xlsx bị từ chối: phần "xl/worksheets/sheet1.xml" có khai báo DOCTYPE, không được phép trong tệp .xlsx',
    );
    const undefinedEntity = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>',
    );
    expect(
      (
        await refusal(
          parseTables(workbookWith(stored('xl/worksheets/sheet1.xml', undefinedEntity)), 'e.xlsx'),
        )
      ).message,
    ).toBe('Tệp .xlsx bị từ chối: phần "xl/worksheets/sheet1.xml" không phải XML hợp lệ');
  });

  it("refuses rows and columns past Excel's maxima and cells past its length", async () => {
    const read = (rows: string) =>
      refusal(
        parseTables(workbookWith(stored('xl/worksheets/sheet1.xml', sheetXml(rows))), 'a.xlsx'),
      );
    expect((await read('<row r="1048577"><c r="A1048577"><v>1</v></c></row>')).message).toBe(
      'Tệp .xlsx bị từ chối: trang "Trang 1" có dòng ngoài giới hạn 1.048.576 dòng',
    );
    expect((await read('<row r="2"><c r="XFE2"><v>1</v></c></row>')).message).toBe(
      'Tệp .xlsx bị từ chối: trang "Trang 1", dòng 2 có ô ngoài giới hạn 16.384 cột',
    );
    const long = 'x'.repeat(32_768);
    expect(
      (await read(`<row r="3"><c r="A3" t="inlineStr"><is><t>${long}</t></is></c></row>`)).message,
    ).toBe('Tệp .xlsx bị từ chối: trang "Trang 1", dòng 3 có ô dài hơn 32.767 ký tự');
    const shared = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si><si><t>${long}</t></si></sst>`;
    const withShared = workbookWith(
      stored('xl/worksheets/sheet1.xml', sheetXml('')),
      deflated('xl/sharedStrings.xml', shared),
    );
    expect((await refusal(parseTables(withShared, 's.xlsx'))).message).toBe(
      'Tệp .xlsx bị từ chối: chuỗi dùng chung thứ 2 dài hơn 32.767 ký tự',
    );
  });

  it('applies the same limits to .docx and .xlsx evidence', async () => {
    const zeros = await ZEROS;
    const bomb = workbookWith(stored('xl/worksheets/sheet1.xml', sheetXml('')), {
      name: 'xl/media/image1.png',
      data: zeros,
      size: 500 * MB,
      method: 8,
    });
    const read = (offset: number, length: number) =>
      Promise.resolve(bomb.subarray(offset, offset + length));
    expect(await evidenceProblem('xlsx', read, bomb.length)).toBe(
      'phần "xl/media/image1.png" giải nén ra 500 MB, gấp hơn 100 lần kích thước nén (có thể là "bom nén")',
    );
    const lyingTypes = zipOf([
      { name: '[Content_Types].xml', data: zeros, size: 100, method: 8 },
      stored('xl/workbook.xml', WORKBOOK),
    ]);
    const readLying = (offset: number, length: number) =>
      Promise.resolve(lyingTypes.subarray(offset, offset + length));
    expect(await evidenceProblem('xlsx', readLying, lyingTypes.length)).toMatch(
      /^phần "\[Content_Types\]\.xml" /,
    );
  });
});
