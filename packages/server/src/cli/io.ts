import { once } from 'node:events';

/** What the command line touches besides files: its streams. Tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  /**
   * Writes one piece of a long output and resolves when the stream can take more, so that a
   * large result never piles up in memory. Without it (tests), `stdout` takes every piece.
   */
  write?: (text: string) => Promise<void>;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  write: async (text) => {
    if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  },
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** One piece of a long output, through `write` when the streams have it. */
export async function writePiece(io: CliIo, text: string): Promise<void> {
  if (io.write) await io.write(text);
  else io.stdout(text);
}
