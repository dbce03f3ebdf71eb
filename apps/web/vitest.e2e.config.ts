import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const isCI = process.env.CI === 'true' || process.env.CI === '1';
// Under CI the browser is required (the e2e global setup fails without it). On a machine
// with only Node and npm the browser tests sit out, saying so; everything else runs.
const browser = isCI || existsSync('/usr/bin/chromium');
if (!browser) {
  console.warn(
    '[e2e] /usr/bin/chromium is not installed: browser tests sit out (apt-get install -y chromium)',
  );
}

/**
 * End-to-end tests: real Chromium against a real Parley serving the built app. The
 * first global setup gives a PostgreSQL (DATABASE_URL or a throwaway embedded one),
 * the second checks for Chromium and builds the app.
 */
export default defineConfig({
  test: {
    include: browser ? ['e2e/**/*.e2e.test.ts'] : [],
    passWithNoTests: !browser,
    globalSetup: browser ? ['@parley/testing/global-setup', './e2e/global-setup.ts'] : [],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time suits a 2-core machine; each file has its own server.
    fileParallelism: false,
  },
});
