import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run in Vietnam time whatever the machine says; the clock is fixed per test.
process.env.TZ = 'Asia/Ho_Chi_Minh';
// Every answer the server gives in a test is checked against its route's contract (decision 0015).
process.env.CHISO_VALIDATE_RESPONSES = '1';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@chiso/core': here('./packages/core/src/index.ts'),
      '@chiso/contract': here('./packages/contract/src/index.ts'),
    },
  },
  test: {
    // vitest's default is one worker fewer than the cores: one file at a time on CI's two. A
    // server test spends much of its time waiting on PostgreSQL, child processes and sockets, so
    // two files at a time use both cores (decision 0061).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['packages/core/src/**/*.test.ts'],
          environment: 'node',
          // Property tests run hundreds of cases: 5 s was passed on a loaded machine (load 28).
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: { name: 'bench', include: ['packages/bench/src/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // A suite's world (an app, its database, seeded units and periods) takes seconds alone
          // and several times that on a busy machine: a slow start is not a failure.
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
