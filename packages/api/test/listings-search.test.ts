import {
  createRandom,
  generateListings,
  insertListingRows,
  type ListingRow,
  seedListings,
} from '@parley/db';
import {
  FEATURES,
  type Feature,
  LISTING_SORTS,
  type ListingPage,
  type ListingQuery,
  listingQuery,
  PROPERTY_TYPES,
  RENT_TYPES,
  TOWNS,
  townsMatching,
} from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListing, listingsChanged, searchListings } from '../src/listings';
import { type ListingsWorld, openWorld } from './listings-helpers';

/**
 * Search correctness as a property: for hundreds of random ListingQuery values, paging
 * through `searchListings` by nextCursor gives exactly what a plain filter-and-sort of
 * every row in JavaScript gives, with the right total on every page.
 */

interface Row {
  id: string;
  rentType: string;
  propertyType: string;
  location: string;
  bedrooms: number;
  cents: bigint;
  features: string[];
  /** created_at in UTC with microseconds: sorts as text. */
  created: string;
}

let world: ListingsWorld;

async function allRows(): Promise<Row[]> {
  const rows = await world.db.query<{
    id: string;
    rent_type: string;
    property_type: string;
    location: string;
    bedrooms: number;
    cents: string;
    features: string[];
    created: string;
  }>(
    `SELECT id, rent_type, property_type, location, bedrooms, (price * 100)::bigint::text AS cents, features,
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created
     FROM listings`,
  );
  return rows.map((r) => ({
    id: r.id,
    rentType: r.rent_type,
    propertyType: r.property_type,
    location: r.location,
    bedrooms: r.bedrooms,
    cents: BigInt(r.cents),
    features: r.features,
    created: r.created,
  }));
}

/**
 * Which rows a text query matches and their rank, computed over the separate connection
 * from title and description directly (not from the generated column under test).
 */
async function textMatches(q: string): Promise<Map<string, number>> {
  const doc = `setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B')`;
  const rows = await world.db.query<{ id: string; rank: string }>(
    `SELECT id, ts_rank(${doc}, websearch_to_tsquery('english', $1))::text AS rank
     FROM listings
     WHERE numnode(websearch_to_tsquery('english', $1)) = 0 OR ${doc} @@ websearch_to_tsquery('english', $1)`,
    [q],
  );
  return new Map(rows.map((r) => [r.id, Number(r.rank)]));
}

const toCents = (n: number) => BigInt(Math.round(n * 100));
const cmp = (a: string | bigint | number, b: string | bigint | number) =>
  a < b ? -1 : a > b ? 1 : 0;

/** The reference answer: every row, filtered and sorted in plain JavaScript. */
async function expected(input: ListingQuery, rows: Row[]): Promise<string[]> {
  const query = listingQuery.parse(input);
  const ranks = query.q ? await textMatches(query.q) : undefined;
  const towns = query.location === undefined ? undefined : new Set(townsMatching(query.location));
  const excluded = new Set((query.excludeLocations ?? []).flatMap(townsMatching));
  const periodRent = { month: 'long_term', night: 'short_term' } as const;
  const matched = rows.filter(
    (r) =>
      (!ranks || ranks.has(r.id)) &&
      (!towns || towns.has(r.location)) &&
      !excluded.has(r.location) &&
      (!query.pricePeriod || r.rentType === periodRent[query.pricePeriod]) &&
      (!query.rentType || r.rentType === query.rentType) &&
      (!query.propertyType || r.propertyType === query.propertyType) &&
      (query.minBedrooms === undefined || r.bedrooms >= query.minBedrooms) &&
      (query.maxBedrooms === undefined || r.bedrooms <= query.maxBedrooms) &&
      (query.minPrice === undefined || r.cents >= toCents(query.minPrice)) &&
      (query.maxPrice === undefined || r.cents <= toCents(query.maxPrice)) &&
      (query.features ?? []).every((f) => r.features.includes(f)),
  );
  const sort = query.sort === 'relevance' && !ranks ? 'newest' : query.sort;
  const byId = (a: Row, b: Row) => cmp(a.id, b.id);
  matched.sort((a, b) => {
    switch (sort) {
      case 'relevance':
        return cmp(ranks?.get(b.id) ?? 0, ranks?.get(a.id) ?? 0) || -byId(a, b);
      case 'price_asc':
        return cmp(a.cents, b.cents) || byId(a, b);
      case 'price_desc':
        return cmp(b.cents, a.cents) || -byId(a, b);
      default:
        return cmp(b.created, a.created) || -byId(a, b);
    }
  });
  return matched.map((r) => r.id);
}

