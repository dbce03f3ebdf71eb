import { afterEach, describe, expect, it } from 'vitest';
import { createInfra, type Infra } from '../src/index';
import { sleep, stopwatch, testLogger } from './helpers';

// REDIS_URL unset: the whole package must work in process, with nothing to wait for.
describe('without Redis', () => {
  let infra: Infra;
  afterEach(async () => {
    await infra.close();
  });

  it('caches JSON values with a TTL and versioned namespaces', async () => {
    infra = createInfra({ keyPrefix: 'mem:', logger: testLogger });
    const { cache } = infra;
    const when = new Date('2024-05-01T10:00:00Z');
    await cache.set('a', { n: 1, when }, 0.2);
    // Plain JSON: a Date comes back as its ISO string, never as a revived class.
    expect(await cache.get('a')).toEqual({ n: 1, when: when.toISOString() });
    await sleep(250);
    expect(await cache.get('a')).toBeUndefined();

    const v1 = await cache.version('listings');
    await cache.set(`listings:v${v1}:q`, ['x'], 60);
    expect(await cache.bumpVersion('listings')).toBe(v1 + 1);
    const v2 = await cache.version('listings');
    expect(v2).toBe(v1 + 1);
    expect(await cache.get(`listings:v${v2}:q`)).toBeUndefined();

    await cache.set(`listings:v${v2}:page`, { n: 2 }, 60);
    expect(await cache.getVersioned('listings', ['page', 'count'])).toEqual({
      version: v2,
      values: [{ n: 2 }, undefined],
    });

    await cache.set('gone', 1, 60);
    await cache.delete('gone');
    expect(await cache.get('gone')).toBeUndefined();
    expect(await cache.getOrSet('lazy', 60, async () => 'loaded')).toBe('loaded');
    expect(await cache.getOrSet('lazy', 60, async () => 'again')).toBe('loaded');
    await expect(cache.set('bad', undefined, 60)).rejects.toThrow(TypeError);
  });

  it('keeps a value for 30 days without a timer Node cannot hold', async () => {
    infra = createInfra({ keyPrefix: 'mem:', logger: testLogger });
    // Node's timers hold at most ~24.8 days; a longer one fires at once with a warning
    // on stderr, one for every such value stored while Redis is away.
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      await infra.cache.set('long', true, 30 * 86_400);
      await sleep(50);
      expect(await infra.cache.get('long')).toBe(true);
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('bounds the process-local cache by bytes, dropping the least recently used', async () => {
    infra = createInfra({ keyPrefix: 'mem:', logger: testLogger, localCacheMaxBytes: 20_000 });
    const page = 'x'.repeat(1_000);
    for (let i = 0; i < 100; i++) await infra.cache.set(`page:${i}`, page, 60);
    expect(await infra.cache.get('page:0')).toBeUndefined();
    expect(await infra.cache.get('page:99')).toBe(page);
    let kept = 0;
    for (let i = 0; i < 100; i++) if ((await infra.cache.get(`page:${i}`)) !== undefined) kept++;
    expect(kept).toBeLessThanOrEqual(20);
    expect(kept).toBeGreaterThan(0);
  });

  it('delivers bus messages in process, once per handler, and unsubscribes', async () => {
    infra = createInfra({ logger: testLogger });
    const { bus } = infra;
    const got: unknown[] = [];
    const off = bus.subscribe<{ n: number }>('room', (m) => got.push(m.n));
    const off2 = bus.subscribe('room', (m) => got.push(m));
    await bus.publish('room', { n: 1 });
    expect(got).toEqual([1, { n: 1 }]);
    off();
    off();
    off2();
    await bus.publish('room', { n: 2 });
    expect(got).toHaveLength(2);
    expect(bus.listenerCount()).toBe(0);
  });

  it('delivers messages published together in process, in order, and nothing for none', async () => {
    infra = createInfra({ logger: testLogger });
    const { bus } = infra;
    const got: unknown[] = [];
    bus.subscribe<number>('room', (n) => got.push(n));
    await bus.publishAll('room', [1, 2, 3]);
    await bus.publishAll('room', []);
    await bus.publishAll('room', [4]);
    expect(got).toEqual([1, 2, 3, 4]);
  });

  it('keeps a throwing handler from starving the others', async () => {
    infra = createInfra({ logger: testLogger });
    const got: unknown[] = [];
    infra.bus.subscribe('c', () => {
      throw new Error('boom');
    });
    infra.bus.subscribe('c', (m) => got.push(m));
    await infra.bus.publish('c', 'hi');
    expect(got).toEqual(['hi']);
  });

  it('rate limits in memory', async () => {
    infra = createInfra({ logger: testLogger });
    const limiter = infra.createRateLimiter({ name: 'login', points: 2, durationSeconds: 30 });
    expect(await limiter.consume('ip')).toEqual({ allowed: true, remainingPoints: 1 });
    expect(await limiter.consume('ip')).toEqual({ allowed: true, remainingPoints: 0 });
    const blocked = await limiter.consume('ip');
    expect(blocked.allowed).toBe(false);
    if (!blocked.allowed) expect(blocked.retryAfterSeconds).toBeGreaterThanOrEqual(29);
    expect((await limiter.consume('other')).allowed).toBe(true);
    await limiter.delete('ip');
    expect((await limiter.consume('ip')).allowed).toBe(true);
    expect(limiter.state()).toEqual({ backend: 'memory', redis: 'disabled' });
  });

  it('reports disabled Redis as ok, and every call is immediate', async () => {
    infra = createInfra({ logger: testLogger });
    const watch = stopwatch();
    await watch.time(() => infra.cache.set('k', 1, 10));
    await watch.time(() => infra.cache.get('k'));
    await watch.time(() => infra.bus.publish('x', 1));
    expect(watch.slowest).toBeLessThan(250);
    expect(await infra.checkRedis()).toEqual({ status: 'disabled' });
    expect(await infra.health()).toEqual({
      status: 'ok',
      checks: {
        redis: { status: 'disabled' },
        cache: { backend: 'memory', redis: 'disabled' },
        pubsub: { backend: 'memory', redis: 'disabled' },
        rateLimit: { backend: 'memory', redis: 'disabled' },
      },
    });
  });
});
