import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

/**
 * The built web app, served on Parley's own port so one URL is enough. Unknown paths
 * fall back to index.html (client-side routes); hashed assets are cached for good.
 * Returns undefined when the app was not built.
 */
export function webApp(
  dist: string,
): ((req: IncomingMessage, res: ServerResponse, next: () => void) => void) | undefined {
  if (!existsSync(path.join(dist, 'index.html'))) return undefined;
  return sirv(dist, {
    single: true,
    etag: true,
    gzip: false,
    setHeaders: (res, pathname) => {
      if (pathname.startsWith('/assets/'))
        res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else res.setHeader('cache-control', 'no-cache');
    },
  });
}
