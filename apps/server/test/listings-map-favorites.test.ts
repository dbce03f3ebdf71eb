import { TOWNS } from '@parley/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * Listings on a map (coordinates, a box search), listings like one another, and the
 * favourites a person keeps: through the real server over HTTP, rows read back over the
 * test's own connection.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ label: 'mapfav', env: { SEED_DEMO_LISTINGS: '300' } });
});
afterAll(() => server?.close());

const famagusta = TOWNS.find((t) => t.name === 'Gazimağusa')!.centre;
const around = (c: { lat: number; lng: number }, d = 0.05) => ({
  north: c.lat + d,
  south: c.lat - d,
  east: c.lng + d,
  west: c.lng - d,
});

async function agent() {
  const anon = httpClient(server.url);
  const person = await signUp(anon, 'agent');
  await server.db.query(`UPDATE users SET role = 'agent' WHERE id = $1`, [person.user.id]);
  // Roles travel in the access token: sign in again to carry the new one.
  const again = await anon.auth.login.mutate({ email: person.email, password: person.password });
  return { ...person, client: httpClient(server.url, again.accessToken) };
}

const flat = {
  title: 'Harbour flat with a view',
  description: 'Two bedrooms over the old harbour.',
  location: 'Girne',
  rentType: 'long_term' as const,
  propertyType: 'apartment' as const,
  bedrooms: 2,
  bathrooms: 1,
  areaSqm: 80,
  price: 900,
};

