import { defineConfig } from 'vitest/config';

/**
 * `pnpm test:resilience`: fault scenarios, each with its own PostgreSQL and Redis
 * processes. One file at a time: every scenario loads a 2-core machine on its own.
 */
export default defineConfig({
  test: {
    include: ['resilience/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
