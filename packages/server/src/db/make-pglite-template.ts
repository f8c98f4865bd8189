import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER } from './database.js';
import { templateDir } from './pglite-template.js';

/**
 * `npm run build`'s last step: an empty cluster with every committed migration applied, for
 * first starts to copy (pglite-template.ts). Built beside the old one and swapped in at the end.
 */
const target = templateDir();
const building = `${target}.building`;
await rm(building, { recursive: true, force: true });
await mkdir(dirname(building), { recursive: true });
const client = new PGlite(building);
await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
// A clean shutdown: the copy starts without crash recovery.
await client.close();
await rm(target, { recursive: true, force: true });
await rename(building, target);
process.stdout.write(`Mẫu cơ sở dữ liệu PGlite: ${target}\n`);
