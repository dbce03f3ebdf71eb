import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { type ComponentState, directState, type RedisLink } from './redis';

export interface RateLimitOptions {
  /** Part of the storage key: limiters with different names never share counters. */
  name: string;
  /** How many points a key may consume per window. */
  points: number;
  durationSeconds: number;
  /** Once over the limit, the key stays blocked this long (default: until the window ends). */
  blockDurationSeconds?: number;
}

export type RateLimitResult =
  | { allowed: true; remainingPoints: number }
  | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  consume(key: string, points?: number): Promise<RateLimitResult>;
  /** Gives points back, e.g. after a successful login. */
  reward(key: string, points?: number): Promise<void>;
  delete(key: string): Promise<void>;
  state(): ComponentState;
}

/**
 * Counters live in Redis (shared by all instances) when Redis is configured, with an in-memory
 * insurance limiter that takes over at once while Redis is not ready, so limits still hold
 * (per instance) during an outage. Without Redis, memory only.
 */
export function createRateLimiter(
  link: RedisLink | undefined,
  keyPrefix: string,
  options: RateLimitOptions,
): RateLimiter {
  const common = {
    points: options.points,
    duration: options.durationSeconds,
    blockDuration: options.blockDurationSeconds ?? 0,
    keyPrefix: `${keyPrefix}rl:${options.name}`,
  };
  const memory = new RateLimiterMemory(common);
  const limiter: RateLimiterAbstract = link
    ? new RateLimiterRedis({
        ...common,
        storeClient: link.client,
        // ioredis is the default client type (useRedisPackage is for node-redis). Go straight to
        // the insurance while the connection is not ready instead of trying a command first.
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;

  return {
    async consume(key, points = 1) {
      try {
        const res = await limiter.consume(key, points);
        return { allowed: true, remainingPoints: res.remainingPoints };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        return { allowed: false, retryAfterSeconds };
      }
    },
    async reward(key, points = 1) {
      await limiter.reward(key, points);
    },
    async delete(key) {
      await limiter.delete(key);
    },
    state: () => directState(link),
  };
}
