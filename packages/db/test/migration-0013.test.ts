import { createTestDatabase, type TestDatabase } from '@parley/testing';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, migrate } from '../src';
import { webhookOrder } from '../src/migrations/0013_webhook_order';

let db: TestDatabase;
let sequelize: Sequelize;

beforeAll(async () => {
  db = await createTestDatabase('m0013');
  sequelize = createSequelize({ url: db.url, poolMax: 2 });
  await migrate(sequelize);
});
afterAll(async () => {
  await sequelize?.close();
  await db?.drop();
});

const columns = async () =>
  (
    await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_name = 'webhook_deliveries' AND column_name IN ('seq', 'locked_until', 'retry_until')
        ORDER BY 1`,
    )
  ).map((r) => r.column_name);

describe('0013_webhook_order', () => {
  it('numbers deliveries in the order they are recorded, keeping existing ones', async () => {
    const [user] = await db.query<{ id: string }>(
      `INSERT INTO users (id, email, name, password_hash)
       VALUES (gen_random_uuid(), 'm0013@example.com', 'm', 'x') RETURNING id`,
    );
    const [hook] = await db.query<{ id: string }>(
      `INSERT INTO webhooks (id, user_id, url, events, secret)
       VALUES (gen_random_uuid(), $1, 'http://127.0.0.1:1/', '{ping}', 'whsec_x') RETURNING id`,
      [user!.id],
    );
    const insert = () =>
      db.query(
        `INSERT INTO webhook_deliveries (id, webhook_id, event, body)
         VALUES (gen_random_uuid(), $1, 'ping', '{}')`,
        [hook!.id],
      );
    await webhookOrder.down(sequelize);
    expect(await columns()).toEqual([]);
    await insert();
    await webhookOrder.up(sequelize);
    expect(await columns()).toEqual(['locked_until', 'retry_until', 'seq']);
    await insert();
    await insert();
    const seqs = (
      await db.query<{ seq: string }>('SELECT seq FROM webhook_deliveries ORDER BY seq')
    ).map((r) => Number(r.seq));
    expect(seqs).toEqual([1, 2, 3]);
  });
});
