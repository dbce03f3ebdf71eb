import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite-precompress';

// The SDK is used from source, so the web app needs no SDK build step (and HMR reaches it).
const sdk = fileURLToPath(new URL('../../packages/sdk/src', import.meta.url));
export const sdkAlias = [
  { find: /^@parley\/sdk\/react$/, replacement: `${sdk}/react.ts` },
  { find: /^@parley\/sdk$/, replacement: `${sdk}/index.ts` },
];

/** The API server `pnpm dev` talks to; `pnpm start` in the repository root runs it on 3000. */
const apiTarget = process.env.PARLEY_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: { alias: sdkAlias },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // HTTP batch, SSE and the WebSocket upgrade all live on /trpc.
      '/trpc': { target: apiTarget, ws: true },
      '/media': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
    },
  },
  // No source maps in the build: the server would publish the app's whole source.
  build: { outDir: 'dist', sourcemap: false, emptyOutDir: true },
});
