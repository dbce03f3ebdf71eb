import { execFileSync } from 'node:child_process';
import { defineConfig } from 'tsup';

// The published router type comes from @parley/api at build time (see the script).
execFileSync(process.execPath, ['scripts/generate-router.mjs'], { stdio: 'inherit' });

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts', react: 'src/react.ts' },
  format: ['esm', 'cjs'],
  target: 'es2022',
  platform: 'neutral',
  // Everything in dependencies/peerDependencies stays external; nothing from Node is bundled.
  external: ['ws', 'eventsource', 'react', '@tanstack/react-query', /^@trpc\//, 'superjson'],
  dts: {
    // index.d.ts serves the node entry too: both export the same API.
    entry: { index: 'src/index.ts', react: 'src/react.ts' },
    compilerOptions: { types: [] },
  },
  tsconfig: 'tsconfig.build.json',
  sourcemap: true,
  clean: true,
  splitting: true,
});
