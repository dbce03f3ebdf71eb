import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Vite names built files `name-HASH.ext` (8 url-safe characters): their content never changes. */
const HASHED = /-[\w-]{8}\.[a-z0-9]+$/i;

function cacheControl(res: ServerResponse, pathname: string): void {
  res.setHeader(
    'cache-control',
    pathname.startsWith('/assets/') && HASHED.test(pathname)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  );
}

/**
 * The built web app, served on Parley's own port so one URL is enough. Files under
 * /assets/ are served as they are or not at all (a missing one is a 404, never the page);
 * other unknown paths get index.html (client-side routes). The build writes `.br` and
 * `.gz` copies; the one the browser accepts is sent with Content-Encoding. Only hashed
 * files are cached for good; everything else is revalidated. Returns undefined when the
 * app was not built.
 *
 * Files are looked up on each request (sirv's `dev` lookup), not listed once at start: a
 * rebuild under a running server (old files gone, new ones written) is then served as it
 * is, where the start-up list sent 404s for the new files and opened the vanished ones.
 */
export function webApp(dist: string): Handler | undefined {
  if (!existsSync(path.join(dist, 'index.html'))) return undefined;
  const common = { dev: true, etag: true, brotli: true, gzip: true, setHeaders: cacheControl };
  const files = sirv(dist, common);
  const pages = sirv(dist, { ...common, single: true });
  return (req, res, next) => {
    guardRead(res);
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname.startsWith('/assets/')) files(req, res, next);
    else pages(req, res, next);
  };
}

/**
 * sirv pipes a file stream into the response without listening for its errors, so a file
 * removed between its lookup and its read (a rebuild) raised an unhandled error that
 * ended the whole server. The stream's error now ends this one response instead.
 */
function guardRead(res: ServerResponse): void {
  res.once('pipe', (source: NodeJS.ReadableStream) => {
    source.once('error', () => {
      if (res.headersSent) res.destroy();
      else res.writeHead(404).end();
    });
  });
}
