import { createTestDatabase, type TestDatabase } from '@parley/testing';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, migrate } from '../src';
import { integrations } from '../src/migrations/0011_integrations';

let db: TestDatabase;
let sequelize: Sequelize;

beforeAll(async () => {
  db = await createTestDatabase('m0011');
  sequelize = createSequelize({ url: db.url, poolMax: 2 });
  await migrate(sequelize);
});
afterAll(async () => {
  await sequelize?.close();
  await db?.drop();
});

const tables = async () =>
  (
    await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'webhook%' ORDER BY 1",
    )
  ).map((r) => r.table_name);
const originColumn = async () =>
  db.query(
    "SELECT 1 FROM information_schema.columns WHERE table_name = 'sessions' AND column_name = 'allowed_origins'",
  );

describe('0011_integrations', () => {
  it('adds the sessions origin list and the webhook tables, and takes them away again', async () => {
    expect(await tables()).toEqual(['webhook_deliveries', 'webhooks']);
    expect(await originColumn()).toHaveLength(1);

    await integrations.down(sequelize);
    expect(await tables()).toEqual([]);
    expect(await originColumn()).toHaveLength(0);

    await integrations.up(sequelize);
    expect(await tables()).toEqual(['webhook_deliveries', 'webhooks']);
    expect(await originColumn()).toHaveLength(1);
  });

  it('refuses a delivery status outside pending, succeeded, failed', async () => {
    const [user] = await db.query<{ id: string }>(
      `INSERT INTO users (id, email, name, password_hash)
       VALUES (gen_random_uuid(), 'm0011@example.com', 'm', 'x') RETURNING id`,
    );
    const [hook] = await db.query<{ id: string }>(
      `INSERT INTO webhooks (id, user_id, url, events, secret)
       VALUES (gen_random_uuid(), $1, 'http://127.0.0.1:1/', '{ping}', 'whsec_x') RETURNING id`,
      [user!.id],
    );
    await expect(
      db.query(
        `INSERT INTO webhook_deliveries (id, webhook_id, event, body, status)
         VALUES (gen_random_uuid(), $1, 'ping', '{}', 'lost')`,
        [hook!.id],
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