/** Follows nextCursor page by page (at most `maxPages`); checks each page's shape. */
async function pageThrough(
  input: ListingQuery,
  maxPages = Number.POSITIVE_INFINITY,
  between?: () => Promise<void>,
): Promise<{ ids: string[]; totals: number[]; complete: boolean; pages: ListingPage[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  const pages: ListingPage[] = [];
  let cursor: string | null = null;
  const limit = listingQuery.parse(input).limit;
  for (let n = 0; n < maxPages; n++) {
    const page: ListingPage = await searchListings(world.a.deps, { ...input, cursor });
    pages.push(page);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.nextCursor) expect(page.items.length).toBe(limit);
    ids.push(...page.items.map((i) => i.id));
    totals.push(page.total);
    if (!page.nextCursor) return { ids, totals, complete: true, pages };
    cursor = page.nextCursor;
    await between?.();
  }
  return { ids, totals, complete: false, pages };
}

const WORDS = [
  'sea view',
  'pool',
  'harbour',
  'garden',
  'villa',
  'golf',
  'quiet garden',
  '"sea views"',
  'pool -garden',
  'beach or golf',
  'the',
  'Kyrenia',
  'xylophone',
  'university',
  'spacious apartment',
];
const PLACES = [
  ...TOWNS.flatMap((t) => [t.name, ...t.aliases]),
  'kyrenia',
  'GIRNE',
  'gazimagusa',
  'İSKELE',
  'iskele',
  'lefkosa',
  'Paphos',
  'Larnaca',
];
const BUDGET: Record<string, [number, number]> = {
  long_term: [300, 3200],
  short_term: [35, 420],
  sale: [50_000, 1_600_000],
};

function randomQuery(random: ReturnType<typeof createRandom>): ListingQuery {
  const q: ListingQuery = {};
  if (random.chance(0.25)) q.q = random.pick(WORDS);
  if (random.chance(0.5)) q.location = random.pick(PLACES);
  const rent = random.chance(0.6) ? random.pick(RENT_TYPES) : undefined;
  if (rent) q.rentType = rent;
  if (random.chance(0.15))
    q.excludeLocations = Array.from({ length: random.int(1, 2) }, () => random.pick(PLACES));
  if (random.chance(0.2)) q.pricePeriod = random.pick(['month', 'night'] as const);
  if (random.chance(0.3)) q.propertyType = random.pick(PROPERTY_TYPES);
  if (random.chance(0.3)) q.minBedrooms = random.int(0, 5);
  if (random.chance(0.2)) q.maxBedrooms = random.int(0, 6);
  const [lo, hi] = BUDGET[rent ?? random.pick(RENT_TYPES)] ?? [0, 1];
  // Whole amounts and pence, to cross the exact-decimal boundary both ways.
  const amount = () => {
    const scale = random.chance(0.3) ? 100 : 1;
    return Math.round((lo + random.next() * (hi - lo)) * scale) / scale;
  };
  if (random.chance(0.4)) q.maxPrice = amount();
  if (random.chance(0.25)) q.minPrice = amount();
  if (random.chance(0.35))
    q.features = Array.from({ length: random.int(1, 3) }, () => random.pick(FEATURES));
  if (random.chance(0.8)) q.sort = random.pick(LISTING_SORTS);
  q.limit = random.chance(0.1) ? random.int(1, 5) : random.int(5, 100);
  return q;
}

beforeAll(async () => {
  world = await openWorld('listings_search');
  await seedListings(world.a.sequelize, { count: 700, seed: 'search-property' });
  // Ties the sorts must break by id: equal prices, equal creation times, and times that
  // differ only in microseconds (a JavaScript Date cannot even tell those apart).
  const extra = generateListings('search-ties');
  const tied: ListingRow[] = [];
  const sameTime = new Date('2026-06-01T12:00:00.000Z');
  for (let i = 0; i < 40; i++) {
    const row = extra.next().value as ListingRow;
    tied.push({
      ...row,
      rentType: 'long_term',
      price: i % 2 ? '750.00' : '1234.56',
      createdAt: i < 20 ? sameTime : row.createdAt,
      updatedAt: i < 20 ? sameTime : row.updatedAt,
    });
  }
  await world.a.sequelize.transaction((t) => insertListingRows(world.a.sequelize, tied, t));
  const micro = tied.slice(0, 10).map((r) => r.id);
  await world.db.query(
    `UPDATE listings SET created_at = created_at + (random() * 900)::int * interval '1 microsecond' WHERE id = ANY($1::uuid[])`,
    [micro],
  );
  await listingsChanged(world.a.deps.cache);
});

