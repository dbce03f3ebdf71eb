import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { hasRedis } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { recordEvents } from './events';
import { errorOf, httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';
import { startProxy } from './proxy';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    label: 'live',
    env: {
      SEED_DEMO_LISTINGS: '100',
      WS_MAX_SUBSCRIPTIONS: '20',
      WS_PING_INTERVAL_MS: '300',
      WS_PONG_WAIT_MS: '300',
    },
  });
});
afterAll(() => server?.close());

async function chatSetup(target = server) {
  const user = await signUp(httpClient(target.url), 'live');
  const http = httpClient(target.url, user.accessToken);
  const { session } = await http.sessions.create.mutate({});
  return { user, http, session };
}

describe('resume across random disconnects', () => {
  it('after 200 dropped connections, 0 durable events lost and 0 duplicated', async () => {
    const { user, http, session } = await chatSetup();
    const proxy = await startProxy(server.parley.port);
    const socket = wsClient(proxy.url, user.accessToken);
    try {
      const events = recordEvents(socket.client, session.id);
      await events.started();
      const messages = 40;
      const sending = (async () => {
        for (let i = 0; i < messages; i++) {
          await http.sessions.send.mutate({
            sessionId: session.id,
            content: `flat in girne number ${i}`,
            clientMessageId: randomUUID(),
          });
        }
      })();
      for (let cut = 0; cut < 200; cut++) {
        proxy.cut();
        await sleep(5 + Math.floor(Math.random() * 40));
      }
      await sending;
      await events.until(() => events.durable().length >= messages * 3, 90_000);
      await sleep(300);
      const ids = events.durable().map((r) => Number(r.id));
      expect(ids).toEqual(Array.from({ length: messages * 3 }, (_, i) => i + 1));
      expect(events.errors).toEqual([]);
    } finally {
      await socket.close();
      await proxy.close();
    }
  }, 150_000); // 40 turns through a proxy cut 200 times: ~6 s idle, far longer on a loaded CI
});

// Across instances events travel over Redis (always there under CI).
describe.runIf(hasRedis)('two instances sharing PostgreSQL and Redis', () => {
  it('a subscriber on one receives events for messages sent through the other', async () => {
    const second = await startTestServer({
      db: server.db,
      env: { REDIS_KEY_PREFIX: server.env.REDIS_KEY_PREFIX!, JWT_SECRET: server.env.JWT_SECRET! },
    });
    try {
      const { user, http, session } = await chatSetup(server);
      const socket = wsClient(second.url, user.accessToken);
      try {
        const events = recordEvents(socket.client, session.id);
        await events.started();
        const sent = await http.sessions.send.mutate({
          sessionId: session.id,
          content: 'villa in Bellapais',
          clientMessageId: randomUUID(),
        });
        await events.until(() =>
          events.received.some((r) => r.event.type === 'assistant.completed'),
        );
        const deltas = events.received.flatMap((r) =>
          r.event.type === 'assistant.delta' ? [r.event.delta] : [],
        );
        expect(deltas.join('')).toBe(sent.reply!.responseText);
        expect(events.durable().map((r) => r.event.type)).toEqual([
          'message.created',
          'run.started',
          'assistant.completed',
        ]);
      } finally {
        await socket.close();
      }
    } finally {
      await second.close();
    }
  });
});

