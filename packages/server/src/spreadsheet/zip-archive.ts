import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';

/**
 * What a zip (an .xlsx workbook, a .docx or .xlsx evidence file) may hold before it is refused
 * unread: a zip bomb is stopped by its declared sizes, and a zip that lies about them by the
 * bytes actually inflated, counted as they stream (never a whole entry in memory).
 */
export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Uncompressed bytes of all entries together, declared and read. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size of one entry, once it is past `ratioFreeBytes`. */
  maxRatio: number;
  ratioFreeBytes: number;
}

const MB = 1024 * 1024;
/** Bytes zlib hands over at a time when inflating an entry. */
const INFLATE_CHUNK = 256 * 1024;

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxTotalBytes: 200 * MB,
  maxRatio: 100,
  ratioFreeBytes: MB,
};

/** Limits for a large archive read as a stream: the total grows with the file (10 × its size). */
export function limitsForSize(size: number): ZipLimits {
  return { ...ZIP_LIMITS, maxTotalBytes: Math.max(ZIP_LIMITS.maxTotalBytes, 10 * size) };
}

/** A zip, or a part inside it, refused; the message says why in Vietnamese. */
export class ZipRefused extends Error {
  override readonly name = 'ZipRefused';
}

const megabytes = (bytes: number) =>
  (bytes / MB).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

/** The zip as yauzl reads it: a path, the bytes in memory, or a reader at offsets. */
export type ZipSource = string | Uint8Array | { read: ReadAt; size: number };

class ReadAtReader extends yauzl.RandomAccessReader {
  constructor(private readonly readAt: ReadAt) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const readAt = this.readAt;
    let at = start;
    return new Readable({
      read() {
        if (at >= end) {
          this.push(null);
          return;
        }
        const length = Math.min(end - at, 1 << 20);
        readAt(at, length).then(
          (bytes) => {
            if (bytes.length === 0) {
              this.destroy(new Error('unexpected end of file'));
              return;
            }
            at += bytes.length;
            this.push(bytes);
          },
          (error: Error) => this.destroy(error),
        );
      },
    });
  }
}

const OPTIONS: yauzl.Options = {
  lazyEntries: true,
  autoClose: false,
  validateEntrySizes: true,
  strictFileNames: false,
};

async function openSource(source: ZipSource): Promise<yauzl.ZipFile> {
  if (typeof source === 'string') return yauzl.openPromise(source, OPTIONS);
  if (source instanceof Uint8Array) {
    const buffer = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    return yauzl.fromBufferPromise(buffer, OPTIONS);
  }
  return yauzl.fromRandomAccessReaderPromise(new ReadAtReader(source.read), source.size, OPTIONS);
}

/** Why yauzl could not read the archive, in words a person can act on. */
function brokenZip(error: unknown): ZipRefused {
  const text = error instanceof Error ? error.message : String(error);
  if (/end of central directory record signature not found/i.test(text)) {
    return new ZipRefused('không có thư mục trung tâm của tệp nén');
  }
  return new ZipRefused('thư mục trung tâm của tệp nén hỏng');
}

function checkEntry(entry: yauzl.Entry, limits: ZipLimits): void {
  const name = entry.fileName;
  if (entry.isEncrypted()) throw new ZipRefused(`phần "${name}" được mã hoá`);
  const ratioCap = Math.max(limits.ratioFreeBytes, entry.compressedSize * limits.maxRatio);
  if (entry.uncompressedSize > ratioCap) {
    throw new ZipRefused(
      `phần "${name}" giải nén ra ${megabytes(entry.uncompressedSize)} MB, gấp hơn ${limits.maxRatio} lần kích thước nén (có thể là "bom nén")`,
    );
  }
}

