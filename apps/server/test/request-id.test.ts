import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './harness';

/**
 * A caller's `x-request-id` is echoed in a header and written to the logs: it is kept only
 * when it is a short safe token, and anything else is replaced by a fresh id. Calls refused
 * on a WebSocket before they reach a procedure have ids of their own too.
 */
let server: TestServer;
const MAX_BATCH = 3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

beforeAll(async () => {
  server = await startTestServer({
    label: 'request-id',
    env: { MAX_BATCH_SIZE: String(MAX_BATCH) },
  });
});
afterAll(async () => {
  await server?.close();
});

/** An anonymous `auth.me` over tRPC (refused UNAUTHORIZED) and `GET /api/v1/auth/me` over REST. */
async function idsOf(headers: Record<string, string>) {
  const trpc = await fetch(`${server.url}/trpc/auth.me`, { headers });
  const trpcBody = (await trpc.json()) as { error: { json: { data: { requestId: string } } } };
  const rest = await fetch(`${server.url}/api/v1/auth/me`, { headers });
  const restBody = (await rest.json()) as { data: { requestId: string } };
  return [
    { header: trpc.headers.get('x-request-id'), body: trpcBody.error.json.data.requestId },
    { header: rest.headers.get('x-request-id'), body: restBody.data.requestId },
  ];
}

const loggedWith = (id: string) => server.logs.filter((l) => l.requestId === id);

describe('a caller-supplied x-request-id', () => {
  it('is kept when it is a safe token of up to 128 characters, in the answer and the logs', async () => {
    for (const given of ['trace:4bf92f35.00f067aa-0ba9_02', 'a'.repeat(128)]) {
      for (const seen of await idsOf({ 'x-request-id': given })) {
        expect(seen).toEqual({ header: given, body: given });
      }
      expect(loggedWith(given).length).toBeGreaterThan(0);
    }
  });

  it('is replaced by a fresh id when it could forge a log line or carry anything else', async () => {
    const unsafe = [
      'a'.repeat(129),
      'id with spaces',
      'x","level":60,"msg":"forged',
      'id\tlog',
      'id;drop',
      'ünïcode',
      '<script>',
    ];
    for (const given of unsafe) {
      for (const seen of await idsOf({ 'x-request-id': given })) {
        expect(seen.header, given).toMatch(UUID);
        expect(seen.body, given).toBe(seen.header);
        expect(loggedWith(seen.header!).length, given).toBeGreaterThan(0);
      }
      expect(JSON.stringify(server.logs)).not.toContain(JSON.stringify(given).slice(1, -1));
    }
    // Two ids sent in one request arrive joined by a comma: neither is taken.
    const twice = await fetch(`${server.url}/trpc/auth.me`, {
      headers: [
        ['x-request-id', 'first-id'],
        ['x-request-id', 'second-id'],
      ],
    });
    expect(twice.headers.get('x-request-id')).toMatch(UUID);
  });
});

describe('calls refused on a WebSocket before they reach a procedure', () => {
  it('each have a request id of their own', async () => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/trpc`);
    try {
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const replies: { id: unknown; error: { json: { data: { requestId?: string } } } }[] = [];
      ws.on('message', (m) => replies.push(JSON.parse(String(m))));
      const call = (id: number) => ({
        id,
        method: 'query',
        params: { path: 'listings.get', input: { json: { id: 'x' } } },
      });
      // Nested past the input limit, twice; then a batch over the limit.
      const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
      ws.send(deep);
      ws.send(deep);
      ws.send(JSON.stringify(Array.from({ length: MAX_BATCH + 1 }, (_, i) => call(i + 1))));
      await expect.poll(() => replies.length).toBe(2 + MAX_BATCH + 1);
      const ids = replies.map((r) => r.error.json.data.requestId);
      for (const id of ids) expect(id).toMatch(UUID);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      ws.close();
    }
  });
});
