import type { AppRouter } from '@parley/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * Refusals that say what is wrong: a repeated or non-decimal query value, a method a path
 * does not take, an /api path in the wrong case, a URL too long to read, a bad credential
 * on a public read, and a key whose owner lost the role its scope needs.
 */

let server: TestServer;
let rest: string;
let listingId: string;
beforeAll(async () => {
  server = await startTestServer({ label: 'rest-refusals', env: { SEED_DEMO_LISTINGS: '5' } });
  rest = `${server.url}/api/v1`;
  const [row] = await server.db.query<{ id: string }>('SELECT id FROM listings LIMIT 1');
  listingId = row!.id;
});
afterAll(() => server?.close());

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${rest}${path}`, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text || 'null') };
}

/** A tRPC client that sends `headers` (an API key, a bad token). */
function trpcWith(headers: Record<string, string>) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${server.url}/trpc`, transformer: superjson, headers })],
  });
}

describe('query values', () => {
  it('a parameter given twice is refused naming it, not as "received NaN"', async () => {
    const person = await signUp(httpClient(server.url), 'twice');
    const auth = { authorization: `Bearer ${person.accessToken}` };
    for (const [path, field] of [
      ['/conversations?limit=1&limit=2', 'limit'],
      ['/conversations?archived=true&archived=false', 'archived'],
      ['/listings?sort=newest&sort=price_asc', 'sort'],
      ['/listings?q=villa&q=flat', 'q'],
    ] as const) {
      const res = await get(path, auth);
      expect(res.status, path).toBe(400);
      expect(res.body.data.fieldErrors[field], path).toEqual([
        'is given more than once: send one value',
      ]);
      expect(res.text).not.toMatch(/NaN|received array/);
    }
    // A list parameter still takes many.
    const many = await get('/listings?features=pool&features=garden', auth);
    expect(many.status).toBe(200);
  });

  it('a number that is not plain decimal, or too large to be one, says so', async () => {
    const person = await signUp(httpClient(server.url), 'decimal');
    const auth = { authorization: `Bearer ${person.accessToken}` };
    for (const [query, sent] of [
      ['minPrice=1e400', '"1e400"'],
      ['minPrice=0x10', '"0x10"'],
      [`minPrice=${'9'.repeat(400)}`, `"${'9'.repeat(24)}..."`],
    ]) {
      const res = await get(`/listings?${query}`, auth);
      expect(res.status, query).toBe(400);
      const [message] = res.body.data.fieldErrors.minPrice as string[];
      expect(message).toMatch(/^must be a plain decimal number/);
      expect(message).toContain(sent);
      expect(res.text).not.toMatch(/received number/);
    }
  });
});

describe('the map box', () => {
  it('GET /listings takes bounds as north, south, east and west', async () => {
    const [spot] = await server.db.query<{ id: string; lat: number; lng: number }>(
      'SELECT id, lat::float8 AS lat, lng::float8 AS lng FROM listings WHERE lat IS NOT NULL LIMIT 1',
    );
    const box = {
      north: spot!.lat + 0.0001,
      south: spot!.lat - 0.0001,
      east: spot!.lng + 0.0001,
      west: spot!.lng - 0.0001,
    };
    const query = new URLSearchParams(
      Object.entries(box).map(([k, v]): [string, string] => [k, String(v)]),
    );
    const inside = await get(`/listings?${query}`);
    expect(inside.status).toBe(200);
    expect(inside.body.items.map((l: { id: string }) => l.id)).toContain(spot!.id);
    for (const l of inside.body.items as { lat: number; lng: number }[]) {
      expect(l.lat).toBeGreaterThanOrEqual(box.south);
      expect(l.lat).toBeLessThanOrEqual(box.north);
    }
    const all = await get('/listings');
    expect(inside.body.total).toBeLessThan(all.body.total);
    // As over tRPC: the box is whole or absent, and north is not below south.
    // The refusal names the query's own parameters, not the router's `bounds.*`.
    const half = await get(`/listings?north=${box.north}`);
    expect(half.status).toBe(400);
    const fix = ['give all four of north, south, east and west, or none'];
    expect(half.body.data.fieldErrors).toEqual({ south: fix, east: fix, west: fix });
    const upside = await get(`/listings?north=1&south=2&east=2&west=1`);
    expect(upside.status).toBe(400);
    expect(upside.body.data.fieldErrors['bounds.north']).toBeDefined();
  });
});

