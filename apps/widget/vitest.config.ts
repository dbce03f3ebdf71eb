import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const isCI = process.env.CI === 'true' || process.env.CI === '1';
// Under CI the browser is required (the global setup fails without it).
const browser = isCI || existsSync('/usr/bin/chromium');
if (!browser) console.warn('[widget] /usr/bin/chromium is not installed: browser tests sit out');

/**
 * The widget in a real Chromium, on a plain page of another origin, against a real
 * Parley; the global setups give a PostgreSQL and build dist/widget.js. Unit tests
 * (test/) need neither browser nor server.
 */
export default defineConfig({
  test: {
    include: [...(browser ? ['e2e/**/*.test.ts'] : ['e2e/size.test.ts']), 'test/**/*.test.ts'],
    globalSetup: ['@parley/testing/global-setup', './e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
