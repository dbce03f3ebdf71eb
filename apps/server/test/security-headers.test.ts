/**
 * What a browser gets from the server, checked from outside over HTTP: security headers
 * on every response (pages, files, API answers, errors), framing refused except on the
 * routes given as embeddable, a missing /assets/ file answered 404 (never the page cached
 * for a year), precompressed copies sent with Content-Encoding, long caching for
 * hashed files only, and a rebuild under the running server served as it is.
 */
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../src/security-headers';
import { startTestServer, type TestServer } from './harness';

const INDEX = '<!doctype html><html><head><title>Parley</title></head><body></body></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;
let dist: string;
let server: TestServer;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'parley-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), INDEX);
  await writeFile(path.join(dist, 'assets/index-AbC_12-z.js'), SCRIPT);
  await writeFile(path.join(dist, 'assets/index-AbC_12-z.js.br'), brotliCompressSync(SCRIPT));
  await writeFile(path.join(dist, 'assets/index-AbC_12-z.js.gz'), gzipSync(SCRIPT));
  await writeFile(path.join(dist, 'assets/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(dist, 'robots.txt'), 'User-agent: *\n');
  server = await startTestServer({ label: 'headers', env: { WEB_DIST: dist } });
});

afterAll(async () => {
  await server?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
});

const get = (pathname: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${pathname}`, { headers });

function expectSecure(res: Response, pathname: string) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, pathname).toContain("default-src 'self'");
  expect(csp, pathname).toContain("script-src 'self'");
  expect(csp, pathname).not.toContain('unsafe-inline');
  expect(csp, pathname).not.toContain('unsafe-eval');
  expect(csp, pathname).toContain("object-src 'none'");
  expect(csp, pathname).toContain("base-uri 'none'");
  expect(res.headers.get('x-content-type-options'), pathname).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), pathname).toBe('strict-origin-when-cross-origin');
}

describe('security headers', () => {
  it('are on pages, files, API answers, health checks and 404s', async () => {
    for (const pathname of [
      '/',
      '/chat/123',
      '/assets/index-AbC_12-z.js',
      '/assets/missing-AbC_12-z.js',
      '/healthz',
      '/trpc/auth.me',
      '/api/v1/nothing-here',
      '/robots.txt',
    ]) {
      const res = await get(pathname);
      await res.arrayBuffer();
      expectSecure(res, pathname);
    }
  });

  it('refuse framing everywhere (the widget is a script, not a framed page)', async () => {
    for (const pathname of ['/', '/signin', '/trpc/auth.me', '/widget', '/widget/abc']) {
      const res = await get(pathname);
      await res.arrayBuffer();
      expect(res.headers.get('x-frame-options'), pathname).toBe('DENY');
      expect(res.headers.get('content-security-policy'), pathname).toContain(
        "frame-ancestors 'none'",
      );
    }
  });

  it('embeddable routes are an option per route', () => {
    const headers = new Map<string, string>();
    const res = { setHeader: (k: string, v: string) => headers.set(k, v) } as never;
    const apply = securityHeaders({
      embeddable: [{ path: '/embed/', frameAncestors: ['https://a.example', 'https://b.example'] }],
      https: true,
    });
    apply(res, '/embed/chat');
    expect(headers.get('content-security-policy')).toContain(
      'frame-ancestors https://a.example https://b.example',
    );
    expect(headers.has('x-frame-options')).toBe(false);
    expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    headers.clear();
    apply(res, '/embed');
    expect(headers.get('content-security-policy')).toContain('frame-ancestors https://a.example');
    for (const other of ['/embedded', '/', '/x/embed/chat']) {
      headers.clear();
      apply(res, other);
      expect(headers.get('x-frame-options'), other).toBe('DENY');
      expect(headers.get('content-security-policy'), other).toContain("frame-ancestors 'none'");
    }
  });
});

describe('static files', () => {
  it('a missing file under /assets/ is a 404, not the page', async () => {
    for (const pathname of [
      '/assets/missing-AbC_12-z.js',
      '/assets/nothing',
      '/assets/',
      '/assets/index-AbC_12-z.js.map',
      '/widget.js.map',
    ]) {
      const res = await get(pathname);
      const body = await res.text();
      expect(res.status, pathname).toBe(404);
      expect(body, pathname).not.toContain('<html');
      expect(res.headers.get('cache-control') ?? '', pathname).not.toContain('immutable');
    }
  });

  it('client-side routes get index.html, revalidated every time', async () => {
    const res = await get('/listings/abc');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('only hashed files are cached for good', async () => {
    const hashed = await get('/assets/index-AbC_12-z.js');
    await hashed.arrayBuffer();
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const pathname of ['/assets/logo.svg', '/robots.txt', '/']) {
      const res = await get(pathname);
      await res.arrayBuffer();
      expect(res.status, pathname).toBe(200);
      expect(res.headers.get('cache-control'), pathname).toBe('no-cache');
    }
  });

  it('sends the precompressed copy the browser accepts, with Content-Encoding', async () => {
    const pathname = '/assets/index-AbC_12-z.js';
    // Node's fetch decodes br and gzip itself: the body is the script either way.
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      const res = await get(pathname, { 'accept-encoding': accept });
      expect(await res.text(), accept).toBe(SCRIPT);
      expect(res.headers.get('content-encoding'), accept).toBe(encoding);
      expect(res.headers.get('content-type'), accept).toMatch(/javascript/);
      expect(res.headers.get('vary') ?? '', accept).toMatch(/accept-encoding/i);
    }
  });

  it('serves a rebuild under the running server as it is, and a file it cannot read never stops it', async () => {
    // A rebuild: the old script goes, a new one comes.
    for (const suffix of ['', '.br', '.gz'])
      await unlink(path.join(dist, `assets/index-AbC_12-z.js${suffix}`));
    await writeFile(path.join(dist, 'assets/index-NeW_34-q.js'), SCRIPT);
    expect((await get('/assets/index-AbC_12-z.js')).status).toBe(404);
    const fresh = await get('/assets/index-NeW_34-q.js');
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).toBe(SCRIPT);
    // A name that is there but cannot be read (a socket: open fails after the lookup, as
    // for a file removed in between): that one response fails, the server goes on.
    const socketPath = path.join(dist, 'assets/broken-ZzZ_56-w.js');
    const socket = createServer();
    await new Promise<void>((resolve) => socket.listen(socketPath, resolve));
    try {
      const broken = await get('/assets/broken-ZzZ_56-w.js').then(
        async (res) => {
          await res.text();
          return res.status;
        },
        () => 'failed',
      );
      expect([404, 'failed']).toContain(broken);
      expect((await get('/healthz')).status).toBe(200);
      expect((await get('/assets/index-NeW_34-q.js')).status).toBe(200);
    } finally {
      socket.close();
    }
  });
});
