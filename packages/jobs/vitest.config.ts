import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real PostgreSQL (DATABASE_URL, or a throwaway embedded cluster) and Redis, no mocks.
    globalSetup: ['@parley/testing/global-setup'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