/** A zip opened with its directory checked against the limits; entries read one at a time. */
export class ZipArchive {
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly limits: ZipLimits,
  ) {}

  static async open(source: ZipSource, limits: ZipLimits = ZIP_LIMITS): Promise<ZipArchive> {
    let zip: yauzl.ZipFile;
    try {
      zip = await openSource(source);
    } catch (error) {
      throw brokenZip(error);
    }
    try {
      if (zip.entryCount > limits.maxEntries) {
        throw new ZipRefused(
          `tệp nén có ${zip.entryCount.toLocaleString('vi-VN')} phần, quá giới hạn ${limits.maxEntries.toLocaleString('vi-VN')}`,
        );
      }
      const entries = new Map<string, yauzl.Entry>();
      let declared = 0;
      for await (const entry of readEntries(zip)) {
        checkEntry(entry, limits);
        declared += entry.uncompressedSize;
        if (declared > limits.maxTotalBytes) throw totalTooLarge(limits);
        entries.set(entry.fileName, entry);
      }
      return new ZipArchive(zip, entries, limits);
    } catch (error) {
      zip.close();
      throw error instanceof ZipRefused ? error : brokenZip(error);
    }
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * The bytes of one entry as they inflate, counted against the entry's declared size, its
   * ratio and the archive's total: past any of them the stream stops and the zip is refused.
   */
  async *bytes(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw new ZipRefused(`thiếu phần "${name}"`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new ZipRefused(
        `phần "${name}" dùng kiểu nén không hỗ trợ (${entry.compressionMethod})`,
      );
    }
    let raw: Readable;
    try {
      // Deflated entries are inflated here rather than by yauzl, in pieces of 256 KB instead
      // of zlib's 16 KB: a third of the CPU time on a large sheet (decision 0044). The size
      // yauzl would assert is asserted below, on the same bytes.
      raw = await this.zip.openReadStreamPromise(
        entry,
        entry.compressionMethod === 8 ? { decompress: false } : {},
      );
    } catch {
      throw new ZipRefused(`phần "${name}" của tệp nén hỏng`);
    }
    const stream =
      entry.compressionMethod === 8
        ? raw.pipe(createInflateRaw({ chunkSize: INFLATE_CHUNK }))
        : raw;
    raw.on('error', (error) => stream.destroy(error));
    const cap = Math.max(this.limits.ratioFreeBytes, entry.compressedSize * this.limits.maxRatio);
    const misdeclared = () =>
      new ZipRefused(`phần "${name}" của tệp nén hỏng hoặc khai sai kích thước`);
    let read = 0;
    try {
      for await (const piece of stream) {
        const chunk = piece as Buffer;
        read += chunk.length;
        this.inflated += chunk.length;
        if (read > entry.uncompressedSize) throw misdeclared();
        if (read > cap) {
          throw new ZipRefused(
            `phần "${name}" giải nén gấp hơn ${this.limits.maxRatio} lần kích thước nén (có thể là "bom nén")`,
          );
        }
        if (this.inflated > this.limits.maxTotalBytes) throw totalTooLarge(this.limits);
        yield chunk;
      }
      if (read !== entry.uncompressedSize) throw misdeclared();
    } catch (error) {
      if (error instanceof ZipRefused) throw error;
      throw misdeclared();
    } finally {
      stream.destroy();
      raw.destroy();
    }
  }

  close(): void {
    this.zip.close();
  }
}

function totalTooLarge(limits: ZipLimits): ZipRefused {
  return new ZipRefused(
    `tổng dung lượng giải nén vượt quá ${megabytes(limits.maxTotalBytes)} MB (có thể là "bom nén")`,
  );
}

/** The central directory's entries, one `readEntry` at a time (lazyEntries). */
async function* readEntries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const next = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      const onEntry = (entry: yauzl.Entry) => {
        cleanup();
        resolve(entry);
      };
      const onEnd = () => {
        cleanup();
        resolve(undefined);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const cleanup = () => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });
    if (next === undefined) return;
    yield next;
  }
}

/** Opens the archive, runs `work`, and closes it whatever happens. */
export async function withZip<T>(
  source: ZipSource,
  limits: ZipLimits,
  work: (archive: ZipArchive) => Promise<T>,
): Promise<T> {
  const archive = await ZipArchive.open(source, limits);
  try {
    return await work(archive);
  } finally {
    archive.close();
  }
}
