import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

describe('openDatabase on PGlite', () => {
  it('starts PostgreSQL with 32 MB of shared buffers, the rest of its settings as PGlite sets them', async () => {
    const database = await openDatabase({ migrate: false });
    try {
      const settings = await database.db
        .select({
          buffers: sql<string>`current_setting('shared_buffers')`,
          path: sql<string>`current_setting('search_path')`,
          exitOnError: sql<string>`current_setting('exit_on_error')`,
        })
        .from(sql`(select 1) as one`);
      expect(settings).toEqual([{ buffers: '32MB', path: 'public', exitOnError: 'off' }]);
    } finally {
      await database.close();
    }
  });
});