afterAll(async () => {
  await world?.close();
});

describe('listing search', () => {
  it('equals a plain filter-and-sort of every row for 250 random queries, page by page', async () => {
    const rows = await allRows();
    const random = createRandom('listing-queries');
    let checkedPages = 0;
    let nonEmpty = 0;
    for (let i = 0; i < 250; i++) {
      const query = randomQuery(random);
      const want = await expected(query, rows);
      const got = await pageThrough(query, 12);
      const context = JSON.stringify(query);
      expect(got.ids, context).toEqual(got.complete ? want : want.slice(0, got.ids.length));
      for (const total of got.totals) expect(total, context).toBe(want.length);
      expect(new Set(got.ids).size, context).toBe(got.ids.length);
      checkedPages += got.totals.length;
      if (want.length) nonEmpty++;
    }
    // The generator must exercise real results, not mostly empty ones.
    expect(nonEmpty).toBeGreaterThan(150);
    expect(checkedPages).toBeGreaterThan(400);
  });

  it('walks every row exactly once in each sort', async () => {
    const rows = await allRows();
    for (const query of [
      { sort: 'newest', limit: 100 },
      { sort: 'price_asc', limit: 100 },
      { sort: 'price_desc', limit: 77 },
      { sort: 'relevance', limit: 100 },
      { sort: 'relevance', q: 'sea view', limit: 33 },
      { sort: 'relevance', q: 'the', limit: 100 },
    ] satisfies ListingQuery[]) {
      const got = await pageThrough(query);
      expect(got.complete).toBe(true);
      expect(got.ids, JSON.stringify(query)).toEqual(await expected(query, rows));
    }
  });

  it('pages stay stable while listings are added between pages', async () => {
    const newRows = generateListings('added-while-paging');
    for (const query of [
      { sort: 'newest', limit: 25 },
      { sort: 'price_asc', rentType: 'long_term', limit: 20 },
      { sort: 'price_desc', limit: 40 },
      { sort: 'relevance', q: 'pool', limit: 30 },
    ] satisfies ListingQuery[]) {
      const before = await expected(query, await allRows());
      const got = await pageThrough(query, Number.POSITIVE_INFINITY, async () => {
        // New listings all over the sort order (prices, and creation times in the past
        // as well as now), committed and announced between two pages.
        const batch = Array.from({ length: 8 }, () => newRows.next().value as ListingRow);
        batch.push({
          ...(newRows.next().value as ListingRow),
          createdAt: new Date(),
          updatedAt: new Date(),
        });
        await world.a.sequelize.transaction((t) => insertListingRows(world.a.sequelize, batch, t));
        await listingsChanged(world.a.deps.cache);
      });
      const context = JSON.stringify(query);
      expect(got.complete, context).toBe(true);
      expect(new Set(got.ids).size, `${context}: no duplicates`).toBe(got.ids.length);
      const seen = new Set(got.ids);
      expect(
        before.filter((id) => !seen.has(id)),
        `${context}: nothing skipped`,
      ).toEqual([]);
      // Whatever was added, the walk is still in sort order.
      const after = await expected(query, await allRows());
      const position = new Map(after.map((id, i) => [id, i]));
      const positions = got.ids.map((id) => position.get(id) ?? -1);
      expect(
        positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] ?? -1))),
        context,
      ).toBe(true);
    }
  });

  it('matches towns and districts by any name, case and accents aside', async () => {
    const girneDistrict = TOWNS.filter((t) => t.district === 'Girne').map((t) => t.name);
    for (const [location, towns] of [
      ['Kyrenia', girneDistrict],
      ['kyrenia', girneDistrict],
      ['gazimagusa', ['Gazimağusa']],
      ['Famagusta', ['Gazimağusa']],
      ['İSKELE', ['İskele']],
      ['iskele', ['İskele']],
      ['Long Beach', ['İskele']],
      ['Morphou', ['Güzelyurt']],
      ['BELLAPAIS', ['Bellapais']],
      ['karsiyaka', ['Karşıyaka']],
      ['Кирения', girneDistrict],
      ['фамагуста', ['Gazimağusa']],
    ] as const) {
      const page = await searchListings(world.a.deps, { location, limit: 100 });
      const [count] = await world.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM listings WHERE location = ANY($1::text[])',
        [towns],
      );
      expect(page.total, location).toBe(count?.n);
      expect(page.total, location).toBeGreaterThan(0);
      for (const item of page.items) expect(towns, location).toContain(item.location);
    }
    const nowhere = await searchListings(world.a.deps, { location: 'Paphos' });
    expect(nowhere).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('keeps prices exact to the penny, in answers and in filters', async () => {
    const base = {
      title: 'Exact price flat',
      description: 'A flat whose price has pence.',
      location: 'Lapta',
      rentType: 'short_term',
      propertyType: 'apartment',
      bedrooms: 1,
      bathrooms: 1,
      areaSqm: 50,
    } as const;
    const odd = await createListing(world.a.deps, { ...base, price: 1234.57 }, null);
    const tiny = await createListing(world.a.deps, { ...base, price: 0.1 + 0.2 }, null);
    expect(odd.price).toBe(1234.57);
    expect(tiny.price).toBe(0.3);
    const stored = await world.db.query<{ price: string }>(
      'SELECT price::text AS price FROM listings WHERE id = ANY($1::uuid[]) ORDER BY price',
      [[odd.id, tiny.id]],
    );
    expect(stored.map((r) => r.price)).toEqual(['0.30', '1234.57']);
    const ids = async (q: ListingQuery) =>
      (
        await searchListings(world.a.deps, {
          ...q,
          location: 'Lapta',
          rentType: 'short_term',
          limit: 100,
        })
      ).items.map((i) => i.id);
    expect(await ids({ minPrice: 1234.57, maxPrice: 1234.57 })).toEqual([odd.id]);
    expect(await ids({ minPrice: 1234.58 })).not.toContain(odd.id);
    expect(await ids({ maxPrice: 1234.56 })).not.toContain(odd.id);
    expect(await ids({ maxPrice: 0.3, sort: 'price_asc' })).toEqual([tiny.id]);
    const found = (
      await searchListings(world.a.deps, { minPrice: 1234.57, maxPrice: 1234.57, limit: 100 })
    ).items;
    expect(found.find((i) => i.id === odd.id)?.price).toBe(1234.57);
    expect(found.find((i) => i.id === odd.id)?.pricePeriod).toBe('night');
  });

  it('answers a bad cursor with BAD_REQUEST naming cursor', async () => {
    const first = await searchListings(world.a.deps, { sort: 'price_asc', limit: 5 });
    const bad = [
      'garbage',
      '',
      Buffer.from('[1,2,3]').toString('base64url'),
      Buffer.from(
        JSON.stringify(['pa', "1'; DROP TABLE listings; --", first.items[0]?.id, 'x']),
      ).toString('base64url'),
      first.nextCursor?.slice(0, -3) ?? 'x',
    ];
    for (const cursor of bad) {
      const error = await searchListings(world.a.deps, {
        sort: 'price_asc',
        limit: 5,
        cursor: cursor || 'e30',
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, cursor).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      expect((error as TRPCError).message).toMatch(/^cursor: /);
    }
    // A real cursor, but from another search: refused too.
    const other = searchListings(world.a.deps, {
      sort: 'price_desc',
      limit: 5,
      cursor: first.nextCursor,
    });
    await expect(other).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^cursor: /),
    });
    const otherFilter = searchListings(world.a.deps, {
      sort: 'price_asc',
      rentType: 'sale',
      limit: 5,
      cursor: first.nextCursor,
    });
    await expect(otherFilter).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('returns whole Listing objects', async () => {
    const page = await searchListings(world.a.deps, { rentType: 'sale', limit: 3, sort: 'newest' });
    const item = page.items[0];
    expect(item).toBeDefined();
    expect(item?.createdAt).toBeInstanceOf(Date);
    expect(item?.updatedAt).toBeInstanceOf(Date);
    expect(item?.pricePeriod).toBeNull();
    const [row] = await world.db.query<Record<string, unknown>>(
      'SELECT title, description, district, bathrooms, area_sqm, currency, images, created_at FROM listings WHERE id = $1',
      [item?.id],
    );
    expect(item).toMatchObject({
      title: row?.title,
      description: row?.description,
      district: row?.district,
      bathrooms: row?.bathrooms,
      areaSqm: row?.area_sqm,
      currency: row?.currency,
      images: row?.images,
      createdAt: row?.created_at,
    });
    expect(
      (item?.features ?? []).every((f) => (FEATURES as readonly string[]).includes(f as Feature)),
    ).toBe(true);
  });
});
