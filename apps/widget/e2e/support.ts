/**
 * A real Parley serving dist/widget.js, an integrator's site on another origin, and a
 * real Chromium (Debian's, driven by playwright-core).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { startTestServer, type TestServer } from '../../server/test/harness';

const here = path.dirname(fileURLToPath(import.meta.url));
export const widgetDist = path.resolve(here, '../dist');
export const resultsDir = path.resolve(here, '../test-results');

export interface Parley {
  url: string;
  /** Its database (to make someone an agent, say). */
  db: TestServer['db'];
  /** Stops the process and starts a new one on the same port and data, as a deploy would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startParley(label: string): Promise<Parley> {
  const first = await startTestServer({
    label,
    env: { SEED_DEMO_LISTINGS: '300', WIDGET_DIST: widgetDist, LOG_LEVEL: 'info' },
  });
  let current: TestServer = first;
  return {
    url: first.url,
    db: first.db,
    async restart() {
      await current.parley.close();
      current = await startTestServer({
        db: first.db,
        env: { ...first.env, PORT: String(first.parley.port) },
      });
    },
    async close() {
      await current.parley.close();
      if (current !== first) await current.close();
      await first.close();
    },
  };
}

export interface Site {
  origin: string;
  close(): Promise<void>;
}

/** A plain HTTP site on a free port: `routes` maps a path to a handler. */
export async function startSite(
  routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void | Promise<void>>,
): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const route = routes[(req.url ?? '/').split('?')[0] ?? '/'];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    Promise.resolve(route(req, res)).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // Another port is another origin, as a browser sees it.
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A placeholder photo: demo listings point at an image host that a test must not need. */
export const PHOTO =
  '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#cbd5c0"/></svg>';
