import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createTestDatabase,
  sendTextSlowly,
  startFakeOpenAi,
  startRedisProcess,
  type TestDatabase,
} from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp, startTestServer } from './harness';
import { deploymentEnv, type InstanceOptions, instances, until } from './instances';

/**
 * A run is never left hanging: the process executing it is SIGKILLed mid-answer, another
 * instance on the same database finishes it (`run.failed`, `interrupted`) within 30 s,
 * exactly once, and the conversation's next run goes on. Real processes (`src/main.ts`),
 * a local model server that writes slowly, real clients over HTTP.
 */
const TERMINAL = ['assistant.completed', 'run.failed', 'run.cancelled'];

let db: TestDatabase;
let model: Awaited<ReturnType<typeof startFakeOpenAi>>;
let env: Record<string, string>;
const group = instances('watchdog', () => env);
const startInstance = (options?: InstanceOptions) => group.start(options);
const newDataDir = () => group.newDataDir();

beforeAll(async () => {
  db = await createTestDatabase('watchdog');
  // The first answer takes minutes (the process is killed long before); the rest are quick.
  model = await startFakeOpenAi(async (request, res) => {
    const asked = request.body.messages.at(-1)?.content ?? '';
    if (asked.includes('very long')) {
      const pieces = Array.from({ length: 1_000 }, (_, i) => `word${i} `);
      return sendTextSlowly(res, pieces, 200).catch(() => {});
    }
    if (asked.includes('a few seconds')) {
      const pieces = Array.from({ length: 20 }, (_, i) => `part${i} `);
      return sendTextSlowly(res, pieces, 150).catch(() => {});
    }
    return sendTextSlowly(res, ['Sure, ', 'here.'], 5);
  });
  env = {
    ...deploymentEnv(db, 'watchdog'),
    LOG_LEVEL: 'info',
    ASSISTANT_PROVIDER: 'openai',
    OPENAI_BASE_URL: model.baseUrl,
    OPENAI_API_KEY: 'sk-test',
  };
}, 60_000);

afterAll(async () => {
  await group.stopAll();
  await model?.close();
  await db?.drop();
});

