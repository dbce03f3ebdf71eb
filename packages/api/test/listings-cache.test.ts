import { createRandom, seedListings, watchListingChanges } from '@parley/db';
import { hasRedis } from '@parley/testing';
import type { ListingCreateInput, ListingQuery } from '@parley/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createListing,
  deleteListing,
  getListing,
  listingsChanged,
  searchListings,
  updateListing,
} from '../src/listings';
import { type Instance, type ListingsWorld, openInstance, openWorld } from './listings-helpers';

/**
 * Cached searches and gets never outlive a committed write: not on the instance that
 * wrote, not on a second instance sharing Redis (a second server), not for writes made
 * outside the API once the change watcher is running.
 */

let world: ListingsWorld;
let a: Instance;
let b: Instance;
const admin = { userId: '00000000-0000-7000-8000-000000000000', canWriteAny: true };

// Cache stores are not awaited by searches; give them a moment to land.
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

const flat = (overrides: Partial<ListingCreateInput> = {}): ListingCreateInput => ({
  title: 'Cache test flat in Lapta',
  description: 'Bright flat with a balcony, close to the coast road.',
  location: 'Lapta',
  rentType: 'long_term',
  propertyType: 'apartment',
  bedrooms: 2,
  bathrooms: 1,
  areaSqm: 80,
  price: 640,
  features: ['balcony'],
  ...overrides,
});

beforeAll(async () => {
  world = await openWorld('listings_cache');
  a = world.a;
  b = await openInstance(world.db.url, world.keyPrefix);
  await seedListings(a.sequelize, { count: 200, seed: 'cache-test' });
  await listingsChanged(a.deps.cache);
});

afterAll(async () => {
  await b?.close();
  await world?.close();
});

