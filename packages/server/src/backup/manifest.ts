import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SERVER_PACKAGE_JSON } from '../paths.js';

// The backup's inventory, `manifest.json`, the archive's last entry (decision 0039): what
// wrote it, when, at which migration level, every table with its columns and row count, and
// every entry's SHA-256 and size, so that a restore checks the whole file before it loads any.

export const BACKUP_FORMAT = 'chiso-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const size = z.number().int().min(0);

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  chisoVersion: z.string(),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
  migration: z.object({
    level: z.number().int().min(1),
    tag: z.string(),
    /** Every applied migration's hash, in order: the code must have the same ones first. */
    hashes: z.array(sha256),
  }),
  tables: z.array(
    z.object({
      name: z.string(),
      entry: z.string(),
      columns: z.array(z.object({ name: z.string(), type: z.string() })),
      primaryKey: z.array(z.string()),
      rows: size,
      sha256,
      bytes: size,
    }),
  ),
  files: z.array(
    z.object({
      entry: z.string(),
      /** Where the evidence store keeps it: "ab/cd/<sha256>". */
      key: z.string().regex(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/),
      sha256,
      bytes: size,
    }),
  ),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestTable = Manifest['tables'][number];

/** The server package's version, written into each backup. */
export function chisoVersion(): string {
  const text = readFileSync(SERVER_PACKAGE_JSON, 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

export const tableEntry = (index: number, name: string) =>
  `tables/${String(index + 1).padStart(3, '0')}-${name}.jsonl`;

export const fileEntry = (key: string) => `files/evidence/${key}`;
