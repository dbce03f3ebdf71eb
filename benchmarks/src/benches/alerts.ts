import { MATCHING_SEARCHES, MATCHING_SEARCHES_NAIVE, matchColumns } from '@parley/api';
import { createRandom } from '@parley/db';
import {
  DISTRICTS,
  FEATURES,
  type Feature,
  PROPERTY_TYPES,
  type PropertyType,
  type RentType,
  type SearchFacts,
  TOWNS,
} from '@parley/validators';
import pg from 'pg';
import type { RunContext } from '../lib/context';
import { type BenchResult, result } from '../lib/report';
import { now, percentile, round } from '../lib/stats';
import { alertsImport } from './alerts-import';

const SEARCHES = 100_000;
const PEOPLE = 20_000;

/** Budgets people give, by rent type (monthly, nightly, purchase). */
const BUDGETS: Record<RentType, [number, number]> = {
  long_term: [350, 2_000],
  short_term: [40, 250],
  sale: [50_000, 600_000],
};
const WORDS = ['sea', 'view', 'garden', 'modern', 'quiet', 'harbour'];

/**
 * One person's saved search, drawn like people save them: a town (sometimes a district),
 * how they want it, usually the kind of home, bedrooms and a budget near what such homes
 * cost; now and then a must-have feature or a word.
 */
function searchFacts(random: ReturnType<typeof createRandom>): SearchFacts {
  const facts: SearchFacts = {};
  const place = random.next();
  if (place < 0.9) facts.location = random.pick(TOWNS).name;
  else if (place < 0.98) facts.location = random.pick(DISTRICTS);
  const rent = random.weighted<RentType>({ long_term: 60, short_term: 15, sale: 25 });
  if (random.chance(0.98)) facts.rentType = rent;
  if (random.chance(0.9)) facts.propertyType = random.pick<PropertyType>(PROPERTY_TYPES);
  if (random.chance(0.85)) {
    facts.minBedrooms = random.int(1, 4);
    if (random.chance(0.7)) facts.maxBedrooms = facts.minBedrooms;
  }
  if (random.chance(0.95)) {
    const [low, high] = BUDGETS[rent];
    facts.maxPrice = Math.round(random.between(low, high));
    if (random.chance(0.6)) facts.minPrice = Math.round(facts.maxPrice * 0.7);
  }
  if (random.chance(0.4)) facts.features = [random.pick<Feature>(FEATURES)];
  if (random.chance(0.03)) facts.q = random.pick(WORDS);
  if (random.chance(0.03) && facts.location === undefined)
    facts.excludeLocations = [random.pick(DISTRICTS)];
  if (Object.keys(facts).length === 0) facts.rentType = 'long_term';
  return facts;
}

/** 20,000 people with 100,000 saved searches between them, written in batches. */
async function seedSearches(client: pg.Client, log: (line: string) => void): Promise<void> {
  await client.query(
    `INSERT INTO users (id, email, name, password_hash)
     SELECT gen_random_uuid(), 'bench-' || n || '@example.com', 'Bench ' || n, '!'
       FROM generate_series(1, $1::int) AS n`,
    [PEOPLE],
  );
  const { rows: people } = await client.query<{ id: string }>(
    `SELECT id FROM users WHERE email LIKE 'bench-%' ORDER BY id`,
  );
  const random = createRandom('saved-searches');
  const batch = 5_000;
  for (let done = 0; done < SEARCHES; done += batch) {
    const rows = Array.from({ length: Math.min(batch, SEARCHES - done) }, (_, i) => {
      const query = searchFacts(random);
      return { user: people[(done + i) % people.length]!.id, query, columns: matchColumns(query) };
    });
    await client.query(
      `INSERT INTO saved_searches (id, user_id, name, query, match_keys, excluded_towns, bedrooms,
         price, feature_mask, q)
       SELECT gen_random_uuid(), r.user_id, 'Search', r.query, r.keys::text[],
              CASE WHEN r.excluded = '' THEN NULL ELSE string_to_array(r.excluded, '|') END,
              r.bedrooms::int4range, r.price::numrange, r.mask,
              CASE WHEN r.q = '' THEN NULL ELSE websearch_to_tsquery('english'::regconfig, r.q) END
         FROM unnest($1::uuid[], $2::jsonb[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::int[], $8::text[])
              AS r (user_id, query, keys, excluded, bedrooms, price, mask, q)`,
      [
        rows.map((r) => r.user),
        rows.map((r) => JSON.stringify(r.query)),
        rows.map((r) => `{${r.columns.matchKeys.map((k) => JSON.stringify(k)).join(',')}}`),
        rows.map((r) => r.columns.excludedTowns?.join('|') ?? ''),
        rows.map((r) => r.columns.bedrooms),
        rows.map((r) => r.columns.price),
        rows.map((r) => r.columns.featureMask),
        rows.map((r) => r.columns.q ?? ''),
      ],
    );
    if ((done + batch) % 25_000 === 0) log(`  ${done + batch}/${SEARCHES} saved searches`);
  }
  await client.query('VACUUM ANALYZE saved_searches');
}