describe('subscription hygiene', () => {
  it('1,000 subscribe/unsubscribe cycles leave no listener or slot behind', async () => {
    const { user, session } = await chatSetup();
    const socket = wsClient(server.url, user.accessToken);
    const bus = server.parley.services.infra.bus;
    try {
      const baseline = bus.listenerCount();
      for (let i = 0; i < 1000; i++) {
        const events = recordEvents(socket.client, session.id);
        if (i % 100 === 0) await events.started();
        events.stop();
      }
      const deadline = Date.now() + 10_000;
      while (bus.listenerCount() !== baseline && Date.now() < deadline) await sleep(50);
      expect(bus.listenerCount()).toBe(baseline);
      // Every slot was given back: the socket can still open its full quota.
      const open = Array.from({ length: 20 }, () => recordEvents(socket.client, session.id));
      await Promise.all(open.map((e) => e.started()));
      await sleep(200);
      expect(open.flatMap((e) => e.errors)).toEqual([]);
      for (const e of open) e.stop();
    } finally {
      await socket.close();
    }
  });

  it('caps subscriptions per socket; the extra one is refused and the socket keeps working', async () => {
    const { user, session } = await chatSetup();
    const socket = wsClient(server.url, user.accessToken);
    try {
      const open = Array.from({ length: 20 }, () => recordEvents(socket.client, session.id));
      await Promise.all(open.map((e) => e.started()));
      const extra = recordEvents(socket.client, session.id);
      await extra.until(() => extra.errors.length > 0);
      expect((extra.errors[0] as { data: { code: string } }).data.code).toBe('TOO_MANY_REQUESTS');
      expect(await socket.client.auth.me.query()).toMatchObject({ id: user.user.id });
      for (const e of open) e.stop();
    } finally {
      await socket.close();
    }
  });

  it('the heartbeat reaps a socket whose client stopped answering', async () => {
    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/trpc`);
    await new Promise((resolve) => raw.once('open', resolve));
    // A client that never answers the server's PING.
    const closedAt = await new Promise<number>((resolve) =>
      raw.once('close', () => resolve(Date.now())),
    );
    expect(closedAt).toBeGreaterThan(0);
  });
});

describe('logout ends live subscriptions', () => {
  it('within 1 s, over WebSocket', async () => {
    const { user, session } = await chatSetup();
    const socket = wsClient(server.url, user.accessToken);
    try {
      const events = recordEvents(socket.client, session.id);
      await events.started();
      const started = Date.now();
      await httpClient(server.url, user.accessToken).auth.logout.mutate({
        refreshToken: user.refreshToken,
      });
      await events.until(() => events.errors.length > 0, 1_000);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect((events.errors[0] as { data: { code: string } }).data.code).toBe('UNAUTHORIZED');
    } finally {
      await socket.close();
    }
  });

  it('a subscription of another session family of the same user is not ended', async () => {
    const { user, session } = await chatSetup();
    const other = await httpClient(server.url).auth.login.mutate({
      email: user.email,
      password: user.password,
    });
    const socket = wsClient(server.url, other.accessToken);
    try {
      const events = recordEvents(socket.client, session.id);
      await events.started();
      await httpClient(server.url, user.accessToken).auth.logout.mutate({});
      await sleep(500);
      expect(events.errors).toEqual([]);
      expect(
        (await errorOf(() => httpClient(server.url, user.accessToken).auth.me.query())).data.code,
      ).toBe('UNAUTHORIZED');
    } finally {
      await socket.close();
    }
  });
});

describe('WebSocket limits', () => {
  it('answers every call of an oversized batch with BAD_REQUEST and runs none of them', async () => {
    const { user } = await chatSetup();
    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/trpc?connectionParams=1`);
    await new Promise((resolve) => raw.once('open', resolve));
    raw.send(JSON.stringify({ method: 'connectionParams', data: { token: user.accessToken } }));
    const answers: { id: number; error?: { json: { data: { code: string } } } }[] = [];
    raw.on('message', (data) => answers.push(JSON.parse(String(data))));
    const batch = Array.from({ length: 200 }, (_, i) => ({
      id: i + 1,
      method: 'mutation',
      params: { path: 'conversations.create', input: { json: { title: `batch ${i}` } } },
    }));
    raw.send(JSON.stringify(batch));
    const deadline = Date.now() + 5_000;
    while (answers.length < 200 && Date.now() < deadline) await sleep(20);
    raw.close();
    expect(answers).toHaveLength(200);
    expect(answers.every((a) => a.error?.json.data.code === 'BAD_REQUEST')).toBe(true);
    const http = httpClient(server.url, user.accessToken);
    expect((await http.conversations.list.query({ search: 'batch' })).items).toEqual([]);
  });

  it('refuses more WebSockets per client than allowed, with 429', async () => {
    const limited = await startTestServer({
      label: 'wscap',
      env: { WS_MAX_CONNECTIONS_PER_IP: '3' },
    });
    const open: WebSocket[] = [];
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const ws = new WebSocket(`${limited.url.replace('http', 'ws')}/trpc`);
        ws.on('error', () => {});
        open.push(ws);
        statuses.push(
          await new Promise<number>((resolve) => {
            ws.once('open', () => resolve(101));
            ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          }),
        );
      }
      expect(statuses).toEqual([101, 101, 101, 429, 429]);
      open[0]!.close();
      await sleep(200);
      const again = new WebSocket(`${limited.url.replace('http', 'ws')}/trpc`);
      open.push(again);
      await new Promise((resolve) => again.once('open', resolve));
    } finally {
      for (const ws of open) ws.terminate();
      await limited.close();
    }
  });
});
