import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { freePort, type RedisProcess, startRedisProcess } from '@parley/testing';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, recordEvents, signUp, sleep, waitFor, wsClient } from './clients';
import { type ParleyProcess, scenarioEnv, startParley } from './parley';
import { type PostgresProcess, startPostgres } from './services';

/**
 * Scenario 5: SIGTERM under load. The old instance finishes what it accepted; a new one
 * takes the port; WebSocket clients reconnect to it and resume from their last event id.
 */
let pg: PostgresProcess;
let redis: RedisProcess;
let env: Record<string, string>;
const instances: ParleyProcess[] = [];

beforeAll(async () => {
  [pg, redis] = await Promise.all([startPostgres(), startRedisProcess()]);
  env = scenarioEnv(pg.url, redis.url, { PORT: String(await freePort()) });
});
afterAll(async () => {
  await Promise.all(instances.map((p) => p.stop()));
  await redis?.stop();
  await pg?.destroy();
});

interface Outcome {
  /** The request was refused before anything was sent (nobody listening): safe to retry. */
  refused: number;
  /** 503 `starting` from the new instance before its database was ready: retried. */
  starting: number;
  /** The connection was reset before any answer: the server never read the request. */
  resetBeforeAnswer: number;
  /** An answer started but did not finish, or was a 5xx: in-flight work was dropped. */
  dropped: string[];
  ok: number;
}

// A fresh connection per request: a keep-alive socket reused after the server closed it
// would blur "not accepted" and "dropped".
function post(
  url: string,
  body: string,
  token: string,
): Promise<{ status: number; text: string } | { error: string; answered: boolean }> {
  return new Promise((resolve) => {
    let answered = false;
    const req = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        res.on('error', (e) => resolve({ error: e.message, answered }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ error: e.code ?? e.message, answered }),
    );
    req.end(body);
  });
}

describe('shutdown under load', () => {
  it('SIGTERM drops no in-flight request; clients move to a new instance and lose no event', async () => {
    const first = await startParley(env);
    instances.push(first);
    const url = first.url;
    const person = await signUp(url, 'shutdown');
    const api = httpClient(url, () => person.accessToken);
    const sessions = await Promise.all(
      Array.from({ length: 6 }, async () => (await api.sessions.create.mutate({})).session.id),
    );
    // A socket per session, subscribed; tRPC's client reconnects and resumes by itself.
    const sockets = sessions.map(() => wsClient(url, person.accessToken));
    const recorders = sessions.map((id, i) => recordEvents(sockets[i]!.client, id));
    await Promise.all(recorders.map((r) => r.started()));

    const outcome: Outcome = { refused: 0, starting: 0, resetBeforeAnswer: 0, dropped: [], ok: 0 };
    let stop = false;
    let killedAt = 0;
    // Sends accepted before SIGTERM and answered after it: the in-flight work that must finish.
    let straddled = 0;
    const worker = async (w: number) => {
      const sessionId = sessions[w % sessions.length]!;
      while (!stop) {
        const body = JSON.stringify(
          superjson.serialize({
            sessionId,
            content: 'villa with a pool in Bellapais',
            clientMessageId: randomUUID(),
          }),
        );
        // Retried (same clientMessageId) only while nobody could have read it.
        for (;;) {
          const started = Date.now();
          const res = await post(`${url}/trpc/sessions.send`, body, person.accessToken);
          if ('status' in res && res.status === 200 && killedAt && started < killedAt) straddled++;
          // The new instance binds its port first and answers 503 until its database is ready.
          // Starting: a tRPC SERVICE_UNAVAILABLE with retryAfter, before the database is ready.
          if (
            'status' in res &&
            res.status === 503 &&
            res.text.includes('"SERVICE_UNAVAILABLE"') &&
            res.text.includes('"retryAfter"')
          ) {
            outcome.starting++;
            await sleep(50);
            continue;
          }
          if ('status' in res) {
            if (res.status === 200) outcome.ok++;
            else outcome.dropped.push(`HTTP ${res.status}: ${res.text.slice(0, 200)}`);
            break;
          }
          if (res.answered) {
            outcome.dropped.push(`answer cut: ${res.error}`);
            break;
          }
          if (res.error === 'ECONNREFUSED') outcome.refused++;
          else if (res.error === 'ECONNRESET') outcome.resetBeforeAnswer++;
          else {
            outcome.dropped.push(`request failed: ${res.error}`);
            break;
          }
          await sleep(50);
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    await sleep(2_000);

    // SIGTERM: the old instance stops listening at once, then drains; a new one takes the port.
    const sentBefore = outcome.ok;
    killedAt = Date.now();
    first.kill('SIGTERM');
    await waitFor(
      'port released',
      () =>
        first.logs.some(
          (l) => l.msg === 'shutting down: no new connections, finishing in-flight requests',
        ),
      5_000,
      10,
    );
    const second = await startParley(env);
    instances.push(second);
    const firstExit = await first.exited;
    await sleep(3_000);
    stop = true;
    await Promise.all(workers);
    expect(outcome.ok).toBeGreaterThan(sentBefore);

    // Every socket is back and has every durable event of its session's conversation,
    // once, in order (events are numbered per conversation).
    const expected = await pg.query<{ id: string; event_seq: string }>(
      `SELECT s.id, c.event_seq FROM sessions s JOIN conversations c ON c.id = s.conversation_id
       WHERE s.id = ANY($1::uuid[])`,
      [sessions],
    );
    const seqOf = new Map(expected.map((r) => [r.id, Number(r.event_seq)]));
    await waitFor(
      'every socket caught up',
      () => sessions.every((id, i) => recorders[i]!.durable().length >= seqOf.get(id)!),
      15_000,
    );
    await sleep(500);
    for (const [i, id] of sessions.entries()) {
      const ids = recorders[i]!.durable().map((r) => Number(r.id));
      expect(ids).toEqual(Array.from({ length: seqOf.get(id)! }, (_, k) => k + 1));
    }
    const subscriptionErrors = recorders.flatMap((r) => r.errors);
    for (const r of recorders) r.stop();
    await Promise.all(sockets.map((s) => s.close()));

    const dropLog = first.logs.filter(
      (l) => typeof l.msg === 'string' && l.msg.startsWith('shutdown timeout'),
    );
    console.info(
      `shutdown: ${outcome.ok} sends answered, ${outcome.refused} refused while no instance listened, ${outcome.starting} told 503 starting, ${outcome.resetBeforeAnswer} reset before any answer (retried), ${outcome.dropped.length} dropped, ${straddled} in flight at SIGTERM and answered; old instance exited ${firstExit.code}; ${seqOf.size} subscribers resumed with ${[...seqOf.values()].reduce((a, b) => a + b, 0)} durable events`,
    );
    expect(straddled).toBeGreaterThan(0);
    expect(outcome.dropped).toEqual([]);
    expect(dropLog).toEqual([]);
    expect(firstExit.code).toBe(0);
    expect(subscriptionErrors).toEqual([]);
    expect(second.running()).toBe(true);
  });
});
