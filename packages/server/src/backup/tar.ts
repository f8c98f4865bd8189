import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';

// A small POSIX ustar writer and reader: the backup is a gzip-compressed tar of plain files
// (decision 0039), readable by `tar -tzf` and `tar -xzf` anywhere. Only regular files, names of
// ASCII letters, digits, "-", "_", "." and "/" up to 100 characters, sizes below 8 GiB.

const BLOCK = 512;
const MAX_SIZE = 8 * 1024 ** 3 - 1;
const NAME = /^[A-Za-z0-9._/-]{1,100}$/;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: Date): Buffer {
  if (!NAME.test(name) || name.split('/').includes('..')) {
    throw new Error(`tar entry name not allowed: ${name}`);
  }
  if (size > MAX_SIZE) throw new Error(`tar entry ${name} too large (${size} bytes)`);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 'ascii');
  block.write(octal(0o644, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

async function put(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Writes tar entries one after another into a stream (a gzip stream, then a file). */
export class TarWriter {
  constructor(
    private readonly out: Writable,
    private readonly mtime: Date,
  ) {}

  /** One entry of known size whose bytes come from `source`; fails if they differ in length. */
  async add(
    name: string,
    size: number,
    source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  ): Promise<void> {
    await put(this.out, header(name, size, this.mtime));
    let written = 0;
    for await (const piece of source) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
      written += chunk.length;
      if (written > size) throw new Error(`tar entry ${name} longer than ${size} bytes`);
      await put(this.out, chunk);
    }
    if (written !== size) throw new Error(`tar entry ${name} is ${written} bytes, not ${size}`);
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad > 0) await put(this.out, Buffer.alloc(pad));
  }

  /** The two zero blocks that end an archive; the stream is then ended. */
  async finish(): Promise<void> {
    await put(this.out, Buffer.alloc(BLOCK * 2));
    this.out.end();
    await once(this.out, 'finish');
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** The entry's bytes; must be read to the end (or drained) before the next entry. */
  body: AsyncIterable<Buffer>;
}

/** Not a tar written by `TarWriter`: the backup is damaged or something else. */
export class TarFormatError extends Error {
  override readonly name = 'TarFormatError';
}

function readOctal(block: Buffer, start: number, width: number): number {
  const text = block
    .subarray(start, start + width)
    .toString('ascii')
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError('số trong tiêu đề tar không hợp lệ');
  return parseInt(text, 8);
}

function parseHeader(block: Buffer): { name: string; size: number } {
  let sum = 0;
  for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 32 : (block[i] ?? 0);
  if (readOctal(block, 148, 8) !== sum) throw new TarFormatError('tổng kiểm tra tiêu đề tar sai');
  const end = block.indexOf(0);
  const name = block.subarray(0, end === -1 || end > 100 ? 100 : end).toString('ascii');
  const type = String.fromCharCode(block[156] ?? 0);
  if (type !== '0' && type !== '\0') {
    throw new TarFormatError(`mục "${name}" không phải tệp thường`);
  }
  if (!NAME.test(name) || name.split('/').includes('..')) {
    throw new TarFormatError(`tên mục "${name}" không hợp lệ`);
  }
  return { name, size: readOctal(block, 124, 12) };
}

/**
 * Reads the entries of a tar stream in order. Each entry's body streams; the reader never holds
 * more than one chunk of the input beyond what the current entry asks for.
 */
export async function* readTar(input: Readable): AsyncGenerator<TarEntry> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let pending: Buffer = Buffer.alloc(0);
  let ended = false;
  const fill = async (bytes: number): Promise<boolean> => {
    while (pending.length < bytes && !ended) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else pending = pending.length === 0 ? next.value : Buffer.concat([pending, next.value]);
    }
    return pending.length >= bytes;
  };
  const take = (bytes: number): Buffer => {
    const head = pending.subarray(0, bytes);
    pending = pending.subarray(bytes);
    return head;
  };
  for (;;) {
    if (!(await fill(BLOCK))) throw new TarFormatError('tệp bị cắt cụt (thiếu phần kết thúc)');
    const block = take(BLOCK);
    if (block.every((byte) => byte === 0)) return;
    const { name, size } = parseHeader(block);
    let left = size;
    const next = async (): Promise<Buffer> => {
      if (pending.length === 0 && !(await fill(1))) {
        throw new TarFormatError(`tệp bị cắt cụt trong mục "${name}"`);
      }
      const chunk = take(Math.min(left, pending.length));
      left -= chunk.length;
      return chunk;
    };
    const body = async function* (): AsyncGenerator<Buffer> {
      while (left > 0) yield await next();
    };
    yield { name, size, body: body() };
    // Whatever the reader of the entry left unread is skipped.
    while (left > 0) await next();
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad > 0) {
      if (!(await fill(pad))) throw new TarFormatError(`tệp bị cắt cụt sau mục "${name}"`);
      take(pad);
    }
  }
}
