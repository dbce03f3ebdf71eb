import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: real Chromium against a real Parley serving the built app. The
 * first global setup gives a PostgreSQL (DATABASE_URL or a throwaway embedded one),
 * the second checks for Chromium and builds the app.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['@parley/testing/global-setup', './e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time suits a 2-core machine; each file has its own server.
    fileParallelism: false,
  },
});
