import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { constants } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CODE_URL, PGLITE_TEMPLATES } from '../paths.js';

/**
 * A PGlite cluster made at build time, migrated, copied into an empty folder on first start
 * (decision 0049): initdb in WebAssembly and the first migrations are most of an empty folder's
 * start, and their result is the same bytes for every install of the same PGlite.
 */
const TEMPLATES = PGLITE_TEMPLATES;

/** Clusters are only known good for the PGlite that made them: the folder names its version. */
function pgliteVersion(): string {
  const entry = createRequire(CODE_URL).resolve('@electric-sql/pglite');
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string })
    .version;
}

export function templateDir(): string {
  return join(TEMPLATES, `pglite-${pgliteVersion()}`);
}

/** Whether seedFromTemplate would fill `pgdata`: a template for this PGlite, an empty folder. */
export function needsSeed(pgdata: string, template: string = templateDir()): boolean {
  if (!existsSync(join(template, 'PG_VERSION'))) return false;
  return !(existsSync(pgdata) && readdirSync(pgdata).length > 0);
}

/**
 * Fills an empty PGlite folder from the template when there is one for this PGlite; returns
 * whether it did. A folder holding anything is left alone; the copy goes to a side folder first
 * and is renamed in place, so that a start cut short never leaves half a cluster to resume.
 * Everything up to the copies runs before the first await: the start loads its code while
 * the files are copied (decision 0062).
 */
export async function seedFromTemplate(
  pgdata: string,
  template: string = templateDir(),
): Promise<boolean> {
  if (!needsSeed(pgdata, template)) return false;
  const partial = `${pgdata}.partial`;
  rmSync(partial, { recursive: true, force: true });
  await Promise.all(copyTree(template, partial));
  await rm(pgdata, { recursive: true, force: true });
  await rename(partial, pgdata);
  return true;
}

/**
 * A plain recursive copy, every file at once: `fs.cp` checks and stats each of the template's
 * 1.236 files several times in JavaScript, 1,0–1,2 s of CPU where this takes 0,4–0,5 s (0059).
 * The folders are made at once, and the copies are left in flight for the caller to await. A
 * cluster holds only folders and regular files. FICLONE shares the blocks where the file
 * system can (btrfs, XFS) and copies them elsewhere.
 */
function copyTree(from: string, to: string): Promise<void>[] {
  mkdirSync(to);
  return readdirSync(from, { withFileTypes: true }).flatMap((entry) => {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    return entry.isDirectory()
      ? copyTree(source, target)
      : [copyFile(source, target, constants.COPYFILE_FICLONE)];
  });
}
