#!/usr/bin/env node
/**
 * What the SDK costs a browser page: the browser entry (dist/index.js) bundled with
 * everything it imports (tRPC client, superjson, eventsource), minified and gzipped,
 * against a 40 KB budget. Also the React entry on top of it (React and React Query
 * themselves excluded: an app that uses them has them anyway). Run after tsup:
 *   pnpm --filter @parley/sdk size
 * Exits 1 when the core is over budget or pulls in a Node-only module.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_KB = 40;

// esbuild comes with tsup; resolve it from there rather than depending on it directly.
const require = createRequire(createRequire(path.join(root, 'package.json')).resolve('tsup'));
const esbuild = await import(require.resolve('esbuild'));

if (!existsSync(path.join(root, 'dist/index.js'))) {
  console.error('size: dist/index.js is missing; run tsup first');
  process.exit(1);
}

async function measure(label, contents, external = []) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    external,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const inputs = Object.keys(result.metafile.inputs);
  return { label, raw: code.length, gzip, inputs };
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const core = await measure(
  'core (browser entry, everything exported)',
  "export * from './dist/index.js';",
);
// For the record: what the fetch-based EventSource (SSE with an Authorization header) adds.
const withoutSse = await measure(
  'core without eventsource (for comparison)',
  "export * from './dist/index.js';",
  ['eventsource'],
);
const react = await measure(
  'react entry + core (React, React Query external)',
  "export * from './dist/index.js'; export * from './dist/react.js';",
  ['react', 'react-dom', '@tanstack/react-query'],
);

for (const m of [core, withoutSse, react]) {
  console.log(
    `${m.label.padEnd(52)} ${kb(m.raw).padStart(7)} KB min  ${kb(m.gzip).padStart(6)} KB gzip`,
  );
}
const byPackage = new Map();
for (const input of core.inputs) {
  const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input);
  const name = match ? match[1] : '@parley/sdk';
  byPackage.set(name, (byPackage.get(name) ?? 0) + 1);
}
console.log(`core bundles: ${[...byPackage.keys()].sort().join(', ')}`);

const nodeOnly = core.inputs.filter(
  (i) => /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?ws\//.test(i) || i.startsWith('node:'),
);
const verdict = core.gzip / 1024 <= BUDGET_KB ? 'within' : 'OVER';
console.log(`core: ${kb(core.gzip)} KB gzip, ${verdict} the ${BUDGET_KB} KB budget`);
if (nodeOnly.length) console.error(`core pulls in Node-only modules: ${nodeOnly.join(', ')}`);
if (verdict === 'OVER' || nodeOnly.length) process.exit(1);