// Two instances share their cache through Redis (always there under CI).
describe.runIf(hasRedis)('listings cache', () => {
  it('serves repeated searches from the shared cache', async () => {
    const query: ListingQuery = { location: 'Lapta', rentType: 'long_term', sort: 'price_asc' };
    const first = await searchListings(a.deps, query);
    await settle();
    // A row written behind the API's back (no version bump): both instances keep
    // answering from the cache, which shows the cache is really in use and shared.
    await world.db.query(
      `INSERT INTO listings (id, rent_type, property_type, location, district, bedrooms, bathrooms,
         area_sqm, price, title, description)
       VALUES ('00000000-0000-7000-8000-00000000abcd', 'long_term', 'studio', 'Lapta', 'Girne', 0, 1,
         30, 1.00, 'Hidden studio', 'Written behind the cache')`,
    );
    expect(await searchListings(a.deps, query)).toEqual(first);
    expect(await searchListings(b.deps, query)).toEqual(first);
    // Announcing the change makes every instance read afresh.
    await listingsChanged(b.deps.cache);
    const fresh = await searchListings(a.deps, query);
    expect(fresh.total).toBe(first.total + 1);
    expect(fresh.items[0]?.title).toBe('Hidden studio');
    expect(await searchListings(b.deps, query)).toEqual(fresh);
  });

  it('never answers from before a create, update or delete, on either instance', async () => {
    const query: ListingQuery = {
      location: 'Lapta',
      rentType: 'long_term',
      maxPrice: 700,
      sort: 'newest',
      limit: 50,
    };
    const before = await searchListings(a.deps, query);
    await searchListings(b.deps, query);
    await settle();

    const created = await createListing(a.deps, flat(), null);
    for (const instance of [b, a]) {
      const page = await searchListings(instance.deps, query);
      expect(page.total).toBe(before.total + 1);
      expect(page.items[0]?.id).toBe(created.id);
      expect((await getListing(instance.deps, created.id))?.price).toBe(640);
    }
    await settle();

    // An update on B that moves the listing out of the filter: gone from A's answer.
    const updated = await updateListing(
      b.deps,
      { id: created.id, price: 725.5, title: 'Now pricier' },
      admin,
    );
    expect(updated.price).toBe(725.5);
    expect(updated.features).toEqual(['balcony']); // fields left out keep their values
    for (const instance of [a, b]) {
      const page = await searchListings(instance.deps, query);
      expect(page.total).toBe(before.total);
      expect(page.items.map((i) => i.id)).not.toContain(created.id);
      const got = await getListing(instance.deps, created.id);
      expect(got?.title).toBe('Now pricier');
      expect(got?.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
    }
    await settle();

    await deleteListing(a.deps, created.id, admin);
    for (const instance of [b, a]) {
      expect(await getListing(instance.deps, created.id)).toBeNull();
      const all = await searchListings(instance.deps, { q: 'pricier' });
      expect(all.items.map((i) => i.id)).not.toContain(created.id);
    }
  });

  it('a get cached as missing sees the listing once it is created', async () => {
    const missing = '019a0000-0000-7000-8000-000000000001';
    expect(await getListing(a.deps, missing)).toBeNull();
    expect(await getListing(b.deps, missing)).toBeNull();
    await settle();
    await world.db.query(
      `INSERT INTO listings (id, rent_type, property_type, location, district, bedrooms, bathrooms,
         area_sqm, price, title, description)
       VALUES ($1, 'sale', 'villa', 'Esentepe', 'Girne', 4, 3, 250, 450000, 'Villa', 'Late villa')`,
      [missing],
    );
    await listingsChanged(a.deps.cache);
    expect((await getListing(b.deps, missing))?.title).toBe('Villa');
  });

  it('stays fresh over a run of random writes on either instance', async () => {
    const random = createRandom('cache-writes');
    const instances = [a, b];
    const query: ListingQuery = {
      location: 'Lapta',
      rentType: 'short_term',
      sort: 'price_asc',
      limit: 100,
    };
    const mine: string[] = [];
    for (let i = 0; i < 30; i++) {
      const reader = random.pick(instances);
      const writer = random.pick(instances);
      await searchListings(reader.deps, query); // cache the current answer
      if (random.chance(0.3)) await settle();
      const action =
        mine.length === 0 ? 'create' : random.pick(['create', 'update', 'delete'] as const);
      if (action === 'create') {
        const price = random.int(40, 400);
        const listing = await createListing(
          writer.deps,
          flat({ rentType: 'short_term', price }),
          null,
        );
        mine.push(listing.id);
      } else if (action === 'update') {
        await updateListing(
          writer.deps,
          { id: random.pick(mine), price: random.int(40, 400) },
          admin,
        );
      } else {
        const id = mine.splice(random.int(0, mine.length - 1), 1)[0] ?? '';
        await deleteListing(writer.deps, id, admin);
      }
      const [truth] = await world.db.query<{ n: number; ids: string[] }>(
        `SELECT count(*)::int AS n, coalesce(array_agg(id::text ORDER BY price, id), '{}') AS ids
         FROM listings WHERE location = 'Lapta' AND rent_type = 'short_term'`,
      );
      for (const instance of instances) {
        const page = await searchListings(instance.deps, query);
        expect(page.total, `step ${i} ${action}`).toBe(truth?.n);
        expect(page.items.map((item) => item.id)).toEqual(truth?.ids.slice(0, 100));
      }
    }
  });

  it('drops cached answers after a write made outside the API once the watcher runs', async () => {
    const watcher = await watchListingChanges(a.sequelize, () => listingsChanged(a.deps.cache));
    try {
      const query: ListingQuery = { location: 'Güzelyurt', propertyType: 'penthouse' };
      const before = await searchListings(b.deps, query);
      await settle();
      // What `pnpm listings:import` or psql would do: a plain committed INSERT.
      await world.db.query(
        `INSERT INTO listings (id, rent_type, property_type, location, district, bedrooms, bathrooms,
           area_sqm, price, title, description)
         VALUES ('019a0000-0000-7000-8000-0000000000f1', 'sale', 'penthouse', 'Güzelyurt', 'Güzelyurt',
           3, 2, 140, 210000, 'Imported penthouse', 'Came from a CSV file')`,
      );
      const deadline = Date.now() + 5_000;
      let total = before.total;
      while (total === before.total && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        total = (await searchListings(b.deps, query)).total;
      }
      expect(total).toBe(before.total + 1);
    } finally {
      await watcher.stop();
    }
  });
});
