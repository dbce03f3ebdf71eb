import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { sdkAlias } from './vite.config';

/** Component tests: jsdom, no server. */
export default defineConfig({
  plugins: [react()],
  resolve: { alias: sdkAlias },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
    restoreMocks: true,
    // Typing with user-event is slow on a loaded 2-core machine (CI runs suites side by side).
    testTimeout: 30_000,
  },
});
