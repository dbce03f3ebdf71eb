import { createTestDatabase, type TestDatabase } from '@parley/testing';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, migrate } from '../src';
import { listingsFeatureStatistics } from '../src/migrations/0020_listings_feature_statistics';
import { listingsTownNewest } from '../src/migrations/0021_listings_town_newest';
import { seedListings } from '../src/seed';

let db: TestDatabase;
let sequelize: Sequelize;

beforeAll(async () => {
  db = await createTestDatabase('plans');
  sequelize = createSequelize({ url: db.url, poolMax: 2 });
  await migrate(sequelize);
  // Enough generated listings for the planner's choices to follow its statistics.
  await seedListings(sequelize, { count: 3_000, batchSize: 1_000 });
});
afterAll(async () => {
  await sequelize?.close();
  await db?.drop();
});

/** The planner's estimate of the rows a WHERE keeps, and how many it really keeps. */
async function estimate(where: string): Promise<{ estimated: number; actual: number }> {
  const [plan] = await db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    `EXPLAIN (FORMAT JSON) SELECT id FROM listings WHERE ${where}`,
  );
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM listings WHERE ${where}`,
  );
  return { estimated: plan!['QUERY PLAN'][0].Plan['Plan Rows'], actual: count!.n };
}

describe('0020_listings_feature_statistics', () => {
  it('gives the planner the share of each feature (within a quarter), which it guessed at 0.5% before; down removes it', async () => {
    const pool = '(feature_mask & 4) = 4'; // bit 2: pool
    const poolAndView = '(feature_mask & 4) = 4 AND (feature_mask & 2) = 2';
    const withStatistics = await estimate(pool);
    expect(withStatistics.actual).toBeGreaterThan(100);
    expect(withStatistics.estimated / withStatistics.actual).toBeGreaterThan(0.75);
    expect(withStatistics.estimated / withStatistics.actual).toBeLessThan(1.33);
    // Two features, estimated bit by bit (as independent): the right order of magnitude.
    const both = await estimate(poolAndView);
    expect(both.actual).toBeGreaterThan(10);
    expect(both.estimated / both.actual).toBeGreaterThan(0.33);
    expect(both.estimated / both.actual).toBeLessThan(3);

    await listingsFeatureStatistics.down(sequelize);
    await db.query('ANALYZE listings');
    const names = await db.query(
      "SELECT stxname FROM pg_statistic_ext WHERE stxname LIKE 'listings_feature_bit_%'",
    );
    expect(names).toEqual([]);
    const guessed = await estimate(pool);
    expect(guessed.estimated / guessed.actual).toBeLessThan(0.1);

    await listingsFeatureStatistics.up(sequelize);
    const again = await estimate(pool);
    expect(again.estimated / again.actual).toBeGreaterThan(0.75);
    expect(
      await db.query(
        "SELECT count(*)::int AS n FROM pg_statistic_ext WHERE stxname LIKE 'listings_feature_bit_%'",
      ),
    ).toEqual([{ n: 10 }]);
  });
});

type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };

/** Every index the plan of `sql` reads, and whether it reads the table itself. */
async function plan(sql: string): Promise<{ indexes: string[]; heap: boolean }> {
  const [row] = await db.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    `EXPLAIN (FORMAT JSON) ${sql}`,
  );
  const indexes: string[] = [];
  let heap = false;
  const walk = (node: PlanNode) => {
    if (node['Index Name']) indexes.push(node['Index Name']);
    if (node['Node Type'] === 'Seq Scan' || node['Node Type'] === 'Bitmap Heap Scan') heap = true;
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(row!['QUERY PLAN'][0].Plan);
  return { indexes, heap };
}

describe('0021_listings_town_newest', () => {
  it("walks one town's listings newest first inside an index, for a search that keeps few of them; down removes the index", async () => {
    const [{ location } = { location: '' }] = await db.query<{ location: string }>(
      'SELECT location FROM listings GROUP BY location ORDER BY count(*) DESC LIMIT 1',
    );
    // Few matches in the town: walking every listing newest first would read most of them.
    const search = `SELECT id FROM listings WHERE location = '${location}' AND bedrooms >= 4 AND (feature_mask & 4) = 4 AND (feature_mask & 1) = 1
      ORDER BY created_at DESC, id DESC LIMIT 6`;
    const withIndex = await plan(search);
    expect(withIndex.indexes).toEqual(['listings_location_newest_idx']);
    expect(withIndex.heap).toBe(false);

    await listingsTownNewest.down(sequelize);
    expect((await plan(search)).indexes).not.toContain('listings_location_newest_idx');
    await listingsTownNewest.up(sequelize);
    expect((await plan(search)).indexes).toEqual(['listings_location_newest_idx']);
  });
});
