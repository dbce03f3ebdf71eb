import { createTestDatabase, type TestDatabase } from '@parley/testing';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, migrate } from '../src';
import { listingsFeatureStatistics } from '../src/migrations/0020_listings_feature_statistics';
import { seedListings } from '../src/seed';

let db: TestDatabase;
let sequelize: Sequelize;

beforeAll(async () => {
  db = await createTestDatabase('m0020');
  sequelize = createSequelize({ url: db.url, poolMax: 2 });
  await migrate(sequelize);
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
