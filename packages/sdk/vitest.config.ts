import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // '@parley/testing/global-setup' by path: the SDK does not depend on @parley/testing
    // (adding it as a devDependency would let the name resolve).
    globalSetup: ['../../tooling/testing/src/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 400_000,
    maxWorkers: 2,
  },
});
