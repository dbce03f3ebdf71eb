#!/usr/bin/env node
/**
 * Inlines @trpc/client's declarations into the published .d.ts files (run after tsup).
 *
 * @trpc/client's type entry imports its WebSocket link, whose declarations import
 * `@trpc/server/adapters/ws`, which needs Node's and `ws`'s types and does not even
 * check under ESM `nodenext`. A consumer with `skipLibCheck: false` and only
 * `@parley/sdk` installed would fail on it. Bundling keeps only the tRPC client types
 * the SDK's API really reaches (the typed client, its error class); everything else
 * (`@trpc/server`, React's packages) stays an import of the installed package.
 */
import { readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const inline = /^@trpc\/client($|\/)/;

const out = path.join(root, '.types-bundle');
for (const ext of ['.d.ts', '.d.cts']) {
  const bundle = await rollup({
    input: { index: path.join(dist, `index${ext}`), react: path.join(dist, `react${ext}`) },
    plugins: [dts({ respectExternal: true })],
    external: (id) => !id.startsWith('.') && !path.isAbsolute(id) && !inline.test(id),
  });
  rmSync(out, { recursive: true, force: true });
  await bundle.write({
    dir: out,
    format: 'es',
    entryFileNames: `[name]${ext}`,
    chunkFileNames: `types-[hash]${ext}`,
  });
  await bundle.close();
  // Replace tsup's declarations (and their chunks) with the bundled ones.
  for (const file of readdirSync(dist)) if (file.endsWith(ext)) rmSync(path.join(dist, file));
  for (const file of readdirSync(out)) renameSync(path.join(out, file), path.join(dist, file));
}
rmSync(out, { recursive: true, force: true });
