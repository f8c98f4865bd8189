import ExcelJS from 'exceljs';
import type { Random } from './seeded.js';

type Cell = string | number | boolean | Date | null;
type Rows = Cell[][];

/** Which import a file goes to: its route and how its valid rows are made. */
export interface ImportKind {
  name: 'units' | 'accounts' | 'framework';
  path: (trial: number) => string;
  /** Valid rows, with ids of their own so that each trial's import could succeed alone. */
  rows: (trial: number) => Rows;
}

const UNITS: ImportKind = {
  name: 'units',
  path: () => '/api/units/import',
  rows: (trial) => [
    ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Đơn vị cấp trên'],
    [`H${trial}`, `UBND huyện Thử Nghiệm ${trial}`, 'UBND cấp huyện', null],
    ...Array.from({ length: 20 }, (_x, i): Cell[] => [
      `X${trial}-${i}`,
      `UBND xã Thử Nghiệm ${trial}.${i}`,
      'xã',
      `H${trial}`,
    ]),
  ],
};

const ACCOUNTS: ImportKind = {
  name: 'accounts',
  path: () => '/api/users/import',
  rows: (trial) => [
    ['Tên đăng nhập', 'Họ và tên', 'Vai trò', 'Mã đơn vị'],
    ...Array.from({ length: 10 }, (_x, i): Cell[] =>
      i % 2 === 0
        ? [`cb${trial}.${i}`, `Nguyễn Văn Thử ${trial}.${i}`, 'Cán bộ đầu mối', 'SNV']
        : [`td${trial}.${i}`, `Trần Thị Thử ${trial}.${i}`, 'Thẩm định', null],
    ),
  ],
};

const FRAMEWORK: ImportKind = {
  name: 'framework',
  path: (trial) =>
    `/api/frameworks/import?name=${encodeURIComponent(`Bộ chỉ số thử ${trial}`)}&year=2022&unitType=so`,
  rows: () => [
    ['Stt', 'Lĩnh vực/Tiêu chí', 'Điểm tối đa', 'Quy tắc chấm', 'Tài liệu kiểm chứng'],
    ['1', 'Công tác chỉ đạo, điều hành CCHC', '4', null, null],
    [
      '1.1',
      'Ban hành kế hoạch CCHC năm',
      '1',
      '{"kind":"timeliness","deadline":"2022-01-31","latePoints":"0,5"}',
      'Kế hoạch CCHC năm',
    ],
    ['1.2', 'Báo cáo CCHC định kỳ', '1', '{"kind":"countOnTime","required":4}', 'Các báo cáo quý'],
    ['1.3', 'Sáng kiến CCHC', '2', '{"kind":"perItem","pointsPerItem":1}', 'Quyết định'],
    ['3', 'Cải cách thủ tục hành chính', '3', null, null],
    ['3.1', 'Công khai thủ tục hành chính', '3', '{"kind":"manual","step":"0,25"}', null],
    ['7', 'Chính quyền điện tử, chính quyền số', '3', null, null],
    ['7.1', 'Hồ sơ trực tuyến toàn trình', '3', '{"kind":"proportional","fullAtPercent":50}', null],
  ],
};

export const IMPORT_KINDS: readonly ImportKind[] = [UNITS, ACCOUNTS, FRAMEWORK];