async function timed(client: pg.Client, sql: string, listingId: string) {
  const started = now();
  const { rows } = await client.query<{ id: string }>(sql, [listingId]);
  return { ms: now() - started, ids: rows.map((r) => r.id).sort() };
}

/**
 * Alert matching at scale: one new listing against 100,000 saved searches (the GIN lookup
 * on the searches' typed keys, then ranges, vs reading every active search), and an
 * import of 10,000 listings with a Parley instance doing the matching jobs, timed until
 * every alert exists (alerts-import.ts).
 */
export async function alerts(ctx: RunContext): Promise<BenchResult[]> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    ctx.log(`  seeding ${PEOPLE} people with ${SEARCHES} saved searches`);
    await seedSearches(client, ctx.log);
    const sample = ctx.pick(60, 300);
    const { rows: listings } = await client.query<{ id: string }>(
      'SELECT id FROM listings ORDER BY md5(id::text) LIMIT $1',
      [sample],
    );
    const indexedSql = `SELECT s.id FROM listings l CROSS JOIN LATERAL (${MATCHING_SEARCHES}) s WHERE l.id = $1`;
    const naiveSql = `SELECT s.id FROM listings l CROSS JOIN LATERAL (${MATCHING_SEARCHES_NAIVE}) s WHERE l.id = $1`;
    // Warm both (plans, caches), then interleave so drift in the machine's load hits both.
    for (const l of listings.slice(0, 5)) {
      await timed(client, indexedSql, l.id);
      await timed(client, naiveSql, l.id);
    }
    const indexed: number[] = [];
    const naive: number[] = [];
    const matches: number[] = [];
    const naiveEvery = ctx.pick(3, 5);
    for (const [i, l] of listings.entries()) {
      const fast = await timed(client, indexedSql, l.id);
      indexed.push(fast.ms);
      matches.push(fast.ids.length);
      if (i % naiveEvery === 0) {
        const slow = await timed(client, naiveSql, l.id);
        naive.push(slow.ms);
        if (slow.ids.join() !== fast.ids.join())
          throw new Error(`listing ${l.id}: the indexed and naive matches differ`);
      }
    }
    const p95 = percentile(indexed, 95);
    const naiveP95 = percentile(naive, 95);
    const meanMatches = matches.reduce((a, b) => a + b, 0) / matches.length;
    ctx.log(
      `  one listing: p50 ${round(percentile(indexed, 50))} ms, p95 ${round(p95)} ms; naive p50 ${round(percentile(naive, 50))} ms, p95 ${round(naiveP95)} ms; ${round(meanMatches, 1)} matches on average`,
    );

    const naiveP50 = percentile(naive, 50);
    const imported = await alertsImport(ctx, client, SEARCHES, naiveP50);
    return [
      result({
        name: 'alerts.match',
        value: p95,
        unit: 'ms p95',
        baseline: naiveP95,
        target: '<= 50 ms',
        pass: p95 <= 50,
        detail: `matching saved searches of one listing against ${SEARCHES.toLocaleString('en-GB')} (GIN lookup on typed keys, then ranges), ${indexed.length} listings, ${round(meanMatches, 1)} matches on average; baseline: the same conditions reading every active search (${naive.length} listings, identical results checked); p50 ${round(percentile(indexed, 50))} vs ${round(percentile(naive, 50))} ms`,
      }),
      imported,
    ];
  } finally {
    await client.end();
  }
}
