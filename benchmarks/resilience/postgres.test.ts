import { randomUUID } from 'node:crypto';
import { type RedisProcess, startRedisProcess } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallRecord, codeOf, httpClient, signUp, sleep, timed, waitFor } from './clients';
import { type ParleyProcess, scenarioEnv, startParley } from './parley';
import { type PostgresProcess, startPostgres } from './services';

/**
 * Scenario 2: PostgreSQL restarted 20 times under load. During each outage calls fail
 * fast with SERVICE_UNAVAILABLE; after it they succeed again; nothing is half-written.
 */
const RESTARTS = 20;
let pg: PostgresProcess;
let redis: RedisProcess;
let parley: ParleyProcess;

beforeAll(async () => {
  [pg, redis] = await Promise.all([startPostgres(), startRedisProcess()]);
  parley = await startParley(
    scenarioEnv(pg.url, redis.url, { RATE_LIMIT_SEARCH_PER_IP_PER_MINUTE: '1000000' }),
  );
});
afterAll(async () => {
  await parley?.stop();
  await redis?.stop();
  await pg?.destroy();
});

interface Send {
  sessionId: string;
  clientMessageId: string;
  done: boolean;
}

describe('PostgreSQL restarted under load', () => {
  it(`survives ${RESTARTS} restarts: fast SERVICE_UNAVAILABLE during, success after, no partial writes`, async () => {
    const people = await Promise.all([0, 1, 2].map((i) => signUp(parley.url, `pg${i}`)));
    const apis = people.map((p) => httpClient(parley.url, () => p.accessToken));
    const sessions = await Promise.all(
      apis.map(async (api) => (await api.sessions.create.mutate({})).session.id),
    );
    const records: CallRecord[] = [];
    const sends: Send[] = [];
    let stop = false;
    const worker = async (w: number) => {
      const api = apis[w % apis.length]!;
      const sessionId = sessions[w % sessions.length]!;
      for (let i = 0; !stop; i++) {
        const kind = (w + i) % 4;
        if (kind === 0 || kind === 1) {
          const send: Send = { sessionId, clientMessageId: randomUUID(), done: false };
          sends.push(send);
          send.done = await timed('sessions.send', records, () =>
            api.sessions.send.mutate({
              sessionId,
              content: 'two bedroom flat in Girne',
              clientMessageId: send.clientMessageId,
            }),
          );
        } else if (kind === 2) {
          await timed('auth.me', records, () => api.auth.me.query());
        } else {
          await timed('listings.search', records, () =>
            api.listings.search.query({
              location: 'Kyrenia',
              maxPrice: 400 + ((w * 31 + i) % 90) * 20,
            }),
          );
        }
        // A failed call is retried after a pause, as a client would; no hot loop.
        const last = records[records.length - 1];
        if (last && !last.ok) await sleep(100);
      }
    };
    const workers = Array.from({ length: 6 }, (_, w) => worker(w));
    await sleep(1_000);

    const outages: { down: number; up: number }[] = [];
    for (let n = 0; n < RESTARTS; n++) {
      const down = Date.now();
      await pg.stop();
      await sleep(300 + (n % 4) * 150);
      await pg.start();
      const up = Date.now();
      outages.push({ down, up });
      // Load keeps running for a while between restarts: recovery must happen under it.
      await sleep(n === RESTARTS - 1 ? 6_000 : 1_200);
    }
    stop = true;
    await Promise.all(workers);
    expect(parley.running(), parley.lastWords()).toBe(true);
    expect((await fetch(`${parley.url}/healthz`)).status).toBe(200);

    const failed = records.filter((r) => !r.ok);
    const wrongCode = failed.filter((r) => r.code !== 'SERVICE_UNAVAILABLE');
    const slowFailures = failed.filter((r) => r.ms > 3_000);
    // A call that started 5 s or more after PostgreSQL came back, before the next outage, must succeed.
    const lateFailures = failed.filter((r) =>
      outages.some((o, i) => {
        const next = outages[i + 1]?.down ?? Number.POSITIVE_INFINITY;
        return r.start >= o.up + 5_000 && r.start < next;
      }),
    );
    const summary = `${records.length} calls, ${failed.length} failed (${[...new Set(failed.map((f) => f.code))].join(', ')}), slowest failure ${Math.max(0, ...failed.map((f) => f.ms))} ms`;
    console.info(`postgres: ${summary}`);
    const internal = parley.logs.filter((l) => l.msg === 'unexpected error');
    for (const line of internal.slice(0, 5)) {
      const err = line.err as { type?: string; message?: string; stack?: string };
      console.info(
        `unexpected error logged: ${err.type}: ${err.message}\n${err.stack?.split('\n').slice(0, 8).join('\n')}`,
      );
    }
    // Every violation is collected, so one run reports all of them.
    const problems: string[] = [];
    const sample = (list: CallRecord[]) =>
      list
        .slice(0, 3)
        .map((r) => `${r.name} ${r.code} after ${r.ms} ms`)
        .join('; ');
    if (failed.length === 0) problems.push('no call failed: the outages were not felt');
    if (wrongCode.length)
      problems.push(
        `${wrongCode.length} failures were not SERVICE_UNAVAILABLE: ${sample(wrongCode)}`,
      );
    if (slowFailures.length)
      problems.push(`${slowFailures.length} failures took over 3 s: ${sample(slowFailures)}`);
    if (lateFailures.length)
      problems.push(
        `${lateFailures.length} calls failed 5 s or more after PostgreSQL returned: ${sample(lateFailures)}`,
      );
    const last = outages[outages.length - 1]!;
    const afterLast = records.filter((r) => r.start > last.up + 5_000);
    if (afterLast.length === 0 || afterLast.some((r) => !r.ok))
      problems.push('calls after the last restart did not all succeed');

    // Unanswered user messages left by sends that failed midway (before any client retry).
    const orphanQuery = `SELECT m.id FROM messages m WHERE m.role = 'user'
       AND NOT EXISTS (SELECT 1 FROM messages a WHERE a.reply_to_id = m.id)`;
    const orphansBeforeRetry = (await pg.query(orphanQuery)).length;

    // Clients retry what failed with the same clientMessageId (idempotent); time each retry.
    const retried = sends.filter((s) => !s.done);
    const retryStart = Date.now();
    const retryTimes: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < retried.length) {
          const send = retried[next++]!;
          const api = apis[sessions.indexOf(send.sessionId)]!;
          const start = Date.now();
          await waitFor(
            `retry of ${send.clientMessageId}`,
            async () => {
              await api.sessions.send.mutate({
                sessionId: send.sessionId,
                content: 'two bedroom flat in Girne',
                clientMessageId: send.clientMessageId,
              });
              return true;
            },
            40_000,
            200,
          ).catch((error: unknown) => {
            problems.push(`retry of a failed send never succeeded: ${codeOf(error)}`);
          });
          retryTimes.push(Date.now() - start);
        }
      }),
    );
    const slowRetries = retryTimes.filter((ms) => ms > 5_000);
    console.info(
      `postgres: ${orphansBeforeRetry} user messages left unanswered by failed sends; ${retried.length} failed sends retried in ${Date.now() - retryStart} ms, ${slowRetries.length} retries took over 5 s (max ${Math.max(0, ...retryTimes)} ms)`,
    );
    if (orphansBeforeRetry)
      problems.push(
        `${orphansBeforeRetry} user messages had no assistant message until the client retried`,
      );

    // No partial writes: every user message has its answer, every message its event,
    // every conversation's events are gap-free up to its counter.
    const orphans = await pg.query(orphanQuery);
    const unevented = await pg.query(
      `SELECT m.id, m.role FROM messages m WHERE m.session_id IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM conversation_events e WHERE e.conversation_id = m.conversation_id
         AND e.type = CASE m.role WHEN 'user' THEN 'message.created' ELSE 'assistant.completed' END
         AND (e.payload -> 'json' -> 'message' ->> 'id') = m.id::text)`,
    );
    const gaps = await pg.query(
      `SELECT c.id, c.event_seq, count(e.seq) AS n, max(e.seq) AS top FROM conversations c
       LEFT JOIN conversation_events e ON e.conversation_id = c.id GROUP BY c.id
       HAVING count(e.seq) <> c.event_seq OR coalesce(max(e.seq), 0) <> c.event_seq`,
    );
    const duplicates = await pg.query(
      `SELECT conversation_id, client_message_id FROM messages WHERE client_message_id IS NOT NULL
       GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    if (orphans.length) problems.push(`${orphans.length} user messages have no assistant message`);
    if (unevented.length) problems.push(`${unevented.length} messages have no durable event`);
    if (gaps.length)
      problems.push(`${gaps.length} sessions have event gaps: ${JSON.stringify(gaps.slice(0, 3))}`);
    if (duplicates.length) problems.push(`${duplicates.length} client message ids stored twice`);
    if (slowRetries.length)
      problems.push(
        `${slowRetries.length} retries of failed sends took over 5 s (${slowRetries.slice(0, 5).join(', ')} ms)`,
      );
    if (internal.length)
      problems.push(
        `${internal.length} unexpected errors logged, e.g. ${(internal[0]!.err as { message?: string }).message}`,
      );
    expect(problems).toEqual([]);
  });
});
