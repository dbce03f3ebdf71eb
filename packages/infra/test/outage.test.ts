import { hasRedisServer } from '@parley/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createInfra, type Infra, type InfraOptions } from '../src/index';
import {
  freePort,
  RedisServer,
  sleep,
  stopwatch,
  testLogger,
  uniquePrefix,
  waitFor,
} from './helpers';

// Fault tests run against a private redis-server that they kill, pause and restart.
describe.runIf(hasRedisServer)('when Redis fails', () => {
  const opened: Infra[] = [];
  const servers: RedisServer[] = [];
  const open = (options: InfraOptions) => {
    const infra = createInfra({ logger: testLogger, ...options });
    opened.push(infra);
    return infra;
  };
  const onRedis = async (...instances: Infra[]) => {
    for (const infra of instances) {
      const { status, checks } = await infra.health();
      if (status !== 'ok' || checks.pubsub.backend !== 'redis') return false;
    }
    return true;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((infra) => infra.close()));
    await Promise.all(servers.splice(0).map((server) => server.kill()));
  });

  it('keeps working when Redis dies mid-flight and uses it again once it is back', async () => {
    const server = await RedisServer.start();
    servers.push(server);
    const keyPrefix = uniquePrefix();
    const a = open({ redisUrl: server.url, keyPrefix });
    const b = open({ redisUrl: server.url, keyPrefix });
    const gotA: unknown[] = [];
    const gotB: unknown[] = [];
    a.bus.subscribe('news', (m) => gotA.push(m));
    b.bus.subscribe('news', (m) => gotB.push(m));
    await waitFor(() => onRedis(a, b), 5_000, 'both on Redis');
    const limiter = a.createRateLimiter({ name: 'login', points: 3, durationSeconds: 60 });
    await a.cache.set('before', 'x', 60);

    await server.kill();
    // Straight after the crash, before anyone noticed: every call succeeds, none waits long.
    const watch = stopwatch();
    await watch.time(() => a.cache.set('during', { n: 1 }, 60));
    expect(await watch.time(() => a.cache.get('during'))).toEqual({ n: 1 });
    const version = await watch.time(() => a.cache.version('listings'));
    expect(await watch.time(() => a.cache.bumpVersion('listings'))).toBe(version + 1);
    expect(await watch.time(() => a.cache.version('listings'))).toBe(version + 1);
    await watch.time(() => a.bus.publish('news', 'local'));
    expect(gotA).toEqual(['local']); // in process, once
    for (let i = 0; i < 3; i++) {
      expect((await watch.time(() => limiter.consume('ip'))).allowed).toBe(true);
    }
    // The insurance limiter keeps the limit while Redis is away.
    const blocked = await watch.time(() => limiter.consume('ip'));
    expect(blocked.allowed).toBe(false);
    if (!blocked.allowed) expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(watch.slowest).toBeLessThan(2_000);

    // ioredis notices the dead socket on its next I/O turn; the report follows right after.
    const allInMemory = async () => {
      const { status, checks } = await a.health();
      const components = [checks.cache, checks.pubsub, checks.rateLimit];
      return status === 'degraded' && components.every((c) => c.backend === 'memory');
    };
    await waitFor(allInMemory, 2_000, 'degraded, in memory');
    const health = await watch.time(() => a.health());
    expect(health.checks.redis.status).toBe('down');
    expect(health.checks.cache.backend).toBe('memory');
    expect(health.checks.pubsub).toEqual({ backend: 'memory', redis: 'down' });
    expect(health.checks.rateLimit.backend).toBe('memory');
    expect(watch.slowest).toBeLessThan(2_000);

    await server.start(); // same port, empty data
    const tookMs = await waitFor(() => onRedis(a, b), 10_000, 'both back on Redis');
    expect(tookMs).toBeLessThan(10_000);

    // Proof that Redis carries traffic again: b sees what a writes and publishes.
    await a.cache.set('after', 'shared', 60);
    expect(await b.cache.get('after')).toBe('shared');
    await a.bus.publish('news', 'via redis');
    await waitFor(() => gotB.length === 1 && gotA.length === 2, 5_000, 'message through Redis');
    await sleep(200);
    expect(gotB).toEqual(['via redis']);
    expect(gotA).toEqual(['local', 'via redis']);
    // What a cached only in process during the outage is gone, not served as a stale answer.
    expect(await a.cache.get('during')).toBeUndefined();
  });

  it('replays version bumps made while Redis was unreachable', async () => {
    const server = await RedisServer.start();
    servers.push(server);
    const keyPrefix = uniquePrefix();
    const a = open({ redisUrl: server.url, keyPrefix });
    const b = open({ redisUrl: server.url, keyPrefix });
    await waitFor(() => onRedis(a, b), 5_000, 'both on Redis');
    const v1 = await a.cache.version('listings');
    await b.cache.set(`listings:v${v1}:q`, 'old', 60);

    // A hung Redis (sockets open, no answers): a call pays one command timeout, then the
    // connection is dropped and everything runs in process.
    server.pause();
    try {
      const watch = stopwatch();
      expect(await watch.time(() => a.cache.get('anything'))).toBeUndefined();
      // The link is down now, so this bump stays in process until Redis returns.
      expect(await watch.time(() => a.cache.bumpVersion('listings'))).toBe(v1 + 1);
      // Versioned reads go on in process, under the locally bumped version.
      expect(await watch.time(() => a.cache.getVersioned('listings', ['q']))).toEqual({
        version: v1 + 1,
        values: [undefined],
      });
      expect(watch.slowest).toBeLessThan(2_000);
      expect(watch.durations[1]).toBeLessThan(300);
      expect(watch.durations[2]).toBeLessThan(300);
      expect((await a.health()).status).toBe('degraded');
    } finally {
      server.resume();
    }

    await waitFor(() => onRedis(a), 10_000, 'a back on Redis');
    // Redis kept its data, so the bump must have reached it: b no longer sees the old answer.
    const v2 = await b.cache.version('listings');
    expect(v2).toBeGreaterThan(v1);
    expect(await b.cache.get(`listings:v${v2}:q`)).toBeUndefined();
    expect(await a.cache.version('listings')).toBe(v2);
  });

  it('works in process when Redis is down at start, and picks it up when it comes', async () => {
    const port = await freePort();
    const keyPrefix = uniquePrefix();
    const url = `redis://127.0.0.1:${port}`;
    const a = open({ redisUrl: url, keyPrefix });
    const watch = stopwatch();
    await watch.time(() => a.cache.set('k', 1, 60));
    expect(await watch.time(() => a.cache.get('k'))).toBe(1);
    const got: unknown[] = [];
    a.bus.subscribe('c', (m) => got.push(m));
    await watch.time(() => a.bus.publish('c', 'hello'));
    expect(got).toEqual(['hello']);
    const limiter = a.createRateLimiter({ name: 'api', points: 1, durationSeconds: 30 });
    expect((await watch.time(() => limiter.consume('key'))).allowed).toBe(true);
    expect((await watch.time(() => limiter.consume('key'))).allowed).toBe(false);
    const health = await watch.time(() => a.health());
    expect(health.status).toBe('degraded');
    expect(health.checks.redis.status).toBe('down');
    expect(watch.slowest).toBeLessThan(1_000);

    const server = await RedisServer.start(port);
    servers.push(server);
    const b = open({ redisUrl: url, keyPrefix });
    await waitFor(() => onRedis(a, b), 10_000, 'both on Redis');
    await a.cache.set('shared', 'yes', 60);
    expect(await b.cache.get('shared')).toBe('yes');
    const gotB: unknown[] = [];
    b.bus.subscribe('c', (m) => gotB.push(m));
    await waitFor(() => onRedis(b), 5_000, 'b subscribed');
    await a.bus.publish('c', 'across');
    await waitFor(() => gotB.length === 1 && got.length === 2, 5_000, 'message through Redis');
    expect(got).toEqual(['hello', 'across']);
  });

  it('closes promptly even while Redis is unreachable', async () => {
    const port = await freePort();
    const infra = createInfra({ redisUrl: `redis://127.0.0.1:${port}`, logger: testLogger });
    const watch = stopwatch();
    await watch.time(() => infra.close());
    await watch.time(() => infra.close());
    expect(watch.slowest).toBeLessThan(1_000);
  });
});
