/**
 * Where the tests find PostgreSQL and Redis. Under CI=true both must be given and
 * reachable: a missing service is a failure, never a skip.
 */
export const isCI = process.env.CI === 'true' || process.env.CI === '1';

export function requireEnv(name: 'DATABASE_URL' | 'REDIS_URL'): string | undefined {
  const value = process.env[name];
  if (!value && isCI)
    throw new Error(`${name} must be set when CI=true (tests never skip a service)`);
  return value || undefined;
}

/** The shared Redis the tests use: REDIS_URL, or the machine's default port locally. */
export function testRedisUrl(): string {
  return requireEnv('REDIS_URL') ?? 'redis://127.0.0.1:6379';
}

/** A key prefix of its own for every test file, since all of them share one Redis. */
export function testKeyPrefix(label = 't'): string {
  return `test:${label}:${process.pid}:${Math.random().toString(36).slice(2, 8)}:`;
}
