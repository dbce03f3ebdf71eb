import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, startTestServer, type TestServer, wsClient } from './harness';

/**
 * Cached listings go out in the form they were cached in (superjson's), without being
 * serialised again: a client must not be able to tell a hit from a miss, byte for byte,
 * over HTTP and over WebSocket, Dates included.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ label: 'wire', env: { SEED_DEMO_LISTINGS: '40' } });
});
afterAll(async () => {
  await server?.close();
});

async function rawGet(path: string, input: unknown): Promise<string> {
  const url = `${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return res.text();
}

describe('cached listings on the wire', () => {
  it('answers a search hit with the same bytes as the miss that filled the cache', async () => {
    const query = { location: 'Girne', sort: 'price_asc', limit: 5 };
    const miss = await rawGet('listings.search', query);
    const hit = await rawGet('listings.search', query);
    expect(hit).toBe(miss);
    const body = JSON.parse(miss) as { result: { data: { json: { items: unknown[] } } } };
    expect(body.result.data.json.items).toHaveLength(5);
  });

  it('gives typed pages and listings, with Dates, from hits and misses alike', async () => {
    const client = httpClient(server.url);
    const query = { rentType: 'long_term' as const, sort: 'newest' as const, limit: 3 };
    const first = await client.listings.search.query(query);
    const again = await client.listings.search.query(query);
    expect(again).toEqual(first);
    expect(first.items[0]?.createdAt).toBeInstanceOf(Date);
    expect(again.items[0]?.createdAt).toBeInstanceOf(Date);
    // The cursor of a cached page leads on exactly like the cursor of a fresh one.
    const next = await client.listings.search.query({ ...query, cursor: again.nextCursor });
    expect(next.items[0]?.id).not.toBe(first.items[0]?.id);

    const id = first.items[0]!.id;
    const ws = wsClient(server.url);
    try {
      const missed = await ws.client.listings.get.query({ id });
      const hit = await ws.client.listings.get.query({ id });
      expect(hit).toEqual(missed);
      expect(hit.updatedAt).toBeInstanceOf(Date);
      expect(hit).toEqual(first.items[0]);
      expect(await rawGet('listings.get', { id })).toBe(await rawGet('listings.get', { id }));
    } finally {
      await ws.close();
    }
  });
});
