import { createTestDatabase, type TestDatabase } from '@parley/testing';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, migrate } from '../src';
import { migrations } from '../src/migrations';

/**
 * 0012: saved searches with their typed match columns, alerts unique per (search,
 * listing, reason), and the trigger that enqueues matching jobs for every listing write.
 */
let db: TestDatabase;
let sequelize: Sequelize;

beforeAll(async () => {
  db = await createTestDatabase('mig0012');
  sequelize = createSequelize({ url: db.url, poolMax: 2 });
  await migrate(sequelize);
});
afterAll(async () => {
  await sequelize?.close();
  await db?.drop();
});

const migration = migrations.find((m) => m.name === '0012_saved_searches_alerts')!;

async function user(): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO users (id, email, name, password_hash)
     VALUES (gen_random_uuid(), gen_random_uuid() || '@example.com', 'n', '!') RETURNING id`,
  );
  return row!.id;
}

const LISTING = `INSERT INTO listings (id, title, description, location, district, rent_type,
  property_type, bedrooms, bathrooms, area_sqm, price)
  VALUES (gen_random_uuid(), 'Flat', 'A flat', 'Girne', 'Girne', 'long_term', 'apartment', 2, 1, 70, $1)
  RETURNING id`;

describe('migration 0012', () => {
  it('stores an alert once per search, listing and reason, numbered per person', async () => {
    const owner = await user();
    const [search] = await db.query<{ id: string }>(
      `INSERT INTO saved_searches (id, user_id, name, query, match_keys)
       VALUES (gen_random_uuid(), $1, 'Girne', '{"location":"Girne"}', '{*|*|Girne}') RETURNING id`,
      [owner],
    );
    // Without the job engine's schema the trigger has nowhere to enqueue: writes still work.
    const [listing] = await db.query<{ id: string }>(LISTING, [900]);
    await db.query('UPDATE listings SET price = 800 WHERE id = $1', [listing!.id]);
    const insert = `INSERT INTO alerts (id, user_id, saved_search_id, listing_id, reason, seq)
                    VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)`;
    await db.query(insert, [owner, search!.id, listing!.id, 'new', 1]);
    await db.query(insert, [owner, search!.id, listing!.id, 'price_drop', 2]);
    await expect(db.query(insert, [owner, search!.id, listing!.id, 'new', 3])).rejects.toThrow(
      /alerts_once_key/,
    );
    await expect(db.query(insert, [owner, search!.id, listing!.id, 'moved', 3])).rejects.toThrow(
      /alerts_reason_check/,
    );
    // Deleting the listing takes its alerts along.
    await db.query('DELETE FROM listings WHERE id = $1', [listing!.id]);
    expect(await db.query('SELECT 1 FROM alerts WHERE user_id = $1', [owner])).toEqual([]);
  });

  it('enqueues a job per listing write once a job engine schema exists', async () => {
    // A stand-in for graphile-worker's add_job with its signature, recording its calls.
    await db.query('CREATE SCHEMA graphile_worker');
    await db.query('CREATE TABLE graphile_worker.calls (identifier text, payload json)');
    await db.query(`CREATE FUNCTION graphile_worker.add_job(identifier text, payload json)
      RETURNS void LANGUAGE sql AS 'INSERT INTO graphile_worker.calls VALUES (identifier, payload)'`);
    const [listing] = await db.query<{ id: string }>(LISTING, [700]);
    await db.query('UPDATE listings SET price = 750 WHERE id = $1', [listing!.id]);
    await db.query('UPDATE listings SET price = 650 WHERE id = $1', [listing!.id]);
    await db.query(`UPDATE saved_searches SET paused = true`);
    await db.query(LISTING, [600]);
    const calls = await db.query<{
      identifier: string;
      payload: { reason: string; listings: unknown[] };
    }>('SELECT * FROM graphile_worker.calls');
    expect(calls.map((c) => [c.identifier, c.payload.reason, c.payload.listings])).toEqual([
      ['alerts.match', 'new', [{ id: listing!.id }]],
      ['alerts.match', 'price_drop', [{ id: listing!.id, previousPrice: '750.00' }]],
    ]);
    await db.query('DROP SCHEMA graphile_worker CASCADE');
  });

  it('goes down and up again', async () => {
    await migration.down(sequelize);
    await expect(db.query('SELECT 1 FROM saved_searches')).rejects.toThrow(/does not exist/);
    await migration.up(sequelize);
    expect(await db.query('SELECT 1 FROM alerts')).toEqual([]);
  });
});
