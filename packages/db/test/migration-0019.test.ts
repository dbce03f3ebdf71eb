import { createTestDatabase, type TestDatabase } from '@parley/testing';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, migrate } from '../src';
import { webhookSecretsSealed } from '../src/migrations/0019_webhook_secrets_sealed';

let db: TestDatabase;
let sequelize: Sequelize;

beforeAll(async () => {
  db = await createTestDatabase('m0019');
  sequelize = createSequelize({ url: db.url, poolMax: 2 });
  await migrate(sequelize);
});
afterAll(async () => {
  await sequelize?.close();
  await db?.drop();
});

describe('0019_webhook_secrets_sealed', () => {
  it('adds the sealed column and keeps plaintext rows for the server to seal; down refuses sealed-only rows', async () => {
    const [user] = await db.query<{ id: string }>(
      `INSERT INTO users (id, email, name, password_hash)
       VALUES (gen_random_uuid(), 'm0019@example.com', 'm', 'x') RETURNING id`,
    );
    await webhookSecretsSealed.down(sequelize);
    // A row as it was stored before: the secret in plaintext.
    await db.query(
      `INSERT INTO webhooks (id, user_id, url, events, secret)
       VALUES (gen_random_uuid(), $1, 'http://127.0.0.1:1/', '{ping}', 'whsec_before')`,
      [user!.id],
    );
    await webhookSecretsSealed.up(sequelize);
    expect(await db.query('SELECT secret, secret_sealed FROM webhooks')).toEqual([
      { secret: 'whsec_before', secret_sealed: null },
    ]);
    // Sealed (as the server does at start-up): down cannot put the plaintext back.
    await db.query("UPDATE webhooks SET secret = NULL, secret_sealed = 'v1.x.y.z.t'");
    await expect(webhookSecretsSealed.down(sequelize)).rejects.toThrow(/null/i);
    expect(await db.query('SELECT secret_sealed FROM webhooks')).toEqual([
      { secret_sealed: 'v1.x.y.z.t' },
    ]);
  });
});
