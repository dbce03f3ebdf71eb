import { hasRedis } from '@parley/testing';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInfra, type Infra } from '../src/index';
import {
  connectShared,
  dropPrefix,
  sharedRedisUrl,
  sleep,
  testLogger,
  uniquePrefix,
  waitFor,
} from './helpers';

// Two instances sharing the machine's Redis, as two server processes would.
describe.runIf(hasRedis)('two instances sharing Redis', () => {
  let admin: Redis;
  let prefix: string;
  let a: Infra;
  let b: Infra;

  beforeAll(async () => {
    admin = await connectShared();
  });
  afterAll(() => admin.disconnect());

  beforeEach(async () => {
    prefix = uniquePrefix();
    const options = { redisUrl: sharedRedisUrl, keyPrefix: prefix, logger: testLogger };
    a = createInfra(options);
    b = createInfra(options);
    await waitFor(
      async () => (await a.health()).status === 'ok' && (await b.health()).status === 'ok',
      5_000,
      'both instances on Redis',
    );
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    await dropPrefix(admin, prefix);
  });

  it('reports ok with every component on Redis', async () => {
    const health = await a.health();
    expect(health.status).toBe('ok');
    expect(health.checks.redis.status).toBe('ok');
    for (const component of [health.checks.cache, health.checks.pubsub, health.checks.rateLimit]) {
      expect(component).toEqual({ backend: 'redis', redis: 'ready' });
    }
  });

  it('shares cached values as plain JSON under the key prefix', async () => {
    await a.cache.set('greeting', { text: 'hi', at: new Date(0) }, 60);
    expect(await b.cache.get('greeting')).toEqual({ text: 'hi', at: '1970-01-01T00:00:00.000Z' });
    expect(await admin.get(`${prefix}cache:greeting`)).toBe(
      '{"text":"hi","at":"1970-01-01T00:00:00.000Z"}',
    );
    const ttl = await admin.pttl(`${prefix}cache:greeting`);
    expect(ttl).toBeGreaterThan(55_000);
    await a.cache.delete('greeting');
    expect(await admin.exists(`${prefix}cache:greeting`)).toBe(0);
  });

  it('makes a version bump on one instance visible on the other at once', async () => {
    const v1 = await a.cache.version('listings');
    expect(await b.cache.version('listings')).toBe(v1);
    await a.cache.set(`listings:v${v1}:q`, ['old'], 60);
    // b now holds the old answer in its local LRU too.
    expect(await b.cache.get(`listings:v${v1}:q`)).toEqual(['old']);

    const v2 = await a.cache.bumpVersion('listings');
    expect(v2).toBe(v1 + 1);
    // b reads the version from Redis on every call: no window where it keeps using v1.
    expect(await b.cache.version('listings')).toBe(v2);
    expect(await b.cache.get(`listings:v${v2}:q`)).toBeUndefined();
    expect(await b.cache.version('other')).not.toBe(v2);
  });

  it('reads a version and its values in one go, never staler than the last bump', async () => {
    const v1 = await a.cache.version('listings');
    await a.cache.set(`listings:v${v1}:page`, { n: 1 }, 60);
    expect(await b.cache.getVersioned('listings', ['page', 'count'])).toEqual({
      version: v1,
      values: [{ n: 1 }, undefined],
    });
    // b keeps what it read: with the key gone from Redis it still answers, after Redis has
    // confirmed that v1 is current.
    await admin.del(`${prefix}cache:listings:v${v1}:page`);
    expect((await b.cache.getVersioned('listings', ['page'])).values).toEqual([{ n: 1 }]);

    const v2 = await a.cache.bumpVersion('listings');
    // No window: the very next read on the other instance sees the new version.
    expect(await b.cache.getVersioned('listings', ['page'])).toEqual({
      version: v2,
      values: [undefined],
    });
    await a.cache.set(`listings:v${v2}:page`, { n: 2 }, 60);
    expect((await b.cache.getVersioned('listings', ['page'])).values).toEqual([{ n: 2 }]);
    // Written straight into Redis (as another writer would): the next read switches too.
    await admin.incr(`${prefix}cache-version:listings`);
    expect(await b.cache.getVersioned('listings', ['page'])).toEqual({
      version: v2 + 1,
      values: [undefined],
    });
  });

  it('keeps local copies only briefly while Redis is up', async () => {
    const short = createInfra({
      redisUrl: sharedRedisUrl,
      keyPrefix: prefix,
      logger: testLogger,
      localCacheTtlMs: 100,
    });
    try {
      await waitFor(() => short.cache.state().backend === 'redis', 5_000, 'cache on Redis');
      await short.cache.set('k', 1, 60);
      await a.cache.set('k', 2, 60);
      await sleep(150);
      expect(await short.cache.get('k')).toBe(2);
    } finally {
      await short.close();
    }
  });

  it('delivers bus messages across instances, exactly once per handler', async () => {
    const gotA: unknown[] = [];
    const gotB: unknown[] = [];
    a.bus.subscribe('room:1', (m) => gotA.push(m));
    b.bus.subscribe('room:1', (m) => gotB.push(m));
    await waitFor(
      () => a.bus.state().backend === 'redis' && b.bus.state().backend === 'redis',
      5_000,
      'subscriptions confirmed',
    );
    await a.bus.publish('room:1', { text: 'one' });
    await b.bus.publish('room:1', { text: 'two' });
    await waitFor(() => gotA.length >= 2 && gotB.length >= 2, 5_000, 'messages delivered');
    await sleep(200); // room for a duplicate to show up
    expect(gotA).toEqual([{ text: 'one' }, { text: 'two' }]);
    expect(gotB).toEqual([{ text: 'one' }, { text: 'two' }]);
  });

  it('publishes messages together as one PUBLISH, each handler getting them in order', async () => {
    const gotA: unknown[] = [];
    const gotB: unknown[] = [];
    a.bus.subscribe('room:2', (m) => gotA.push(m));
    b.bus.subscribe('room:2', (m) => gotB.push(m));
    // A raw subscriber counts what Redis carries on the channel.
    const raw = admin.duplicate();
    const carried: string[] = [];
    raw.on('message', (_channel: string, message: string) => carried.push(message));
    await raw.subscribe(`${prefix}bus:room:2`);
    try {
      await waitFor(
        () => a.bus.state().backend === 'redis' && b.bus.state().backend === 'redis',
        5_000,
        'subscriptions confirmed',
      );
      await a.bus.publishAll('room:2', [{ n: 1 }, { n: 2 }, { n: 3 }]);
      await b.bus.publish('room:2', { n: 4 });
      await waitFor(() => gotA.length >= 4 && gotB.length >= 4, 5_000, 'messages delivered');
      await sleep(200); // room for a duplicate to show up
      const expected = [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }];
      expect(gotA).toEqual(expected);
      expect(gotB).toEqual(expected);
      expect(carried).toHaveLength(2);
    } finally {
      raw.disconnect();
    }
  });

  it('delivers messages published together once when publishing right after subscribing', async () => {
    const got: unknown[] = [];
    a.bus.subscribe('fresh-many', (m) => got.push(m));
    await a.bus.publishAll('fresh-many', ['x', 'y']);
    await sleep(200);
    expect(got).toEqual(['x', 'y']);
  });

  it('delivers once when publishing right after subscribing', async () => {
    // Redis has not acknowledged the subscription yet, so the message is delivered in process
    // and its echo from Redis must be dropped.
    const got: unknown[] = [];
    a.bus.subscribe('fresh', (m) => got.push(m));
    await a.bus.publish('fresh', 1);
    await sleep(200);
    expect(got).toEqual([1]);
  });

  it('leaks no listener or Redis subscription over 1,000 subscribe/unsubscribe cycles', async () => {
    const baseline = a.bus.listenerCount();
    const keep = a.bus.subscribe('steady', () => {});
    for (let i = 0; i < 1_000; i++) {
      const off = a.bus.subscribe('churn', () => {});
      const off2 = a.bus.subscribe(i % 2 === 0 ? 'churn' : 'steady', () => {});
      off();
      off2();
      off2(); // a second call must not remove anyone else's handler
    }
    expect(a.bus.listenerCount()).toBe(baseline + 1);
    expect(a.bus.listenerCount('churn')).toBe(0);
    const numsub = async (channel: string) =>
      Number(((await admin.pubsub('NUMSUB', `${prefix}bus:${channel}`)) as [string, number])[1]);
    await waitFor(async () => (await numsub('churn')) === 0, 5_000, 'churn unsubscribed in Redis');
    expect(await numsub('steady')).toBe(1);
    keep();
    expect(a.bus.listenerCount()).toBe(baseline);
    await waitFor(async () => (await numsub('steady')) === 0, 5_000, 'steady unsubscribed');
  });

  it('shares rate limit counters between instances', async () => {
    const options = { name: 'login', points: 3, durationSeconds: 60 };
    const la = a.createRateLimiter(options);
    const lb = b.createRateLimiter(options);
    expect((await la.consume('1.2.3.4')).allowed).toBe(true);
    expect((await lb.consume('1.2.3.4')).allowed).toBe(true);
    expect(await la.consume('1.2.3.4')).toEqual({ allowed: true, remainingPoints: 0 });
    const blocked = await lb.consume('1.2.3.4');
    expect(blocked).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    if (!blocked.allowed) {
      expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
      expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    expect(await admin.exists(`${prefix}rl:login:1.2.3.4`)).toBe(1);
    await la.reward('1.2.3.4', 2);
    expect((await lb.consume('1.2.3.4')).allowed).toBe(true);
  });

  it('blocks for blockDurationSeconds once over the limit', async () => {
    const limiter = a.createRateLimiter({
      name: 'signup',
      points: 1,
      durationSeconds: 1,
      blockDurationSeconds: 120,
    });
    expect((await limiter.consume('k')).allowed).toBe(true);
    const blocked = await limiter.consume('k');
    expect(blocked.allowed).toBe(false);
    if (!blocked.allowed) expect(blocked.retryAfterSeconds).toBeGreaterThan(100);
    await limiter.delete('k');
    expect((await limiter.consume('k')).allowed).toBe(true);
  });
});
