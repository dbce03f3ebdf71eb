import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { build } from 'vite';
import { CHROMIUM, distDir, resultsDir, webRoot } from './paths';

const isCI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Before the browser tests: Chromium must be there (under CI a missing browser is a
 * failure, never a skip), and the app is built fresh into dist/ so the server serves
 * exactly this code.
 */
export default async function setup(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the web end-to-end tests need it. ` +
        'Install it with `apt-get update && apt-get install -y chromium`' +
        (isCI ? ' in the CI image (.ci/run).' : '.'),
    );
  }
  await rm(resultsDir, { recursive: true, force: true }); // this run's screenshots only
  // Vite keeps a NODE_ENV it finds set, and vitest sets 'test': React's development
  // build would be tested instead of what ships. Build as production, then restore.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: webRoot, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  if (!existsSync(`${distDir}/index.html`))
    throw new Error(`vite build wrote no ${distDir}/index.html`);
}
