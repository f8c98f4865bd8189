import { defineConfig, devices } from '@playwright/test';
import { ADMIN, BASE_URL, NOW, PORT } from './support/constants';

/**
 * Browser journeys against the built app and the real server (embedded database), in Debian's
 * Chromium. Run by `npm run test:e2e` after `npm run build`. Screenshots of every step are
 * kept in test-results/e2e-screenshots/ as artefacts (traces of failures in test-results/e2e-output/).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../test-results/e2e-output',
  // One server, one database, two cores: the journeys run one after another.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // The journey signs in some twenty times on two shared cores: minutes, not seconds.
  timeout: 360_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  globalSetup: './support/global-setup.ts',
  use: {
    baseURL: BASE_URL,
    ...devices['Desktop Chrome'],
    viewport: { width: 1366, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    launchOptions: {
      executablePath: process.env.CHISO_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
  },
  webServer: {
    command: 'node e2e/serve.mjs',
    cwd: '..',
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      TZ: 'Asia/Ho_Chi_Minh',
      LOG_LEVEL: 'warn',
      CHISO_E2E_NOW: NOW.toISOString(),
      CHISO_ADMIN_USERNAME: ADMIN.username,
      CHISO_ADMIN_PASSWORD: ADMIN.password,
      CHISO_ADMIN_NAME: 'Quản trị Sở Nội vụ',
    },
  },
});
