import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['@parley/testing/global-setup'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each file starts its own server and database; two at a time suits a 2-core machine.
    maxWorkers: 2,
  },
});
