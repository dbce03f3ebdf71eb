import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// No source map: the widget is built without one (its source stays unpublished).
export const WIDGET_PATHS = ['/widget.js'];

/**
 * `/widget.js`: the `<parley-chat>` script that other sites embed with one script tag.
 * It must load from any origin (including pages that require CORP), so it is served with
 * `Cross-Origin-Resource-Policy: cross-origin` and `Access-Control-Allow-Origin: *`; it
 * holds no secret. Read once at start-up; undefined when the widget was not built.
 */
export function widgetScript(
  dist: string,
): ((req: IncomingMessage, res: ServerResponse) => void) | undefined {
  const files = new Map<string, { body: Buffer; gzip: Buffer; type: string }>();
  for (const name of WIDGET_PATHS) {
    const file = path.join(dist, name.slice(1));
    if (!existsSync(file)) continue;
    const body = readFileSync(file);
    const type = name.endsWith('.map') ? 'application/json' : 'text/javascript';
    files.set(name, { body, gzip: gzipSync(body), type: `${type}; charset=utf-8` });
  }
  if (!files.has('/widget.js')) return undefined;
  return (req, res) => {
    const file = files.get((req.url ?? '/').split('?')[0] ?? '/');
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? file.gzip : file.body;
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': body.length,
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