export const MUTATIONS = [
  'byteFlips',
  'truncation',
  'zipEntryDamage',
  'hugeCell',
  'wrongTypes',
  'duplicatedRows',
  'controlCharacters',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** CSV as a spreadsheet program saves it: UTF-8 with BOM, semicolons, quotes doubled. */
function csv(rows: Rows): Buffer {
  const cell = (value: Cell) => {
    const text = value === null ? '' : value instanceof Date ? value.toISOString() : String(value);
    return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return Buffer.from(`\uFEFF${rows.map((row) => row.map(cell).join(';')).join('\n')}\n`);
}

async function xlsx(rows: Rows): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u001b', '\u007f', '\u202e'];

/** Row-level damage: what a person or a script could type into the cells. */
export function mutateRows(rows: Rows, mutation: Mutation, random: Random): Rows {
  const copy = rows.map((row) => [...row]);
  const body = () => random.int(1, copy.length - 1);
  const column = (row: Cell[]) => random.int(0, Math.max(0, row.length - 1));
  if (mutation === 'hugeCell') {
    const row = copy[body()] ?? [];
    // From 100.000 characters to 3 MB: past every length rule, inside the upload limit.
    row[column(row)] = 'Ữ'.repeat(random.int(100_000, 1_000_000));
  } else if (mutation === 'wrongTypes') {
    for (let k = random.int(1, 4); k > 0; k--) {
      const row = copy[body()] ?? [];
      row[column(row)] = random.pick<Cell>([
        -1e308,
        Number.MAX_SAFE_INTEGER * 10,
        0.1 + 0.2,
        true,
        new Date(Date.UTC(1899, 11, 31)),
        '=1+1',
        '{"kind":"perItem","pointsPerItem":"mười"}',
        '9'.repeat(400),
        '',
        '   ',
      ]);
    }
  } else if (mutation === 'duplicatedRows') {
    for (let k = random.int(1, 5); k > 0; k--) {
      const row = copy[body()] ?? [];
      copy.splice(body(), 0, [...row]);
    }
  } else if (mutation === 'controlCharacters') {
    for (let k = random.int(1, 4); k > 0; k--) {
      const row = copy[body()] ?? [];
      const at = column(row);
      row[at] = `${String(row[at] ?? '')}${random.pick(CONTROL)}x`;
    }
  }
  return copy;
}

/** Byte-level damage of the encoded file. */
export function mutateBytes(file: Buffer, mutation: Mutation, random: Random): Buffer {
  const bytes = Buffer.from(file);
  if (mutation === 'byteFlips') {
    for (let k = random.int(1, 16); k > 0; k--) {
      const at = random.int(0, bytes.length - 1);
      bytes[at] = (bytes[at] ?? 0) ^ (1 << random.int(0, 7));
    }
    return bytes;
  }
  if (mutation === 'truncation') return bytes.subarray(0, random.int(0, bytes.length - 1));
  // zipEntryDamage: a local file header's fields or the start of its data.
  const headers: number[] = [];
  for (
    let at = bytes.indexOf('PK\u0003\u0004');
    at >= 0;
    at = bytes.indexOf('PK\u0003\u0004', at + 4)
  )
    headers.push(at);
  const at = headers.length ? random.pick(headers) : 0;
  const field = random.pick([
    { offset: 8, size: 2 }, // compression method
    { offset: 14, size: 4 }, // CRC-32
    { offset: 18, size: 4 }, // compressed size
    { offset: 22, size: 4 }, // uncompressed size
    { offset: 26, size: 2 }, // name length
    { offset: 30 + random.int(0, 60), size: 8 }, // name and data
  ]);
  for (let i = 0; i < field.size && at + field.offset + i < bytes.length; i++)
    bytes[at + field.offset + i] = random.int(0, 255);
  return bytes;
}

const BYTE_LEVEL: readonly Mutation[] = ['byteFlips', 'truncation', 'zipEntryDamage'];

/** The `trial`th file: a valid import of `kind`, as .xlsx or .csv, damaged by `mutation`. */
export async function mutatedFile(
  kind: ImportKind,
  trial: number,
  mutation: Mutation,
  random: Random,
): Promise<{ name: string; content: Buffer }> {
  // A zip's entries exist in .xlsx only; CSV takes the other damage.
  const asXlsx = mutation === 'zipEntryDamage' || random.next() < 0.5;
  const rows = BYTE_LEVEL.includes(mutation)
    ? kind.rows(trial)
    : mutateRows(kind.rows(trial), mutation, random);
  const encoded = asXlsx ? await xlsx(rows) : csv(rows);
  const content = BYTE_LEVEL.includes(mutation) ? mutateBytes(encoded, mutation, random) : encoded;
  return { name: `${kind.name}-${trial}.${asXlsx ? 'xlsx' : 'csv'}`, content };
}