describe('paths and methods', () => {
  it('a method a path does not take is 405 with Allow and the JSON error body', async () => {
    const res = await fetch(`${rest}/conversations`, { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST, HEAD');
    const body = (await res.json()) as { code: string; message: string; data: object };
    expect(body).toMatchObject({
      code: 'METHOD_NOT_SUPPORTED',
      data: { code: 'METHOD_NOT_SUPPORTED', httpStatus: 405 },
    });
    expect(body.message).toMatch(/PUT is not supported.*GET or POST/);
    const one = await fetch(`${rest}/conversations/${listingId}/`, { method: 'POST' });
    expect(one.status).toBe(405);
    expect(one.headers.get('allow')).toBe('GET, PATCH, DELETE, HEAD');
    // A path that does not exist at all is still 404.
    expect((await fetch(`${rest}/nothing-here`, { method: 'PUT' })).status).toBe(404);
  });

  it('an /api path in another case is a JSON 404, not the web app', async () => {
    for (const path of [
      '/API/V1/conversations',
      '/Api/v1/listings',
      '/api/V1/openapi.json',
      '/api/v2/x',
    ]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code, path).toBe('NOT_FOUND');
      expect(body.message, path).toMatch(/case-sensitive.*\/api\/v1\//);
    }
  });

  it('a URL over 16 KB is 431 with a JSON error body', async () => {
    const res = await fetch(`${rest}/listings?q=${'a'.repeat(17_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { code: string; message: string; data: object };
    expect(body).toMatchObject({
      code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
      data: { httpStatus: 431 },
    });
    expect(body.message).toMatch(/over 16 KB/);
  });
});

describe('public listing reads', () => {
  it('refuse a credential that is sent and invalid, over tRPC and REST alike', async () => {
    for (const headers of <Record<string, string>[]>[
      { authorization: 'Bearer garbage' },
      { 'x-api-key': 'pk_nope' },
      { 'x-api-key': 'cs_nope' },
    ]) {
      const trpc = trpcWith(headers);
      for (const call of [
        () => trpc.listings.get.query({ id: listingId }),
        () => trpc.listings.similar.query({ id: listingId }),
        () => trpc.listings.search.query({ limit: 1 }),
      ]) {
        expect((await errorOf(call)).data.code).toBe('UNAUTHORIZED');
      }
      for (const path of [`/listings/${listingId}`, `/listings/${listingId}/similar`]) {
        const res = await get(path, headers);
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
      }
    }
    // Without a credential they stay public.
    expect((await trpcWith({}).listings.get.query({ id: listingId })).id).toBe(listingId);
    expect((await get(`/listings/${listingId}/similar`)).status).toBe(200);
  });
});

describe('a listings:write key whose owner is no longer staff', () => {
  it('is refused for the real reason, on listings.create and POST /media', async () => {
    const agent = await signUp(httpClient(server.url), 'demoted');
    await server.db.query("UPDATE users SET role = 'agent' WHERE id = $1", [agent.user.id]);
    const { key } = await httpClient(server.url, agent.accessToken).auth.apiKeys.create.mutate({
      name: 'listings',
      scopes: ['listings:write'],
    });
    await server.db.query("UPDATE users SET role = 'user' WHERE id = $1", [agent.user.id]);
    const refused = await errorOf(() =>
      trpcWith({ 'x-api-key': key }).listings.create.mutate({
        title: 'Harbour flat',
        description: 'Two rooms by the harbour',
        location: 'Kyrenia',
        rentType: 'long_term',
        propertyType: 'apartment',
        bedrooms: 2,
        bathrooms: 1,
        areaSqm: 80,
        price: 900,
        currency: 'GBP',
      } as never),
    );
    expect(refused.data.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/owner is a user, not an agent or admin/);
    expect(refused.message).not.toMatch(/^Needs/);
    const media = await fetch(`${server.url}/media`, {
      method: 'POST',
      body: 'not read',
      headers: { 'x-api-key': key },
    });
    expect(media.status).toBe(403);
    const body = (await media.json()) as { message: string };
    expect(body.message).toMatch(/owner is a user, not an agent or admin/);
    // A plain person is told the role it takes.
    const plain = await signUp(httpClient(server.url), 'plain');
    const asPerson = await errorOf(() =>
      httpClient(server.url, plain.accessToken).listings.delete.mutate({ id: listingId }),
    );
    expect(asPerson.message).toMatch(/^Needs role agent or admin \(you are a user\)/);
  });
});
