import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import Redis from 'ioredis';

/**
 * Which services the tests can use. Under CI=true every one is required: a missing one
 * fails the run, never skips. On a developer's machine with only Node and npm, the
 * tests run against an embedded PostgreSQL and in-process cache/pub-sub, and only the
 * tests ABOUT a missing service (Redis itself, a redis-server to kill, a browser) sit
 * out, each saying why.
 */
export const isCI = process.env.CI === 'true' || process.env.CI === '1';

export function requireEnv(name: 'DATABASE_URL' | 'REDIS_URL'): string | undefined {
  const value = process.env[name];
  if (!value && isCI)
    throw new Error(`${name} must be set when CI=true (tests never skip a service)`);
  return value || undefined;
}

async function answersPing(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

async function detectRedis(): Promise<string | undefined> {
  const configured = requireEnv('REDIS_URL');
  if (configured) {
    if (!(await answersPing(configured)))
      throw new Error(`REDIS_URL=${configured} does not answer PING`);
    return configured;
  }
  const fallback = 'redis://127.0.0.1:6379';
  if (await answersPing(fallback)) return fallback;
  console.warn(
    '[tests] no Redis (REDIS_URL unset, nothing on 127.0.0.1:6379): in-process cache and pub/sub; Redis-specific tests sit out',
  );
  return undefined;
}

const redisUrl = await detectRedis();

/** The Redis the tests share, or undefined for in-process mode (never under CI). */
export function testRedisUrl(): string | undefined {
  return redisUrl;
}

/** True when a shared Redis is there (always under CI). */
export const hasRedis = redisUrl !== undefined;

function onPath(binary: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** True when tests may start and kill private redis-server processes (required under CI). */
export const hasRedisServer = onPath('redis-server');
if (!hasRedisServer && isCI) throw new Error('redis-server must be installed when CI=true');

/** True when the browser for end-to-end tests is installed (required under CI). */
export const hasChromium = existsSync('/usr/bin/chromium');

/** A key prefix of its own for every test file, since all of them share one Redis. */
export function testKeyPrefix(label = 't'): string {
  return `test:${label}:${process.pid}:${Math.random().toString(36).slice(2, 8)}:`;
}
