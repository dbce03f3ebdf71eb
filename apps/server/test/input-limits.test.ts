import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * Input is bounded before it is parsed: nested or oversized JSON is refused over HTTP and
 * WebSocket, unauthenticated, with a tRPC error a client can read and no JavaScript error
 * text; a batch over the limit is refused on a socket whatever whitespace comes first.
 */

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer({
    label: 'input-limits',
    env: { NODE_ENV: 'production', WS_CONNECTION_PARAMS_TIMEOUT_MS: '1000' },
  });
  token = (await signUp(httpClient(server.url), 'limits')).accessToken;
});
afterAll(() => server?.close());

/** A JSON text of `depth` nested arrays, about `depth * 2` bytes. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const JS_ERROR_TEXT =
  /RangeError|TypeError|SyntaxError|call stack|Unexpected|JSON\.parse|at \w+ \(/;

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, text: await res.text() };
}

describe('over HTTP', () => {
  it('refuses 1 MB of nested arrays as BAD_REQUEST, unauthenticated, without JS error text', async () => {
    for (const path of ['/trpc/auth.login', '/trpc/auth.login,auth.me?batch=1']) {
      const { status, text } = await post(path, nested(500_000));
      expect(status).toBe(400);
      const body = JSON.parse(text);
      expect(body.error.json.data.code).toBe('BAD_REQUEST');
      expect(body.error.json.data.requestId).toBeTruthy();
      expect(body.error.json.message).toMatch(/nested/);
      expect(text).not.toMatch(JS_ERROR_TEXT);
    }
  });

  it('answers a deep input so that the real client reads a tRPC error naming the code', async () => {
    const client = httpClient(server.url, token);
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i++) deep = { deep };
    const error = await client.conversations.create
      .mutate({ title: 't', metadata: { deep } } as never)
      .then(
        () => null,
        (e: { data?: { code?: string }; message: string }) => e,
      );
    expect(error?.data?.code).toBe('BAD_REQUEST');
    expect(error?.message).not.toMatch(JS_ERROR_TEXT);
    const rows = await server.db.query('SELECT id FROM conversations');
    expect(rows).toHaveLength(0);
  });

  it('refuses a deep input in a GET query string', async () => {
    const input = encodeURIComponent(nested(1_000));
    const res = await fetch(`${server.url}/trpc/listings.search?input=${input}`);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).error.json.data.code).toBe('BAD_REQUEST');
    expect(JSON.parse(text).error.json.message).toMatch(/nested/);
    expect(text).not.toMatch(JS_ERROR_TEXT);
  });

  it('refuses a body over 1 MB as PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ json: { email: 'a@b.co', password: 'x'.repeat(1_100_000) } });
    const { status, text } = await post('/trpc/auth.login', big);
    expect(status).toBe(413);
    expect(JSON.parse(text).error.json.data.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses nested JSON on the REST surface too', async () => {
    const { status, text } = await post('/api/v1/conversations', nested(100_000), {
      authorization: `Bearer ${token}`,
    });
    expect(status).toBe(400);
    expect(text).not.toMatch(JS_ERROR_TEXT);
  });

  it('refuses an object with over 1,000 keys before parsing it (wide objects are slow to parse)', async () => {
    const wide = Object.fromEntries(Array.from({ length: 49_000 }, (_, i) => [`k${i}`, 1]));
    for (const path of ['/trpc/auth.refresh', '/api/v1/conversations']) {
      const { status, text } = await post(path, JSON.stringify({ json: wide }), {
        authorization: `Bearer ${token}`,
      });
      expect(status, path).toBe(400);
      expect(text).toMatch(/over 1000 keys/);
    }
    // 1,000 keys in all, but in small objects, is fine as far as the bounds go.
    const many = Array.from({ length: 100 }, () => ({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }));
    const { text } = await post('/trpc/auth.refresh', JSON.stringify({ json: { many } }));
    expect(text).not.toMatch(/keys/);
  });

  it('answers malformed requests with a typed 400 and no JavaScript error text', async () => {
    for (const body of ['null', '{not', '', '42', '"x"', '[1,']) {
      const { status, text } = await post('/trpc/auth.login', body);
      expect(status, body).toBe(400);
      expect(JSON.parse(text).error.json.data.code, body).toMatch(/^(BAD_REQUEST|PARSE_ERROR)$/);
      expect(text, body).not.toMatch(JS_ERROR_TEXT);
      expect(text, body).not.toMatch(/destructure|position \d/);
    }
    for (const url of [
      '/trpc/listings.search?input=%7Bnot',
      '/trpc/%E0%A4%A',
      '/trpc/a%ZZ?batch=1',
    ]) {
      const res = await fetch(`${server.url}${url}`);
      const text = await res.text();
      expect(res.status, url).toBe(400);
      expect(JSON.parse(text).error.json.data.code, url).toMatch(/^(BAD_REQUEST|PARSE_ERROR)$/);
      expect(text, url).not.toMatch(JS_ERROR_TEXT);
    }
  });

  it('still serves ordinary calls and ordinary nesting', async () => {
    const client = httpClient(server.url, token);
    const created = await client.conversations.create.mutate({
      title: 'ok',
      metadata: { a: { b: { c: [1, [2, [3]]] } } },
    });
    expect(created.metadata).toEqual({ a: { b: { c: [1, [2, [3]]] } } });
  });
});

function openSocket(): Promise<{ ws: WebSocket; next: () => Promise<string>; all: string[] }> {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/trpc?connectionParams=1`);
  const all: string[] = [];
  const waiting: ((text: string) => void)[] = [];
  ws.on('message', (data: Buffer) => {
    const text = data.toString();
    all.push(text);
    waiting.shift()?.(text);
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () =>
      resolve({ ws, all, next: () => new Promise<string>((r) => waiting.push(r)) }),
    );
    ws.once('error', reject);
  });
}

describe('over WebSocket', () => {
  it('refuses a nested frame before any credential, and keeps the socket usable', async () => {
    const { ws, next } = await openSocket();
    ws.send(nested(400_000));
    const refusal = await next();
    expect(refusal).not.toMatch(JS_ERROR_TEXT);
    const parsed = JSON.parse(refusal);
    expect(parsed.id).toBeNull();
    expect(parsed.error.json.data.code).toBe('BAD_REQUEST');
    ws.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
    ws.send(JSON.stringify({ id: 1, method: 'query', params: { path: 'auth.me', input: {} } }));
    const answer = JSON.parse(await next());
    expect(answer.id).toBe(1);
    expect(answer.result.data.json.name).toBe('limits');
    ws.close();
  });

  it('refuses a batch over the limit even when whitespace comes first', async () => {
    const { ws, all } = await openSocket();
    ws.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
    const batch = Array.from({ length: 60 }, (_, i) => ({
      id: 100 + i,
      method: 'query',
      params: { path: 'auth.me', input: {} },
    }));
    for (const lead of [' ', '\n\t \r']) {
      all.length = 0;
      ws.send(`${lead}${JSON.stringify(batch)}`);
      await new Promise((r) => setTimeout(r, 500));
      const served = all.filter((a) => a.includes('"result"')).length;
      const refused = all.filter((a) => a.includes('BAD_REQUEST')).length;
      expect(served).toBe(0);
      expect(refused).toBe(60);
    }
    ws.close();
  });

  it('closes a socket that says it will send connectionParams and never does; one that sends them stays', async () => {
    const silent = await openSocket();
    const talking = await openSocket();
    talking.ws.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
    const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
      silent.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    expect(closed).toEqual({ code: 1008, reason: 'connectionParams not sent in time' });
    await new Promise((r) => setTimeout(r, 300));
    expect(talking.ws.readyState).toBe(WebSocket.OPEN);
    talking.ws.send(
      JSON.stringify({ id: 7, method: 'query', params: { path: 'auth.me', input: {} } }),
    );
    expect(JSON.parse(await talking.next()).id).toBe(7);
    talking.ws.close();
  });
});
