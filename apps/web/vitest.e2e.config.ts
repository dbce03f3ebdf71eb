import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * '@parley/testing/global-setup' once apps/web lists @parley/testing as a dev
 * dependency; until then the same file by path.
 */
function testingGlobalSetup(): string {
  const installed = fileURLToPath(new URL('node_modules/@parley/testing', import.meta.url));
  return existsSync(installed)
    ? '@parley/testing/global-setup'
    : fileURLToPath(new URL('../../tooling/testing/src/global-setup.ts', import.meta.url));
}

/**
 * End-to-end tests: real Chromium against a real Parley serving the built app. The
 * first global setup gives a PostgreSQL (DATABASE_URL or a throwaway embedded one),
 * the second checks for Chromium and builds the app.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: [testingGlobalSetup(), './e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time suits a 2-core machine; each file has its own server.
    fileParallelism: false,
  },
});
