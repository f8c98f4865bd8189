import { createInflate, type Inflate } from 'node:zlib';

// A PNG decodes when its IDAT data inflates to exactly the rows its header declares, each row
// led by a valid filter byte (decision 0033). The pixels are counted, never kept.

/** Beyond this a picture is refused before it is inflated: a scan of an A3 page at 600 dpi is 70. */
export const MAX_PNG_PIXELS = 100_000_000;

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};
/** Adam7's seven passes: first column, first row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

export interface PngLayout {
  /** Bytes of every row with its filter byte, pass by pass when interlaced. */
  rows: { length: number; count: number }[];
  total: number;
}

/** The rows IHDR declares, or why it cannot be decoded. */
export function pngLayout(ihdr: Buffer): PngLayout | string {
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const [depth, colour, compression, filter, interlace] = ihdr.subarray(8, 13);
  const channels = CHANNELS[colour as number];
  if (!channels || !DEPTHS[colour as number]?.includes(depth as number)) {
    return 'kiểu màu hoặc độ sâu màu không hợp lệ';
  }
  if (compression !== 0 || filter !== 0 || (interlace !== 0 && interlace !== 1)) {
    return 'cách nén hoặc cách lọc không hợp lệ';
  }
  if (width * height > MAX_PNG_PIXELS) return 'ảnh lớn hơn 100 triệu điểm ảnh';
  const bits = channels * (depth as number);
  const passes = interlace === 1 ? ADAM7 : ([[0, 0, 1, 1]] as const);
  const rows = passes
    .map(([x, y, dx, dy]) => ({
      columns: Math.ceil((width - x) / dx),
      count: Math.max(0, Math.ceil((height - y) / dy)),
    }))
    .filter((pass) => pass.columns > 0 && pass.count > 0)
    .map((pass) => ({ length: 1 + Math.ceil((pass.columns * bits) / 8), count: pass.count }));
  return { rows, total: rows.reduce((sum, pass) => sum + pass.length * pass.count, 0) };
}

/** Inflates IDAT data as it is read, checking each row's filter byte and the total. */
export class PngPixels {
  private readonly inflate: Inflate;
  private produced = 0;
  private problem: string | undefined;
  private readonly done: Promise<void>;

  constructor(private readonly layout: PngLayout) {
    this.inflate = createInflate();
    this.inflate.on('data', (bytes: Buffer) => this.take(bytes));
    this.done = new Promise((resolve) => {
      this.inflate.once('end', resolve);
      this.inflate.once('close', resolve);
      this.inflate.once('error', () => {
        this.problem ??= 'dữ liệu ảnh không giải nén được';
        resolve();
      });
    });
  }

  write(bytes: Buffer): void {
    if (this.problem === undefined) this.inflate.write(bytes);
  }

  /** Once IEND is reached: why the pixels are wrong, if they are. */
  async finish(): Promise<string | undefined> {
    if (this.problem === undefined) this.inflate.end();
    await this.done;
    if (this.problem) return this.problem;
    return this.produced < this.layout.total
      ? 'dữ liệu ảnh thiếu so với kích thước khai báo'
      : undefined;
  }

  /** Stops inflating (a problem found elsewhere first). */
  stop(): void {
    this.inflate.destroy();
  }

  private take(bytes: Buffer): void {
    const start = this.produced;
    this.produced += bytes.length;
    if (this.produced > this.layout.total) {
      this.problem ??= 'dữ liệu ảnh dài hơn kích thước khai báo';
      this.inflate.destroy();
      return;
    }
    // Each row starts with its filter type, 0 to 4.
    let rowStart = 0;
    for (const pass of this.layout.rows) {
      const passEnd = rowStart + pass.length * pass.count;
      if (passEnd > start) {
        const first = Math.max(0, Math.ceil((start - rowStart) / pass.length));
        for (let row = first; row < pass.count; row++) {
          const at = rowStart + row * pass.length;
          if (at >= this.produced) break;
          if ((bytes[at - start] as number) > 4) {
            this.problem ??= 'dữ liệu ảnh có dòng lọc sai';
            this.inflate.destroy();
            return;
          }
        }
      }
      rowStart = passEnd;
      if (rowStart >= this.produced) break;
    }
  }
}
