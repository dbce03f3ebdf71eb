import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSequelize, migrate } from '@parley/db';
import { createInfra, type Infra } from '@parley/infra';
import {
  createTestDatabase,
  hasRedis,
  type TestDatabase,
  testKeyPrefix,
  testRedisUrl,
} from '@parley/testing';
import type { Sequelize } from 'sequelize';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  KNOWN_GOOD_MS,
  REVOCATIONS_CHANNEL,
  RevocationMemory,
  type RevocationNotice,
} from '../src/auth/revocations';

/**
 * The revocation memory on its own, with a clock the test moves. Its answers come from
 * refresh_tokens in a real database; `reads` counts how often it had to ask.
 */

let db: TestDatabase;
let sequelize: Sequelize;
let infra: Infra;
let reads = 0;
let now = 0;

beforeAll(async () => {
  db = await createTestDatabase('revocations');
  sequelize = createSequelize({ url: db.url, poolMax: 2 });
  await migrate(sequelize);
  infra = createInfra({ redisUrl: testRedisUrl(), keyPrefix: testKeyPrefix('revocations') });
});
afterAll(async () => {
  await sequelize?.close();
  await infra?.close();
  await db?.drop();
});
beforeEach(() => {
  reads = 0;
});

async function read(familyId: string): Promise<boolean> {
  reads++;
  const rows = await sequelize.query(
    'SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NOT NULL',
    { bind: [familyId], type: QueryTypes.SELECT },
  );
  return rows.length > 0;
}

/** A user with one refresh-token family. */
async function family() {
  const userId = randomUUID();
  const familyId = randomUUID();
  await db.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'x', 'x')`, [
    userId,
    `${userId}@example.com`,
  ]);
  await db.query(
    `INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at)
     VALUES ($1, $2, $3, $4, now() + interval '1 day')`,
    [randomUUID(), userId, familyId, randomUUID()],
  );
  const revoke = () =>
    db.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1', [familyId]);
  return { userId, familyId, revoke };
}

const memoryOn = (target: Infra) => new RevocationMemory(target.bus, () => now);

describe('remembered answers', () => {
  it('"not revoked" is believed for under KNOWN_GOOD_MS, then asked again', async () => {
    const memory = memoryOn(infra);
    const { userId, familyId } = await family();
    now = 10_000;
    expect(await memory.isRevoked(userId, familyId, read)).toBe(false);
    now += KNOWN_GOOD_MS - 1;
    expect(await memory.isRevoked(userId, familyId, read)).toBe(false);
    expect(reads).toBe(1);
    now += 1;
    expect(await memory.isRevoked(userId, familyId, read)).toBe(false);
    expect(reads).toBe(2);
  });

  it('a revoked family stays revoked without asking again', async () => {
    const memory = memoryOn(infra);
    const { userId, familyId, revoke } = await family();
    await revoke();
    expect(await memory.isRevoked(userId, familyId, read)).toBe(true);
    now += 60_000;
    expect(await memory.isRevoked(userId, familyId, read)).toBe(true);
    expect(reads).toBe(1);
  });

  it('forget drops the user: the next check asks PostgreSQL and sees the revocation', async () => {
    const memory = memoryOn(infra);
    const { userId, familyId, revoke } = await family();
    expect(await memory.isRevoked(userId, familyId, read)).toBe(false);
    await revoke();
    memory.forget(userId);
    expect(await memory.isRevoked(userId, familyId, read)).toBe(true);
    expect(reads).toBe(2);
  });

  it('an answer read before a revocation was announced is not remembered after it', async () => {
    const memory = memoryOn(infra);
    const { userId, familyId } = await family();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = memory.isRevoked(userId, familyId, async (id) => {
      const answer = await read(id);
      await gate;
      return answer;
    });
    await sleep(50);
    memory.forget(userId);
    release();
    expect(await slow).toBe(false);
    // Not remembered: the next check asks again.
    await memory.isRevoked(userId, familyId, read);
    expect(reads).toBe(2);
  });
});

describe('listening', () => {
  it('listens only while it remembers someone', async () => {
    const local = createInfra({ keyPrefix: testKeyPrefix('revocations-quiet') });
    try {
      const memory = memoryOn(local);
      const { userId, familyId } = await family();
      expect(memory.listening).toBe(false);
      await memory.isRevoked(userId, familyId, read);
      expect(memory.listening).toBe(true);
      expect(local.bus.listenerCount(REVOCATIONS_CHANNEL)).toBe(1);
      // Quiet for KNOWN_GOOD_MS: the next sweep lets go of the user and of the listener.
      now += KNOWN_GOOD_MS;
      const deadline = Date.now() + 5_000;
      while (memory.listening && Date.now() < deadline) await sleep(50);
      expect(memory.listening).toBe(false);
      expect(local.bus.listenerCount()).toBe(0);
    } finally {
      await local.close();
    }
  });

  it.runIf(hasRedis)('a notice from another instance makes it forget the user', async () => {
    const keyPrefix = testKeyPrefix('revocations-bus');
    const here = createInfra({ redisUrl: testRedisUrl(), keyPrefix });
    const there = createInfra({ redisUrl: testRedisUrl(), keyPrefix });
    try {
      const memory = memoryOn(here);
      const { userId, familyId, revoke } = await family();
      const other = await family();
      expect(await memory.isRevoked(userId, familyId, read)).toBe(false);
      expect(await memory.isRevoked(other.userId, other.familyId, read)).toBe(false);
      // Handlers run in the order they subscribed: once this one has the notice, so has the memory.
      const delivered = new Promise<void>((resolve) => {
        here.bus.subscribe(REVOCATIONS_CHANNEL, () => resolve());
      });
      while (here.bus.state().backend !== 'redis') await sleep(20);
      await revoke();
      const notice: RevocationNotice = { userId };
      await there.bus.publish(REVOCATIONS_CHANNEL, notice);
      await delivered;
      reads = 0;
      expect(await memory.isRevoked(userId, familyId, read)).toBe(true);
      // Another user's remembered answer is untouched.
      expect(await memory.isRevoked(other.userId, other.familyId, read)).toBe(false);
      expect(reads).toBe(1);
    } finally {
      await here.close();
      await there.close();
    }
  });
});
