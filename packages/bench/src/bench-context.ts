import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../server/dist/config.js';
import type { Db } from '../../server/dist/db/database.js';
import { localEvidenceStore } from '../../server/dist/storage/evidence-store.js';

/** A use-case context acting as the province's administrator at a fixed instant. */
export function adminContext(db: Db, now: Date, storageName: string) {
  return {
    actor: {
      userId: '00000000-0000-4000-8000-000000000001',
      role: 'administrator' as const,
      unitId: undefined,
      username: 'admin',
      fullName: 'Quản trị',
    },
    ip: '127.0.0.1',
    now,
    deps: {
      db,
      clock: () => now,
      storage: localEvidenceStore(join(tmpdir(), storageName)),
      config: readConfig({}),
    },
  };
}
