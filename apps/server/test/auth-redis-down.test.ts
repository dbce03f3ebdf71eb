import { freePort } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, httpClient, signUp, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  // Redis is configured but nothing listens there: limits must still hold in process.
  const nowhere = await freePort();
  server = await startTestServer({
    label: 'authnoredis',
    env: {
      REDIS_URL: `redis://127.0.0.1:${nowhere}`,
      RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_MINUTE: '3',
    },
  });
});
afterAll(() => server?.close());

describe('brute force with Redis down', () => {
  it('still throttles login per account, with retryAfter, and /readyz says degraded', async () => {
    const ready = await (await fetch(`${server.url}/readyz`)).json();
    expect(ready).toMatchObject({ status: 'degraded', checks: { redis: { status: 'down' } } });
    const anon = httpClient(server.url);
    const user = await signUp(anon, 'noredis');
    for (let i = 0; i < 3; i++) {
      const error = await errorOf(() =>
        anon.auth.login.mutate({ email: user.email, password: `guess ${i}` }),
      );
      expect(error.data.code).toBe('UNAUTHORIZED');
    }
    const limited = await errorOf(() =>
      anon.auth.login.mutate({ email: user.email, password: user.password }),
    );
    expect(limited.data.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.data.retryAfter).toBeGreaterThan(0);
  });
});