describe('listings on a map', () => {
  it('places every demo listing near its own town', async () => {
    const page = await httpClient(server.url).listings.search.query({ limit: 100 });
    expect(page.items.length).toBe(100);
    for (const listing of page.items) {
      const centre = TOWNS.find((t) => t.name === listing.location)!.centre;
      expect(Math.abs(listing.lat! - centre.lat)).toBeLessThan(0.03);
      expect(Math.abs(listing.lng! - centre.lng)).toBeLessThan(0.03);
    }
  });

  it('finds exactly the listings inside a box, with the total, page after page', async () => {
    const client = httpClient(server.url);
    const box = around(famagusta);
    const [counted] = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM listings
        WHERE lat BETWEEN $1 AND $2 AND lng BETWEEN $3 AND $4`,
      [box.south, box.north, box.west, box.east],
    );
    const n = counted?.n ?? 0;
    expect(n).toBeGreaterThan(0);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await client.listings.search.query({ bounds: box, limit: 7, cursor });
      expect(page.total).toBe(n);
      for (const l of page.items) {
        expect(l.location).toBe('Gazimağusa');
        seen.push(l.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(n);
  });

  it('stores coordinates given on create and update, and never half a point', async () => {
    const { client } = await agent();
    const created = await client.listings.create.mutate({ ...flat, lat: 35.34, lng: 33.32 });
    expect(created).toMatchObject({ lat: 35.34, lng: 33.32 });
    expect(created.agent?.name).toBe('agent');
    const inBox = await client.listings.search.query({
      bounds: { north: 35.341, south: 35.339, east: 33.321, west: 33.319 },
    });
    expect(inBox.items.map((l) => l.id)).toContain(created.id);

    const half = await errorOf(() => client.listings.create.mutate({ ...flat, lat: 35.3 }));
    expect(half.data.code).toBe('BAD_REQUEST');
    expect(half.data.fieldErrors).toHaveProperty('lat');
    const far = await errorOf(() =>
      client.listings.update.mutate({ id: created.id, lat: 95, lng: 33 }),
    );
    expect(far.data.fieldErrors).toHaveProperty('lat');

    const moved = await client.listings.update.mutate({ id: created.id, lat: null, lng: null });
    expect(moved).toMatchObject({ lat: null, lng: null });
    const [row] = await server.db.query<{ lat: number | null }>(
      'SELECT lat FROM listings WHERE id = $1',
      [created.id],
    );
    expect(row?.lat).toBeNull();
  });

  it('names the field of a bad box', async () => {
    const error = await errorOf(() =>
      httpClient(server.url).listings.search.query({
        bounds: { north: 35, south: 36, east: 34, west: 33 },
      }),
    );
    expect(error.data.code).toBe('BAD_REQUEST');
    expect(Object.keys(error.data.fieldErrors ?? {}).join()).toMatch(/bounds/);
  });

  it('filters by price period, and a period against another rent type matches nothing', async () => {
    const client = httpClient(server.url);
    const nightly = await client.listings.search.query({ pricePeriod: 'night', limit: 50 });
    expect(nightly.total).toBeGreaterThan(0);
    expect(nightly.items.every((l) => l.pricePeriod === 'night')).toBe(true);
    const none = await client.listings.search.query({ pricePeriod: 'month', rentType: 'sale' });
    expect(none).toMatchObject({ items: [], total: 0 });
  });
});

describe('similar listings', () => {
  it('answers the same town, type and rent type, nearest in price first, never itself', async () => {
    const client = httpClient(server.url);
    const [me] = (
      await client.listings.search.query({
        location: 'Girne',
        rentType: 'long_term',
        propertyType: 'apartment',
        limit: 1,
      })
    ).items;
    expect(me).toBeDefined();
    const { items } = await client.listings.similar.query({ id: me!.id, limit: 4 });
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((l) => l.id)).not.toContain(me!.id);
    for (const l of items) {
      expect(l).toMatchObject({
        location: 'Girne',
        rentType: 'long_term',
        propertyType: 'apartment',
      });
    }
    const distances = items.map((l) => Math.abs(l.price - me!.price));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // Nothing closer in price was left out.
    const [nearest] = await server.db.query<{ d: string }>(
      `SELECT max(d)::text AS d FROM (SELECT abs(price - $2) AS d FROM listings
        WHERE location = 'Girne' AND rent_type = 'long_term' AND property_type = 'apartment'
          AND id <> $1 ORDER BY d LIMIT 4) x`,
      [me!.id, me!.price],
    );
    expect(Math.max(...distances)).toBeCloseTo(Number(nearest?.d), 2);
  });

  it('is NOT_FOUND for a listing that does not exist', async () => {
    const error = await errorOf(() =>
      httpClient(server.url).listings.similar.query({ id: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(error.data.code).toBe('NOT_FOUND');
  });
});

describe('favourites', () => {
  it('adds, lists newest saved first in pages, removes, and keeps each person apart', async () => {
    const anon = httpClient(server.url);
    const alice = await signUp(anon, 'alice');
    const bob = await signUp(anon, 'bob');
    const a = httpClient(server.url, alice.accessToken);
    const b = httpClient(server.url, bob.accessToken);
    const ids = (await anon.listings.search.query({ limit: 5 })).items.map((l) => l.id);
    for (const listingId of ids) await a.favorites.add.mutate({ listingId });
    // Saving again is fine and keeps its place.
    await a.favorites.add.mutate({ listingId: ids[0]! });
    await b.favorites.add.mutate({ listingId: ids[4]! });

    const first = await a.favorites.list.query({ limit: 3 });
    const second = await a.favorites.list.query({ limit: 3, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((l) => l.id)).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();
    expect(first.items[0]?.createdAt).toBeInstanceOf(Date);

    await a.favorites.remove.mutate({ listingId: ids[2]! });
    await a.favorites.remove.mutate({ listingId: ids[2]! });
    expect((await a.favorites.list.query({})).items.map((l) => l.id)).toEqual([
      ids[4],
      ids[3],
      ids[1],
      ids[0],
    ]);
    expect((await b.favorites.list.query({})).items.map((l) => l.id)).toEqual([ids[4]]);
    const rows = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM favorites WHERE user_id = $1',
      [alice.user.id],
    );
    expect(rows[0]?.n).toBe(4);
  });

  it('is NOT_FOUND for a listing that does not exist, and names a bad id', async () => {
    const person = await signUp(httpClient(server.url), 'carol');
    const client = httpClient(server.url, person.accessToken);
    const missing = await errorOf(() =>
      client.favorites.add.mutate({ listingId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(missing.data.code).toBe('NOT_FOUND');
    const bad = await errorOf(() => client.favorites.add.mutate({ listingId: 'undefined' }));
    expect(bad.data.fieldErrors).toHaveProperty('listingId');
    const cursor = await errorOf(() => client.favorites.list.query({ cursor: 'nope' }));
    expect(cursor.data.code).toBe('BAD_REQUEST');
  });

  it('goes with the listing when it is deleted', async () => {
    const { client } = await agent();
    const listing = await client.listings.create.mutate(flat);
    await client.favorites.add.mutate({ listingId: listing.id });
    await client.listings.delete.mutate({ id: listing.id });
    expect((await client.favorites.list.query({})).items).toEqual([]);
  });
});
