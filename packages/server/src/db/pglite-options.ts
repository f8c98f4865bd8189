import type { PGlite, PGliteOptions } from '@electric-sql/pglite';

/**
 * PGlite's PostgreSQL with 32 MB of shared buffers instead of initdb's 128 MB: WebAssembly's
 * mmap zeroes the whole shared memory on every start, in code not yet optimised, 0,3 s of CPU
 * and 100 MB of memory less (decision 0059). 4.096 pages still hold a province's hot tables.
 * The class is a parameter: the start constructs it before the server's code is loaded (0062).
 */
export function pgliteOptions(pglite: typeof PGlite): PGliteOptions {
  return { startParams: [...pglite.defaultStartParams, '-c', 'shared_buffers=32MB'] };
}
