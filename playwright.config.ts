import { defineConfig } from '@playwright/test';

/** Real Chromium from Debian (`/usr/bin/chromium`); Playwright's own browser download is not possible here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT lets several checkouts run their suites side by side on one machine.
const PGLITE_PORT = Number(process.env.E2E_PORT ?? 4517);
const POSTGRES_PORT = PGLITE_PORT + 1;

// The suite runs against the server on PGlite, and again on PostgreSQL when one is
// available (.ci/run starts one; in CI its absence is an error, as for integration tests).
const postgres = process.env.TEST_DATABASE_URL;
if (!postgres && process.env.CI)
  throw new Error('TEST_DATABASE_URL is not set in CI: .ci/run should have started PostgreSQL.');
if (!postgres)
  console.warn('TEST_DATABASE_URL not set: the PostgreSQL e2e project is SKIPPED (PGlite still runs).');

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'pglite', use: { baseURL: `http://127.0.0.1:${PGLITE_PORT}` } },
    ...(postgres ? [{ name: 'postgres', use: { baseURL: `http://127.0.0.1:${POSTGRES_PORT}` } }] : []),
  ],
  webServer: [
    {
      command: `node out/main/server.js --port ${PGLITE_PORT} --memory --demo-tickets 400`,
      url: `http://127.0.0.1:${PGLITE_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
    ...(postgres
      ? [
          {
            command: `node scripts/e2e-postgres-server.mjs ${POSTGRES_PORT}`,
            url: `http://127.0.0.1:${POSTGRES_PORT}/api/health`,
            reuseExistingServer: false,
            timeout: 120_000,
            stdout: 'pipe' as const,
          },
        ]
      : []),
  ],
});
