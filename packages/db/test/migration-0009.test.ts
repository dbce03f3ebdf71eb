import { createTestDatabase, type TestDatabase } from '@parley/testing';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, migrate } from '../src';
import { runHeartbeats } from '../src/migrations/0009_run_heartbeats';

/** 0009: runs.heartbeat_at, stamped by the instance executing a run. */
let db: TestDatabase;
let sequelize: Sequelize;

beforeAll(async () => {
  db = await createTestDatabase('m0009');
  sequelize = createSequelize({ url: db.url, poolMax: 2 });
  await migrate(sequelize);
});
afterAll(async () => {
  await sequelize?.close();
  await db?.drop();
});

const column = () =>
  db.query(
    "SELECT data_type FROM information_schema.columns WHERE table_name = 'runs' AND column_name = 'heartbeat_at'",
  );

describe('migration 0009', () => {
  it('adds runs.heartbeat_at, goes down and up again', async () => {
    expect(await column()).toEqual([{ data_type: 'timestamp with time zone' }]);
    await runHeartbeats.down(sequelize);
    expect(await column()).toEqual([]);
    await runHeartbeats.up(sequelize);
    expect(await column()).toEqual([{ data_type: 'timestamp with time zone' }]);
  });
});
