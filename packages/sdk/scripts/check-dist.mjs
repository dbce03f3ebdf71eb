#!/usr/bin/env node
/**
 * Checks what would be published (run after tsup):
 * - the .d.ts files name no @parley/* package, never import @trpc/client (its types are
 *   inlined) and import only packages the SDK depends on;
 * - package.json's dependencies hold no workspace package;
 * - the browser entry and its chunks never load `ws` or other Node built-ins.
 * Prints every problem and exits 1 if there is one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const problems = [];

let files;
try {
  files = readdirSync(dist);
} catch {
  console.error('check-dist: no dist folder; run tsup first');
  process.exit(1);
}

const declared = new Set([
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
]);
const packageOf = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
const specifiers = (text) =>
  [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|require\s*\(\s*)['"]([^'"]+)['"]/g)].map(
    (m) => m[1],
  );

const declarations = files.filter((f) => /\.d\.c?ts$/.test(f));
if (!declarations.length) problems.push('no .d.ts files in dist');
for (const file of declarations) {
  const text = readFileSync(path.join(dist, file), 'utf8');
  text.split('\n').forEach((line, i) => {
    if (/@parley\/(?!sdk\b)/.test(line))
      problems.push(`${file}:${i + 1} names a workspace package: ${line.trim()}`);
  });
  // @trpc/client's declarations are inlined (scripts/bundle-types.mjs): importing its
  // entry would pull in its WebSocket adapter's Node-only types.
  for (const specifier of specifiers(text)) {
    if (/^@trpc\/client($|\/)/.test(specifier))
      problems.push(`${file} imports ${specifier}; run scripts/bundle-types.mjs after tsup`);
  }
  for (const specifier of specifiers(text)) {
    if (specifier.startsWith('.')) continue;
    if (!declared.has(packageOf(specifier))) {
      problems.push(`${file} imports ${specifier}, which is not a dependency or peer dependency`);
    }
  }
}

// The inlined tRPC client declarations import @trpc/server's core types: both must be
// the one exact version they were built with.
const catalog = readFileSync(path.join(root, '../../pnpm-workspace.yaml'), 'utf8');
const versionOf = (name) => {
  const range = String(pkg.dependencies?.[name]);
  if (range !== 'catalog:') return range;
  return catalog.match(new RegExp(`^\\s+"?${name}"?:\\s*(\\S+)\\s*$`, 'm'))?.[1];
};
const trpcServer = versionOf('@trpc/server');
const trpcClient = versionOf('@trpc/client');
if (!/^\d+\.\d+\.\d+$/.test(String(trpcServer)) || trpcServer !== trpcClient) {
  problems.push(
    `@trpc/server (${trpcServer}) and @trpc/client (${trpcClient}) must be one exact version`,
  );
}

for (const [name, range] of Object.entries(pkg.dependencies ?? {})) {
  if (name.startsWith('@parley/') || String(range).startsWith('workspace:')) {
    problems.push(
      `dependencies.${name} is a workspace package (${range}); make it a devDependency`,
    );
  }
}

// The browser entry and everything it loads: no ws, no node: built-ins.
const seen = new Set();
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  const text = readFileSync(path.join(dist, file), 'utf8');
  for (const specifier of specifiers(text)) {
    if (specifier.startsWith('./')) visit(path.normalize(specifier));
    else if (specifier === 'ws' || specifier.startsWith('node:')) {
      problems.push(`browser entry ${file} loads ${specifier}`);
    }
  }
};
for (const entry of ['index.js', 'index.cjs']) {
  if (files.includes(entry)) visit(entry);
  else problems.push(`dist/${entry} is missing`);
}

if (problems.length) {
  console.error(`check-dist: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `check-dist: ${declarations.length} declaration files clean; browser entry loads no Node modules`,
);
