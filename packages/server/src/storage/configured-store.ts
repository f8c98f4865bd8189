import { join } from 'node:path';
import type { Config } from '../config.js';
import { localEvidenceStore, type EvidenceStore } from './evidence-store.js';

export interface ConfiguredStore {
  store: EvidenceStore;
  /** Refuses to start on a bucket that does not answer (the local folder needs no check). */
  check: () => Promise<void>;
  close: () => void;
}

/**
 * The evidence store the configuration asks for: the bucket of CHISO_S3_BUCKET, or the folder
 * CHISO_DATA_DIR/evidence. Uploads to a bucket are checked in CHISO_DATA_DIR/tmp first. The S3
 * SDK is loaded only for a bucket: it is a tenth of the server's start otherwise (0049).
 */
export async function configuredStore(config: Config): Promise<ConfiguredStore> {
  if (config.objectStorage === undefined) {
    return {
      store: localEvidenceStore(join(config.dataDir, 'evidence')),
      check: () => Promise.resolve(),
      close: () => undefined,
    };
  }
  const { s3EvidenceStore } = await import('./s3-evidence-store.js');
  const store = s3EvidenceStore(config.objectStorage, join(config.dataDir, 'tmp'));
  return { store, check: () => store.check(), close: () => store.close() };
}
