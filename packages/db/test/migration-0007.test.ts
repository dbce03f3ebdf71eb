import { createTestDatabase, type TestDatabase } from '@parley/testing';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, migrate } from '../src';
import { migrations } from '../src/migrations';

/** 0007: listing coordinates (box index) and favourites; down undoes it, up redoes it. */
let db: TestDatabase;
let sequelize: Sequelize;

beforeAll(async () => {
  db = await createTestDatabase('mig0007');
  sequelize = createSequelize({ url: db.url, poolMax: 2 });
  await migrate(sequelize);
});
afterAll(async () => {
  await sequelize?.close();
  await db?.drop();
});

const migration = migrations.find((m) => m.name === '0007_listings_map_favorites')!;
const boxIndex = migrations.find((m) => m.name === '0014_listings_box_index')!;
const indexNames = async () =>
  (
    await db.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename IN ('listings', 'favorites')`,
    )
  ).map((i) => i.indexname);
const columns = async () =>
  (
    await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'listings'`,
    )
  ).map((r) => r.column_name);
const tables = async () =>
  (
    await db.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
    )
  ).map((r) => r.tablename);

const LISTING = `INSERT INTO listings (id, title, description, location, district, rent_type,
  property_type, bedrooms, bathrooms, area_sqm, price, lat, lng)
  VALUES ($1, 'Flat', 'A flat', 'Girne', 'Girne', 'long_term', 'apartment', 1, 1, 50, 500, $2, $3)`;

describe('migration 0007', () => {
  it('adds coordinates that come in pairs and within range, and the favourites table', async () => {
    expect(await columns()).toEqual(expect.arrayContaining(['lat', 'lng']));
    expect(await tables()).toContain('favorites');
    await db.query(LISTING, ['00000000-0000-4000-8000-000000000001', 35.3, 33.3]);
    await db.query(LISTING, ['00000000-0000-4000-8000-000000000002', null, null]);
    await expect(
      db.query(LISTING, ['00000000-0000-4000-8000-000000000003', 35.3, null]),
    ).rejects.toThrow(/listings_lat_lng_together/);
    await expect(
      db.query(LISTING, ['00000000-0000-4000-8000-000000000004', 91, 33]),
    ).rejects.toThrow(/check constraint/);
  });

  it('goes down without a trace and up again', async () => {
    // 0014 replaced 0007's box index: it goes down first and up again last.
    await boxIndex.down(sequelize);
    await migration.down(sequelize);
    expect(await columns()).not.toContain('lat');
    expect(await tables()).not.toContain('favorites');
    await migration.up(sequelize);
    expect(await columns()).toEqual(expect.arrayContaining(['lat', 'lng']));
    expect(await indexNames()).toContain('listings_point_idx');
    await boxIndex.up(sequelize);
    const names = await indexNames();
    expect(names).toEqual(
      expect.arrayContaining([
        'listings_lat_lng_idx',
        'favorites_pkey',
        'favorites_user_newest_idx',
      ]),
    );
    expect(names).not.toContain('listings_point_idx');
  });
});
