import { pino } from 'pino';
import { Bus } from './bus';
import { Cache } from './cache';
import type { Logger } from './logger';
import { Presence } from './presence';
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limit';
import { type ComponentState, directState, type RedisCheck, RedisLink } from './redis';

export interface InfraOptions {
  /** Handed to ioredis as it is. Unset: cache, bus and rate limits run in process only. */
  redisUrl?: string | undefined;
  /** Prefix of every Redis key and channel, e.g. `parley:` (tests use one per test). */
  keyPrefix?: string;
  logger?: Logger;
  /** How long values are also kept in process while Redis is up (default 2,000 ms). */
  localCacheTtlMs?: number;
  localCacheMaxEntries?: number;
  /** Bytes of JSON the process-local cache may hold (default 32 MiB). */
  localCacheMaxBytes?: number;
}

export interface InfraHealth {
  /** `degraded`: Redis is configured but not usable, so instances no longer share state. */
  status: 'ok' | 'degraded';
  checks: {
    redis: RedisCheck;
    cache: ComponentState;
    pubsub: ComponentState;
    rateLimit: ComponentState;
  };
}

export interface Infra {
  cache: Cache;
  bus: Bus;
  /** Who is around on any instance (agents watching the inbox). */
  presence: Presence;
  createRateLimiter(options: RateLimitOptions): RateLimiter;
  /** PING on the command connection with a short deadline. */
  checkRedis(timeoutMs?: number): Promise<RedisCheck>;
  health(): Promise<InfraHealth>;
  /** Closes every Redis connection; safe to call twice, never hangs. */
  close(): Promise<void>;
}

export function createInfra(options: InfraOptions = {}): Infra {
  const keyPrefix = options.keyPrefix ?? 'parley:';
  const logger = (options.logger ?? pino({ level: 'silent' })).child({ component: 'infra' });
  const url = options.redisUrl;
  // One connection per role: a subscribed connection cannot run other commands, and publishes
  // should not queue behind cache traffic.
  const command = url ? new RedisLink(url, 'command', logger) : undefined;
  const publisher = url ? new RedisLink(url, 'publisher', logger) : undefined;
  const subscriber = url ? new RedisLink(url, 'subscriber', logger) : undefined;
  if (!url) logger.info('REDIS_URL not set: cache, pub/sub and rate limits are in-process only');

  const cache = new Cache({
    link: command,
    keyPrefix,
    localTtlMs: options.localCacheTtlMs ?? 2_000,
    maxLocalEntries: options.localCacheMaxEntries ?? 10_000,
    maxLocalBytes: options.localCacheMaxBytes,
  });
  const bus = new Bus({ publisher, subscriber, keyPrefix, logger });
  const presence = new Presence(command, keyPrefix);

  const checkRedis = async (timeoutMs?: number): Promise<RedisCheck> =>
    command ? command.check(timeoutMs) : { status: 'disabled' };

  return {
    cache,
    bus,
    presence,
    createRateLimiter: (limit) => createRateLimiter(command, keyPrefix, limit),
    checkRedis,
    async health() {
      const redis = await checkRedis();
      const checks = {
        redis,
        cache: cache.state(),
        pubsub: bus.state(),
        rateLimit: directState(command),
      };
      const shared = [checks.cache, checks.pubsub, checks.rateLimit].every(
        (c) => c.backend === 'redis',
      );
      const degraded = redis.status !== 'disabled' && (redis.status === 'down' || !shared);
      return { status: degraded ? 'degraded' : 'ok', checks };
    },
    async close() {
      await presence.close();
      await Promise.all([command, publisher, subscriber].map((link) => link?.close()));
    },
  };
}
