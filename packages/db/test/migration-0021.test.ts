import { createTestDatabase, type TestDatabase } from '@parley/testing';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, migrate } from '../src';
import { listingsTownNewest } from '../src/migrations/0021_listings_town_newest';
import { seedListings } from '../src/seed';

let db: TestDatabase;
let sequelize: Sequelize;

beforeAll(async () => {
  db = await createTestDatabase('m0021');
  sequelize = createSequelize({ url: db.url, poolMax: 2 });
  await migrate(sequelize);
  await seedListings(sequelize, { count: 3_000, batchSize: 1_000 });
});
afterAll(async () => {
  await sequelize?.close();
  await db?.drop();
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
