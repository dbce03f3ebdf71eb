import { createTestDatabase, type TestDatabase } from '@parley/testing';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, migrate } from '../src';
import { migrations } from '../src/migrations';

/** 0008: the `guest` role with an expiry that only guests have; down removes guests first. */
let db: TestDatabase;
let sequelize: Sequelize;

beforeAll(async () => {
  db = await createTestDatabase('mig0008');
  sequelize = createSequelize({ url: db.url, poolMax: 2 });
  await migrate(sequelize);
});
afterAll(async () => {
  await sequelize?.close();
  await db?.drop();
});

const migration = migrations.find((m) => m.name === '0008_guests')!;
const USER = `INSERT INTO users (id, email, name, password_hash, role, expires_at)
  VALUES (gen_random_uuid(), gen_random_uuid() || '@example.com', 'n', '!', $1, $2)`;

describe('migration 0008', () => {
  it('allows guests, which must expire, and only guests expire', async () => {
    await db.query(USER, ['guest', new Date(Date.now() + 3_600_000)]);
    await db.query(USER, ['user', null]);
    await expect(db.query(USER, ['guest', null])).rejects.toThrow(/users_guest_expires/);
    await expect(db.query(USER, ['user', new Date()])).rejects.toThrow(/users_guest_expires/);
    await expect(db.query(USER, ['owner', null])).rejects.toThrow(/users_role_check/);
  });

  it('goes down (dropping guests) and up again', async () => {
    await migration.down(sequelize);
    const roles = await db.query<{ role: string }>('SELECT DISTINCT role FROM users');
    expect(roles.map((r) => r.role)).toEqual(['user']);
    await expect(
      db.query(USER.replace(', expires_at', '').replace(', $2', ''), ['guest']),
    ).rejects.toThrow(/users_role_check/);
    await migration.up(sequelize);
    await db.query(USER, ['guest', new Date(Date.now() + 3_600_000)]);
  });
});
