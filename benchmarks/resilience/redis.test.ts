import { randomUUID } from 'node:crypto';
import { type RedisProcess, startRedisProcess } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CallRecord,
  httpClient,
  readyz,
  recordEvents,
  signUp,
  sleep,
  timed,
  waitFor,
  wsClient,
} from './clients';
import { type ParleyProcess, scenarioEnv, startParley } from './parley';
import { type PostgresProcess, startPostgres } from './services';

/**
 * Scenario 1: Redis is killed (SIGKILL) under load, then restarted. Two Parley instances
 * share PostgreSQL and Redis; load runs against the first.
 */
let pg: PostgresProcess;
let redis: RedisProcess;
let a: ParleyProcess;
let b: ParleyProcess;

beforeAll(async () => {
  [pg, redis] = await Promise.all([startPostgres(), startRedisProcess()]);
  const env = scenarioEnv(pg.url, redis.url, { RATE_LIMIT_SEARCH_PER_IP_PER_MINUTE: '1000000' });
  a = await startParley(env);
  b = await startParley(env);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
  await pg?.destroy();
});

describe('Redis killed under load', () => {
  it('loses no request, stays fast, reports degraded, and returns to Redis and shared pub/sub within 10 s', async () => {
    const person = await signUp(a.url, 'redis');
    const api = httpClient(a.url, () => person.accessToken);
    const viaB = httpClient(b.url, () => person.accessToken);
    const { session } = await api.sessions.create.mutate({});
    const listing = (await api.listings.search.query({ limit: 1 })).items[0]!;

    // A subscriber on A: it only hears B's publishes through Redis.
    const socket = wsClient(a.url, person.accessToken);
    const events = recordEvents(socket.client, session.id);
    await events.started();
    // Started comes before the stream has joined the live events, and typing is not
    // replayed: B types until A's subscriber has heard it.
    await waitFor(
      'B -> A through Redis before the fault',
      async () => {
        await viaB.sessions.typing.mutate({ sessionId: session.id, typing: true });
        await sleep(100);
        return events.received.length > 0;
      },
      5_000,
      0,
    );

    const records: CallRecord[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        switch ((w + i) % 6) {
          case 0:
            await timed('auth.me', records, () => api.auth.me.query());
            break;
          case 1:
            await timed('listings.get', records, () => api.listings.get.query({ id: listing.id }));
            break;
          case 2:
            await timed('listings.search', records, () =>
              httpClient(a.url).listings.search.query({
                location: 'Girne',
                maxPrice: 500 + (i % 50) * 37,
              }),
            );
            break;
          case 3:
            await timed('sessions.typing', records, () =>
              api.sessions.typing.mutate({ sessionId: session.id, typing: i % 2 === 0 }),
            );
            break;
          case 4:
            await timed('conversations.list', records, () =>
              api.conversations.list.query({ limit: 5 }),
            );
            break;
          default:
            await timed('sessions.send', records, () =>
              api.sessions.send.mutate({
                sessionId: session.id,
                content: 'flat in Kyrenia',
                clientMessageId: randomUUID(),
              }),
            );
        }
      }
    };
    const workers = Array.from({ length: 6 }, (_, w) => worker(w));

    await sleep(1_500);
    const killedAt = Date.now();
    await redis.stop();
    const degradedAfter = await waitFor(
      '/readyz degraded',
      async () => (await readyz(a.url)).body.status === 'degraded',
      5_000,
    );
    const ready = await readyz(a.url);
    expect(ready.status).toBe(200);
    await sleep(3_000);
    const outage = records.filter((r) => r.start >= killedAt).length;

    await redis.start();
    // Back on Redis: both instances report ok with cache, pub/sub and limits on Redis.
    const backAfter = await waitFor(
      'both instances back on Redis',
      async () => {
        const [ra, rb] = await Promise.all([readyz(a.url), readyz(b.url)]);
        const onRedis = (r: typeof ra) =>
          r.body.status === 'ok' &&
          (r.body.checks as Record<string, { backend?: string }>).pubsub?.backend === 'redis';
        return onRedis(ra) && onRedis(rb);
      },
      10_000,
    );
    // Pub/sub across instances: B's publish reaches A's subscriber again.
    const before = events.received.length;
    const sharedAfter = await waitFor(
      'B -> A through Redis after the restart',
      async () => {
        await viaB.sessions.typing.mutate({ sessionId: session.id, typing: true });
        await sleep(100);
        return events.received.length > before;
      },
      10_000,
      0,
    );
    await sleep(1_000);
    stop = true;
    await Promise.all(workers);
    events.stop();
    await socket.close();

    const failed = records.filter((r) => !r.ok);
    const slow = records.filter((r) => r.ms > 2_000);
    const slowest = Math.max(...records.map((r) => r.ms));
    console.info(
      `redis: ${records.length} calls (${outage} during the outage), ${failed.length} failed, slowest ${slowest} ms; degraded after ${degradedAfter} ms; back on Redis ${backAfter} ms after the restart, cross-instance pub/sub ${backAfter + sharedAfter} ms after it`,
    );
    expect(outage).toBeGreaterThan(20);
    expect(failed).toEqual([]);
    expect(slow).toEqual([]);
    expect(backAfter + sharedAfter).toBeLessThan(10_000);
    expect(a.running() && b.running()).toBe(true);
  });
});
