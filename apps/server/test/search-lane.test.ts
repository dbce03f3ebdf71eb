import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * Cached `listings.search` pages for callers without credentials are answered before tRPC
 * (apps/server/src/search-lane.ts). A client must not be able to tell: same status, headers
 * and bytes as tRPC's answer, the same per-IP limit counted once per request, the same
 * errors, and a credential is always checked by tRPC. Whether tRPC ran is read from its
 * per-call log line ("call ok", debug level in tests).
 */
const LIMIT = 6;
let server: TestServer;
let nextIp = 1;

beforeAll(async () => {
  server = await startTestServer({
    label: 'search_lane',
    env: {
      SEED_DEMO_LISTINGS: '40',
      // Each test searches from addresses of its own (x-forwarded-for), so limits do not mix.
      TRUST_PROXY: 'true',
      RATE_LIMIT_SEARCH_PER_IP_PER_MINUTE: String(LIMIT),
    },
  });
});
afterAll(async () => {
  await server?.close();
});

function searchUrl(input: unknown, batch = false): string {
  const wire = { json: input };
  const param = JSON.stringify(batch ? { 0: wire } : wire);
  const query = `${batch ? 'batch=1&' : ''}input=${encodeURIComponent(param)}`;
  return `${server.url}/trpc/listings.search?${query}`;
}

/** How many times tRPC has run listings.search so far. */
const trpcSearches = () =>
  server.logs.filter((line) => line.msg === 'call ok' && line.path === 'listings.search').length;

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  viaTrpc: boolean;
}

// What a client reads (framing, chunked or with a length, is not among it).
const KEPT_HEADERS = ['content-type', 'vary', 'cache-control'];

async function get(url: string, ip: string, headers: Record<string, string> = {}): Promise<Answer> {
  const before = trpcSearches();
  const res = await fetch(url, { headers: { 'x-forwarded-for': ip, ...headers } });
  const body = await res.text();
  const kept = KEPT_HEADERS.flatMap((h) => {
    const value = res.headers.get(h);
    return value === null ? [] : [[h, value]];
  });
  return {
    status: res.status,
    headers: Object.fromEntries(kept),
    body,
    viaTrpc: trpcSearches() > before,
  };
}

const newIp = () => `10.9.0.${nextIp++}`;

