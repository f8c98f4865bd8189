import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * The entries of a zip file, from its central directory at the end (sizes are right there even
 * when the writer streamed the entries with data descriptors). Empty when it is no zip.
 */
export async function zipEntries(path: string): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
        end = i;
        break;
      }
    }
    if (end < 0) return [];
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (directorySize > 64 * 1024 * 1024 || directoryOffset + directorySize > size) return [];
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    const entries: ZipEntry[] = [];
    let offset = 0;
    for (let n = 0; n < count && offset + 46 <= directory.length; n++) {
      if (directory.readUInt32LE(offset) !== DIRECTORY_ENTRY) break;
      const nameLength = directory.readUInt16LE(offset + 28);
      const extraLength = directory.readUInt16LE(offset + 30);
      const commentLength = directory.readUInt16LE(offset + 32);
      entries.push({
        name: directory.toString('utf8', offset + 46, offset + 46 + nameLength),
        method: directory.readUInt16LE(offset + 10),
        compressedSize: directory.readUInt32LE(offset + 20),
        localHeaderOffset: directory.readUInt32LE(offset + 42),
      });
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** The text of one entry (stored or deflated), streamed in pieces that end anywhere. */
export async function* entryText(path: string, entry: ZipEntry): AsyncGenerator<string> {
  const handle = await open(path, 'r');
  let dataOffset: number;
  try {
    const header = Buffer.alloc(30);
    await handle.read(header, 0, 30, entry.localHeaderOffset);
    if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new Error(`bad zip entry ${entry.name}`);
    dataOffset = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(path, {
    start: dataOffset,
    end: dataOffset + entry.compressedSize - 1,
    highWaterMark: 1 << 20,
  });
  if (entry.method !== 0 && entry.method !== 8) {
    raw.destroy();
    throw new Error(`zip method ${entry.method} not supported`);
  }
  const stream = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  raw.on('error', (error) => stream.destroy(error));
  stream.setEncoding('utf8');
  for await (const piece of stream) yield piece as string;
}
