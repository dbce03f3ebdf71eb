import { hasRedis } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ label: 'health' });
});
afterAll(() => server?.close());

describe('GET /healthz', () => {
  it('identifies the running code: service, version, commit and start time', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ status: 'ok', service: 'parley', version: expect.any(String) });
    expect(body.commit).toMatch(/^[0-9a-f]{40}$|^unknown$/);
    expect(new Date(body.startedAt).getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe('GET /readyz', () => {
  it('is ok with PostgreSQL up, and reports each check (Redis in use when there is one)', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.status).toBe('ok');
    expect(body.checks.database.status).toBe('up');
    const backend = hasRedis ? 'redis' : 'memory';
    expect(body.checks.redis.status).toBe(hasRedis ? 'ok' : 'disabled');
    expect(body.checks.pubsub.backend).toBe(backend);
    expect(body.checks.cache.backend).toBe(backend);
  });
});

describe('start-up log', () => {
  it('prints the URL, version, commit and the configuration with secrets redacted', () => {
    const config = server.logs.find((l) => l.msg === 'configuration')?.config as Record<
      string,
      string
    >;
    expect(config.JWT_SECRET).toBe('***');
    expect(config.DATABASE_URL).toContain('postgres');
    const started = server.logs.find(
      (l) => typeof l.msg === 'string' && (l.msg as string).startsWith('Parley is running at'),
    );
    expect(started).toMatchObject({
      url: server.url,
      version: expect.any(String),
      commit: expect.any(String),
    });
  });
});
