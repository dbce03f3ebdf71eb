import type { AppRouter } from '@parley/api';
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { errorOf, httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

// A session made for a widget: its client secret works only from the pages it names.
let server: TestServer;
let owner: Awaited<ReturnType<typeof signUp>>;
const SHOP = 'http://shop.test:8080';
const EVIL = 'http://evil.test';

beforeAll(async () => {
  server = await startTestServer({ label: 'widget-origins', env: { SEED_DEMO_LISTINGS: '5' } });
  owner = await signUp(httpClient(server.url), 'integrator');
});
afterAll(async () => {
  await server?.close();
});

/** tRPC over HTTP as a browser page on `origin` would call it. */
function pageClient(token: string, origin: string | null) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${server.url}/trpc`,
        transformer: superjson,
        headers: () => ({ authorization: `Bearer ${token}`, ...(origin ? { origin } : {}) }),
      }),
    ],
  });
}

async function widgetSession(origins: string[] | undefined) {
  return httpClient(server.url, owner.accessToken).sessions.create.mutate(
    origins ? { allowedOrigins: origins } : {},
  );
}

function handshake(origin: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/trpc`, { headers: { origin } });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', () => {});
  });
}

describe('sessions.create allowedOrigins', () => {
  it('lets the client secret work from an allowed page only', async () => {
    const created = await widgetSession([SHOP]);
    const id = created.session.id;
    const fromShop = await pageClient(created.clientSecret, SHOP).sessions.get.query({ id });
    expect(fromShop.id).toBe(id);

    for (const origin of [EVIL, null]) {
      const refused = await errorOf(() =>
        pageClient(created.clientSecret, origin).sessions.get.query({ id }),
      );
      expect(refused.data.code).toBe('FORBIDDEN');
      expect(refused.message).toMatch(/origin/);
    }
  });

  it('checks the WebSocket handshake and every call on the socket', async () => {
    const created = await widgetSession([SHOP]);
    expect(await handshake(SHOP)).toBe(101);
    expect(await handshake(EVIL)).toBe(403);

    const widget = wsClient(server.url, created.clientSecret, { origin: SHOP });
    const person = wsClient(server.url, owner.accessToken, { origin: SHOP });
    try {
      const session = await widget.client.sessions.get.query({ id: created.session.id });
      expect(session.id).toBe(created.session.id);
      // The page may open a socket, but only a widget secret works on it.
      const refused = await errorOf(() => person.client.auth.me.query());
      expect(refused.data.code).toBe('FORBIDDEN');
    } finally {
      await widget.close();
      await person.close();
    }
  });

  it('answers a preflight from an allowed page, refuses one from elsewhere', async () => {
    await widgetSession([SHOP]);
    const preflight = (origin: string) =>
      fetch(`${server.url}/trpc/sessions.send`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
    const ok = await preflight(SHOP);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(SHOP);
    const refused = await preflight(EVIL);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    // Only what a client secret may call is opened to the page: not a login, say.
    for (const path of [
      'auth.login',
      'auth.refresh',
      'sessions.send,auth.me',
      'listings.create',
      'listings.search,favorites.list',
    ]) {
      const other = await fetch(`${server.url}/trpc/${path}`, {
        method: 'OPTIONS',
        headers: { origin: SHOP, 'access-control-request-method': 'POST' },
      });
      expect(other.status, path).toBe(403);
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('opens the public listing reads to an allowed page, as its client secret may make them', async () => {
    const created = await widgetSession([SHOP]);
    const preflight = await fetch(`${server.url}/trpc/listings.search,listings.get`, {
      method: 'OPTIONS',
      headers: {
        origin: SHOP,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SHOP);
    const page = pageClient(created.clientSecret, SHOP);
    const found = await page.listings.search.query({ limit: 2 });
    expect(found.items.length).toBeGreaterThan(0);
    const first = found.items[0]!;
    expect((await page.listings.get.query({ id: first.id })).id).toBe(first.id);
    await page.listings.similar.query({ id: first.id });
    // Over plain HTTP, as a browser sends it: the answer carries the page's CORS header.
    const url = `${server.url}/trpc/listings.search?input=${encodeURIComponent(
      JSON.stringify({ json: { limit: 1 } }),
    )}`;
    const raw = await fetch(url, {
      headers: { origin: SHOP, authorization: `Bearer ${created.clientSecret}` },
    });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('access-control-allow-origin')).toBe(SHOP);
    const elsewhere = await fetch(url, { headers: { origin: EVIL } });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('opens the REST listing reads to an allowed page with its client secret, nothing else', async () => {
    const created = await widgetSession([SHOP]);
    const secret = { authorization: `Bearer ${created.clientSecret}` };
    const preflight = (path: string, origin: string, method = 'GET') =>
      fetch(`${server.url}/api/v1${path}`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': method,
          'access-control-request-headers': 'authorization',
        },
      });
    const page = await fetch(`${server.url}/api/v1/listings?limit=2`, {
      headers: { origin: SHOP, ...secret },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('access-control-allow-origin')).toBe(SHOP);
    const { items } = (await page.json()) as { items: { id: string }[] };
    const id = items[0]!.id;
    for (const path of ['/listings?limit=2', `/listings/${id}`, `/listings/${id}/similar`]) {
      const ok = await preflight(path, SHOP);
      expect(ok.status, path).toBe(204);
      expect(ok.headers.get('access-control-allow-origin'), path).toBe(SHOP);
      const read = await fetch(`${server.url}/api/v1${path}`, {
        headers: { origin: SHOP, ...secret },
      });
      expect(read.status, path).toBe(200);
      expect(read.headers.get('access-control-allow-origin'), path).toBe(SHOP);
      // From a page no session allows: no preflight, no CORS header on the answer.
      const refused = await preflight(path, EVIL);
      expect(refused.status, path).toBe(403);
      expect(refused.headers.get('access-control-allow-origin'), path).toBeNull();
      const elsewhere = await fetch(`${server.url}/api/v1${path}`, { headers: { origin: EVIL } });
      expect(elsewhere.headers.get('access-control-allow-origin'), path).toBeNull();
    }
    // The secret still works from its own pages only, as over tRPC.
    const stolen = await fetch(`${server.url}/api/v1/listings/${id}`, {
      headers: { origin: EVIL, ...secret },
    });
    expect(stolen.status).toBe(403);
    // Writes on the same paths, and the other REST calls, stay closed to the page.
    for (const [path, method] of [
      ['/listings', 'POST'],
      [`/listings/${id}`, 'PATCH'],
      [`/listings/${id}`, 'DELETE'],
      ['/favorites', 'GET'],
      [`/sessions/${created.session.id}`, 'GET'],
      ['/auth/me', 'GET'],
    ] as const) {
      const other = await preflight(path, SHOP, method);
      expect(other.status, `${method} ${path}`).toBe(403);
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    }
    const write = await fetch(`${server.url}/api/v1/listings/${id}`, {
      method: 'DELETE',
      headers: { origin: SHOP, ...secret },
    });
    expect(write.headers.get('access-control-allow-origin')).toBeNull();
    expect(write.status).toBe(403);
  });

  it('keeps other credentials to the server own pages', async () => {
    const plain = await widgetSession(undefined);
    const refused = await errorOf(() =>
      pageClient(plain.clientSecret, SHOP).sessions.get.query({ id: plain.session.id }),
    );
    expect(refused.data.code).toBe('FORBIDDEN');
    // Without a browser origin (a server), a plain session's secret works as before.
    const fromServer = await pageClient(plain.clientSecret, null).sessions.get.query({
      id: plain.session.id,
    });
    expect(fromServer.id).toBe(plain.session.id);
  });

  it('refuses an origin with a path, naming the field', async () => {
    const bad = await errorOf(() => widgetSession(['https://shop.example/checkout']));
    expect(bad.data.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.data.fieldErrors ?? {})).toEqual(['allowedOrigins.0']);
  });

  it('lets a page in at once once a session allows its origin, though it was refused a moment before', async () => {
    const origin = 'http://late-shop.test';
    expect(await handshake(origin)).toBe(403);
    await widgetSession([origin]);
    expect(await handshake(origin)).toBe(101);
  });
});

describe('a flood of foreign origins', () => {
  it('costs the database almost nothing: signed-in calls go on, nothing answers 503', async () => {
    const me = httpClient(server.url, owner.accessToken);
    // Anonymous calls of a procedure a widget may use, so each asks whether its origin is one.
    const flood = (originOf: (i: number) => string) =>
      Promise.all(
        Array.from({ length: 1200 }, (_, i) =>
          fetch(`${server.url}/trpc/sessions.get`, { headers: { origin: originOf(i) } }).then(
            (r) => r.status,
            () => 0, // the test's own socket gave out (a busy machine): not an answer
          ),
        ),
      );
    // A server that has been serving has its pool's connections open: opening one in the
    // middle of the flood, on a machine this busy, can take longer than the connect timeout.
    await Promise.all(Array.from({ length: 6 }, () => me.auth.me.query()));
    for (const originOf of [() => EVIL, (i: number) => `http://made-up-${i}.test`]) {
      const during = flood(originOf);
      const signedIn = await me.auth.me.query();
      expect(signedIn.id).toBe(owner.user.id);
      const answers = (await during).filter((s) => s !== 0);
      expect(answers.length).toBeGreaterThan(500);
      // Refused for want of a credential, never for want of the database.
      expect(answers.filter((s) => s !== 401)).toEqual([]);
    }
    // 2,400 requests: a busy CI machine needs more than the default minute for them.
  }, 120_000);
});