describe('cached searches answered before tRPC', () => {
  it('sends a hit with the status, headers and bytes of the miss, alone and as a batch of one', async () => {
    for (const batch of [false, true]) {
      const ip = newIp();
      const limit = batch ? 6 : 7; // a query of its own: not cached by the other
      const url = searchUrl({ location: 'Girne', sort: 'price_asc', limit }, batch);
      const miss = await get(url, ip);
      const hit = await get(url, ip);
      expect(miss.status).toBe(200);
      expect(miss.viaTrpc).toBe(true);
      expect(hit.viaTrpc).toBe(false);
      expect({ ...hit, viaTrpc: true }).toEqual(miss);
      const parsed = JSON.parse(hit.body) as unknown;
      const result = (batch ? (parsed as unknown[])[0] : parsed) as {
        result: { data: { json: { items: unknown[] } } };
      };
      expect(result.result.data.json.items).toHaveLength(limit);
    }
  });

  it('answers what the typed client asks from the cache, Dates and cursor included', async () => {
    const client = httpClient(server.url);
    const query = { rentType: 'long_term' as const, sort: 'newest' as const, limit: 4 };
    const first = await client.listings.search.query(query);
    const before = trpcSearches();
    const again = await client.listings.search.query(query);
    expect(trpcSearches()).toBe(before);
    expect(again).toEqual(first);
    expect(again.items[0]?.createdAt).toBeInstanceOf(Date);
    const next = await client.listings.search.query({ ...query, cursor: again.nextCursor });
    expect(next.items.map((l) => l.id)).not.toContain(first.items[0]!.id);
  });

  it('counts each request once against the per-IP limit, and refuses past it as tRPC does', async () => {
    const ip = newIp();
    const url = searchUrl({ location: 'Lapta', limit: 3 });
    const answers: Answer[] = [];
    for (let i = 0; i < LIMIT; i++) answers.push(await get(url, ip));
    expect(answers.map((a) => a.status)).toEqual(Array(LIMIT).fill(200));
    expect(answers.filter((a) => a.viaTrpc)).toHaveLength(1);
    // Past the limit, a cached page and a new search are both refused, by tRPC, as before.
    const refused = await get(url, ip);
    expect(refused.status).toBe(429);
    const error = JSON.parse(refused.body) as {
      error: { json: { data: { code: string; retryAfter: number } } };
    };
    expect(error.error.json.data.code).toBe('TOO_MANY_REQUESTS');
    expect(error.error.json.data.retryAfter).toBeGreaterThan(0);
    expect((await get(searchUrl({ location: 'Lefkoşa', limit: 3 }), ip)).status).toBe(429);
    // Another address is not affected.
    expect((await get(url, newIp())).status).toBe(200);
  });

  it('leaves every credential to tRPC: a bad one is refused even for a cached page', async () => {
    const ip = newIp();
    const url = searchUrl({ location: 'Esentepe', limit: 2 });
    expect((await get(url, ip)).status).toBe(200);
    expect((await get(url, ip)).viaTrpc).toBe(false);
    const forged = await get(url, ip, { authorization: 'Bearer not-a-token' });
    expect(forged.status).toBe(401);
    const badKey = await get(url, ip, { 'x-api-key': 'pk_nope' });
    expect(badKey.status).toBe(401);
    const user = await signUp(httpClient(server.url), 'lane');
    const signedIn = await get(url, ip, { authorization: `Bearer ${user.accessToken}` });
    expect(signedIn.status).toBe(200);
    expect(signedIn.viaTrpc).toBe(true);
  });

  it('holds a guest to the per-IP limit (a guest token is one call away), not a signed-in person', async () => {
    const ip = newIp();
    const url = searchUrl({ location: 'Alsancak', limit: 2 });
    const guest = await httpClient(server.url).auth.guest.mutate();
    const asGuest = { authorization: `Bearer ${guest.accessToken}` };
    for (let i = 0; i < LIMIT; i++) expect((await get(url, ip, asGuest)).status).toBe(200);
    expect((await get(url, ip, asGuest)).status).toBe(429);
    const user = await signUp(httpClient(server.url), 'lane-limit');
    const signedIn = await get(url, ip, { authorization: `Bearer ${user.accessToken}` });
    expect(signedIn.status).toBe(200);
  });

  it('gives tRPC what it cannot answer: bad input, a bad cursor, other URLs', async () => {
    const ip = newIp();
    const bad = await get(searchUrl({ limit: 0 }), ip);
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('limit');
    const cursor = await get(searchUrl({ limit: 2, cursor: 'bogus' }), ip);
    expect(cursor.status).toBe(400);
    expect(cursor.body).toContain('cursor');
    const url = searchUrl({ limit: 2 });
    expect((await get(url, ip)).status).toBe(200);
    const extra = await get(`${url}&unknown=1`, ip);
    expect(extra.status).toBe(200);
    expect(extra.viaTrpc).toBe(true);
  });

  it('never answers a page from before a write, made by any process', async () => {
    const url = searchUrl({ location: 'Girne', sort: 'newest', limit: 2 });
    const titles = async () => {
      const answer = await get(url, newIp());
      const body = JSON.parse(answer.body) as {
        result: { data: { json: { items: { id: string; title: string }[] } } };
      };
      return { answer, items: body.result.data.json.items };
    };
    await titles();
    const cached = await titles();
    expect(cached.answer.viaTrpc).toBe(false);
    const id = cached.items[0]!.id;
    await server.db.query('UPDATE listings SET title = $1 WHERE id = $2', ['Renamed by psql', id]);
    // The change watcher hears of the write from PostgreSQL: a moment, not a request.
    const deadline = Date.now() + 5_000;
    let fresh = await titles();
    while (fresh.items[0]?.title !== 'Renamed by psql' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      fresh = await titles();
    }
    expect(fresh.items[0]?.title).toBe('Renamed by psql');
    expect((await titles()).answer.viaTrpc).toBe(false);
  });
});
