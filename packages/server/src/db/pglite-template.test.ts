import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedFromTemplate } from './pglite-template.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chiso-template-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A cluster's shape: nested folders, empty folders (pg_tblspc, pg_snapshots …) and files. */
async function fakeTemplate(): Promise<{ template: string; wal: Buffer }> {
  const template = join(dir, 'template');
  const wal = randomBytes(70_000);
  await mkdir(join(template, 'base', '1'), { recursive: true });
  await mkdir(join(template, 'pg_tblspc'), { recursive: true });
  await mkdir(join(template, 'pg_wal', 'archive_status'), { recursive: true });
  await writeFile(join(template, 'PG_VERSION'), '17\n');
  await writeFile(join(template, 'base', '1', '1259'), 'catalog');
  await writeFile(join(template, 'pg_wal', '000000010000000000000001'), wal);
  return { template, wal };
}

/** Every path under `root`, folders ending in a slash, sorted. */
async function tree(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries
    .map((entry) => {
      const path = join(entry.parentPath, entry.name).slice(root.length + 1);
      return entry.isDirectory() ? `${path}/` : path;
    })
    .sort();
}

describe('seedFromTemplate', () => {
  it('copies the whole cluster, empty folders and bytes alike, and leaves no side folder', async () => {
    const { template, wal } = await fakeTemplate();
    const pgdata = join(dir, 'data', 'pgdata');
    await mkdir(join(dir, 'data'));

    expect(await seedFromTemplate(pgdata, template)).toBe(true);

    expect(await tree(pgdata)).toEqual(await tree(template));
    expect(await tree(pgdata)).toContain('pg_tblspc/');
    expect(await readFile(join(pgdata, 'pg_wal', '000000010000000000000001'))).toEqual(wal);
    expect(await readFile(join(pgdata, 'base', '1', '1259'), 'utf8')).toBe('catalog');
    expect(await readdir(join(dir, 'data'))).toEqual(['pgdata']);
  });

  it('fills an empty folder but leaves one holding anything as it is', async () => {
    const { template } = await fakeTemplate();
    const empty = join(dir, 'empty');
    await mkdir(empty);
    expect(await seedFromTemplate(empty, template)).toBe(true);
    expect(await readFile(join(empty, 'PG_VERSION'), 'utf8')).toBe('17\n');

    const used = join(dir, 'used');
    await mkdir(used);
    await writeFile(join(used, 'PG_VERSION'), '16\n');
    expect(await seedFromTemplate(used, template)).toBe(false);
    expect(await tree(used)).toEqual(['PG_VERSION']);
  });

  it('replaces what a start cut short left beside the folder', async () => {
    const { template } = await fakeTemplate();
    const pgdata = join(dir, 'pgdata');
    await mkdir(`${pgdata}.partial`);
    await writeFile(join(`${pgdata}.partial`, 'half'), 'x');

    expect(await seedFromTemplate(pgdata, template)).toBe(true);
    expect(await tree(pgdata)).toEqual(await tree(template));
  });

  it('does nothing without a template for this PGlite', async () => {
    const pgdata = join(dir, 'pgdata');
    expect(await seedFromTemplate(pgdata, join(dir, 'missing'))).toBe(false);
    await expect(readdir(pgdata)).rejects.toThrow();
  });
});
