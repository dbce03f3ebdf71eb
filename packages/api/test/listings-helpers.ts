import { createSequelize, defineModels, migrate } from '@parley/db';
import { createInfra, type Infra } from '@parley/infra';
import {
  createTestDatabase,
  type TestDatabase,
  testKeyPrefix,
  testRedisUrl,
} from '@parley/testing';
import type { Sequelize } from 'sequelize';
import type { ListingsWriteDeps } from '../src/listings';

/** One "server instance": its own pool and its own infra (Redis links + local cache). */
export interface Instance {
  deps: ListingsWriteDeps;
  sequelize: Sequelize;
  infra: Infra;
  close(): Promise<void>;
}

export async function openInstance(url: string, keyPrefix: string): Promise<Instance> {
  const sequelize = createSequelize({ url, poolMax: 4 });
  const infra = createInfra({ redisUrl: testRedisUrl(), keyPrefix });
  const deps: ListingsWriteDeps = {
    sequelize,
    models: defineModels(sequelize),
    cache: infra.cache,
    clock: () => new Date(),
  };
  // The cache only uses Redis once it has synced with it; wait so tests exercise Redis.
  const deadline = Date.now() + 5_000;
  while (testRedisUrl() && infra.cache.state().backend !== 'redis') {
    if (Date.now() > deadline)
      throw new Error(`Redis is required at ${testRedisUrl()} (set REDIS_URL)`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    deps,
    sequelize,
    infra,
    async close() {
      await sequelize.close();
      await infra.close();
    },
  };
}

export interface ListingsWorld {
  db: TestDatabase;
  keyPrefix: string;
  a: Instance;
  close(): Promise<void>;
}

/** A migrated database of its own and one instance on it. */
export async function openWorld(label: string): Promise<ListingsWorld> {
  const db = await createTestDatabase(label);
  const keyPrefix = testKeyPrefix(label);
  const setup = createSequelize({ url: db.url, poolMax: 3 });
  await migrate(setup);
  await setup.close();
  const a = await openInstance(db.url, keyPrefix);
  return {
    db,
    keyPrefix,
    a,
    async close() {
      await a.close();
      await db.drop();
    },
  };
}