describe('run watchdog', () => {
  it('a run whose process was SIGKILLed ends exactly once within 30 s and the conversation goes on', async () => {
    // Two instances on one database; the first executes the run and is killed. (A lone
    // instance restarted does the same once it is up; its start time is not measured here.)
    const [first, second] = await Promise.all([startInstance(), startInstance()]);
    const user = await signUp(httpClient(first.url), 'watchdog');
    const api = httpClient(first.url, user.accessToken);
    const { session } = await api.sessions.create.mutate({});
    const long = await api.sessions.send.mutate({
      sessionId: session.id,
      content: 'write me a very long answer',
      clientMessageId: randomUUID(),
      wait: false,
    });
    const queued = await api.sessions.send.mutate({
      sessionId: session.id,
      content: 'and then this',
      clientMessageId: randomUUID(),
      wait: false,
    });
    // Mid-answer: running, a heartbeat stamped.
    await until(async () => {
      const [run] = await db.query<{ status: string }>(
        'SELECT status FROM runs WHERE id = $1 AND heartbeat_at IS NOT NULL',
        [long.run!.id],
      );
      return run?.status === 'running' ? true : undefined;
    }, 'the long run to be running');
    await sleep(1_000);

    first.proc.kill('SIGKILL');
    const killedAt = performance.now();
    await new Promise((resolve) => first.proc.once('exit', resolve));

    const ended = await until(async () => {
      const [run] = await db.query<{ status: string; error: { code: string } | null }>(
        "SELECT status, error FROM runs WHERE id = $1 AND status NOT IN ('queued', 'running')",
        [long.run!.id],
      );
      return run;
    }, 'the killed run to end');
    const endedIn = performance.now() - killedAt;
    console.log(`the killed run ended ${(endedIn / 1000).toFixed(1)} s after the kill`);
    expect(ended).toMatchObject({ status: 'failed', error: { code: 'interrupted' } });
    expect(endedIn).toBeLessThan(30_000);

    // The run queued behind it is answered, and a follow-up through the new instance too.
    const api2 = httpClient(second.url, user.accessToken);
    const next = await until(async () => {
      const [run] = await db.query<{ status: string }>(
        "SELECT status FROM runs WHERE id = $1 AND status NOT IN ('queued', 'running')",
        [queued.run!.id],
      );
      return run;
    }, 'the queued run to end');
    expect(next.status).toBe('completed');
    const followUp = await api2.sessions.send.mutate({
      sessionId: session.id,
      content: 'one more thing',
      clientMessageId: randomUUID(),
    });
    expect(followUp.run?.status).toBe('completed');
    expect(followUp.reply?.responseText).toBe('Sure, here.');

    // Exactly one terminal event per run, in the conversation's durable stream.
    const events = await db.query<{ type: string; payload: { json: { run?: { id: string } } } }>(
      'SELECT type, payload FROM conversation_events WHERE conversation_id = $1 ORDER BY seq',
      [session.conversationId],
    );
    const endings = events
      .filter((e) => TERMINAL.includes(e.type))
      .map((e) => [e.payload.json.run?.id, e.type]);
    expect(endings).toEqual([
      [long.run!.id, 'run.failed'],
      [queued.run!.id, 'assistant.completed'],
      [followUp.run!.id, 'assistant.completed'],
    ]);
    // One sweep for the platform, however many instances and conversations: sends enqueue
    // nothing (a job there cost each turn a NOTIFY, which PostgreSQL commits one at a time).
    const jobs = await db.query<{ task_identifier: string; n: string }>(
      `SELECT task_identifier, count(*) AS n FROM graphile_worker.jobs
       WHERE task_identifier LIKE 'runs.%' AND locked_at IS NULL GROUP BY task_identifier`,
    );
    expect(jobs.map((j) => [j.task_identifier, Number(j.n)])).toEqual([['runs.sweep', 1]]);
    // Idle sessions too: one sweep waiting, not a timer per instance.
    const sessionSweeps = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM graphile_worker.jobs
       WHERE task_identifier = 'sessions.sweep' AND locked_at IS NULL`,
    );
    expect(sessionSweeps).toEqual([{ n: '1' }]);
  }, 180_000);

  it('Redis dying mid-run leaves nothing hanging: the run completes, the waiting send answers, the next run starts', async () => {
    const redis = await startRedisProcess();
    const server = await startTestServer({
      label: 'watchdog_redis',
      db,
      env: {
        REDIS_URL: redis.url,
        ASSISTANT_PROVIDER: 'openai',
        OPENAI_BASE_URL: model.baseUrl,
        OPENAI_API_KEY: 'sk-test',
      },
    });
    try {
      const user = await signUp(httpClient(server.url), 'watchdog-redis');
      const api = httpClient(server.url, user.accessToken);
      const { session } = await api.sessions.create.mutate({});
      const sending = api.sessions.send.mutate({
        sessionId: session.id,
        content: 'answer in a few seconds',
        clientMessageId: randomUUID(),
      });
      await until(async () => {
        const [run] = await db.query<{ status: string }>(
          "SELECT r.status FROM runs r JOIN messages m ON m.id = r.user_message_id WHERE m.content = 'answer in a few seconds' AND r.conversation_id = $1",
          [session.conversationId],
        );
        return run?.status === 'running' ? true : undefined;
      }, 'the run to be running');
      await redis.stop();
      const sent = await sending;
      expect(sent.run?.status).toBe('completed');
      expect(sent.reply?.responseText).toMatch(/^part0 part1 .*part19 $/);
      const next = await api.sessions.send.mutate({
        sessionId: session.id,
        content: 'and one more',
        clientMessageId: randomUUID(),
      });
      expect(next.run?.status).toBe('completed');
      const endings = await db.query<{ type: string }>(
        `SELECT type FROM conversation_events WHERE conversation_id = $1
           AND type IN ('assistant.completed', 'run.failed', 'run.cancelled') ORDER BY seq`,
        [session.conversationId],
      );
      expect(endings.map((e) => e.type)).toEqual(['assistant.completed', 'assistant.completed']);
    } finally {
      await server.close();
      await redis.stop();
    }
  }, 120_000);

  it('pnpm start alone (embedded PostgreSQL), SIGKILLed mid-run and started again on its DATA_DIR, finishes the run and answers', async () => {
    const dataDir = await newDataDir();
    const embedded = { dataDir, env: { DATABASE_URL: undefined } };
    const first = await startInstance(embedded);
    const user = await signUp(httpClient(first.url), 'watchdog-alone');
    const api = httpClient(first.url, user.accessToken);
    const { session } = await api.sessions.create.mutate({});
    const long = await api.sessions.send.mutate({
      sessionId: session.id,
      content: 'write me a very long answer',
      clientMessageId: randomUUID(),
      wait: false,
    });
    await until(async () => {
      const page = await api.sessions.runs.query({ sessionId: session.id });
      return page.items[0]?.status === 'running' ? true : undefined;
    }, 'the run to be running');
    await sleep(1_000);
    first.proc.kill('SIGKILL');
    await new Promise((resolve) => first.proc.once('exit', resolve));
    const killedAt = performance.now();

    // Its PostgreSQL outlived it; the restarted server stops that one and starts its own.
    const again = await startInstance(embedded);
    const upIn = performance.now() - killedAt;
    const api2 = httpClient(again.url, user.accessToken);
    const ended = await until(async () => {
      const page = await api2.sessions.runs.query({ sessionId: session.id });
      const run = page.items.find((r) => r.id === long.run!.id);
      return run && run.status !== 'running' ? run : undefined;
    }, 'the run to end');
    const endedIn = performance.now() - killedAt;
    console.log(
      `alone: restarted in ${(upIn / 1000).toFixed(1)} s; the run ended ${(endedIn / 1000).toFixed(1)} s after the kill`,
    );
    expect(ended).toMatchObject({ status: 'failed', error: { code: 'interrupted' } });
    const followUp = await api2.sessions.send.mutate({
      sessionId: session.id,
      content: 'one more thing',
      clientMessageId: randomUUID(),
    });
    expect(followUp.reply?.responseText).toBe('Sure, here.');
  }, 180_000);
});
