import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { recordEvents, typeUntilSeen } from './events';
import { httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

/**
 * The caps on live streams answer like every other limit: TOO_MANY_REQUESTS with
 * `data.retryAfter` (seconds), and a message that names what is counted on that transport.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    label: 'stream-limits',
    env: {
      WS_MAX_SUBSCRIPTIONS: '2',
      SSE_MAX_SUBSCRIPTIONS_PER_CLIENT: '2',
      SSE_MAX_STREAMS_PER_IP: '3',
    },
  });
});
afterAll(() => server?.close());

type Refusal = { message: string; data?: { code?: string; retryAfter?: number } };

/** A stream has started and had a moment to be refused (SSE may start before refusing). */
async function settled(events: ReturnType<typeof recordEvents>) {
  await Promise.race([events.started(), events.until(() => events.errors.length > 0)]);
  await new Promise((r) => setTimeout(r, 300));
}

async function personWithSession(label: string) {
  const person = await signUp(httpClient(server.url), label);
  const client = httpClient(server.url, person.accessToken);
  const { session } = await client.sessions.create.mutate({});
  return { person, client, session };
}

describe('stream caps answer with retryAfter', () => {
  it('over WebSocket: subscriptions per connection', async () => {
    const { person, session } = await personWithSession('ws-cap');
    const socket = wsClient(server.url, person.accessToken);
    try {
      const open = [
        recordEvents(socket.client, session.id),
        recordEvents(socket.client, session.id),
      ];
      await Promise.all(open.map((e) => e.started()));
      const extra = recordEvents(socket.client, session.id);
      await extra.until(() => extra.errors.length > 0);
      const refusal = extra.errors[0] as Refusal;
      expect(refusal.data?.code).toBe('TOO_MANY_REQUESTS');
      expect(refusal.message).toMatch(/^At most 2 subscriptions per connection/);
      expect(refusal.data?.retryAfter).toBeGreaterThan(0);
      // The refusal is the subscription's answer: it was never reported started.
      expect(extra.wasStarted()).toBe(false);
      for (const e of open) e.stop();
    } finally {
      await socket.close();
    }
  });

  it('over SSE: streams per client, then per address, each worded for what it counts', async () => {
    const first = await personWithSession('sse-cap-1');
    const second = await personWithSession('sse-cap-2');
    const streams: ReturnType<typeof recordEvents>[] = [];
    const open = async (who: typeof first) => {
      const events = recordEvents(who.client, who.session.id);
      streams.push(events);
      await settled(events);
      return events;
    };
    try {
      await open(first);
      await open(first);
      const perClient = (await open(first)).errors[0] as Refusal;
      expect(perClient.data?.code).toBe('TOO_MANY_REQUESTS');
      // An SSE client is a credential from one address, not a connection.
      expect(perClient.message).toMatch(/^At most 2 live streams per client/);
      expect(perClient.message).not.toMatch(/connection/);
      expect(perClient.data?.retryAfter).toBeGreaterThan(0);
      await open(second);
      const perAddress = (await open(second)).errors[0] as Refusal;
      expect(perAddress.data?.code).toBe('TOO_MANY_REQUESTS');
      expect(perAddress.message).toMatch(/^At most 3 live streams from one address/);
      expect(perAddress.data?.retryAfter).toBeGreaterThan(0);
      expect(streams.flatMap((s) => s.errors)).toHaveLength(2);
    } finally {
      for (const s of streams) s.stop();
    }
  });

  it('over WebSocket: a subscriber cut off for falling behind is told to resume in a second', async () => {
    const { person, client, session } = await personWithSession('slow');
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/trpc?connectionParams=1`);
    const frames: string[] = [];
    ws.on('message', (data) => {
      const text = String(data);
      if (text === 'PING') ws.send('PONG');
      else if (text !== 'PONG') frames.push(text);
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const until = async (check: () => boolean) => {
      const deadline = Date.now() + 15_000;
      while (!check() && Date.now() < deadline) await sleep(10);
      expect(check()).toBe(true);
    };
    try {
      ws.send(JSON.stringify({ method: 'connectionParams', data: { token: person.accessToken } }));
      ws.send(
        JSON.stringify({
          id: 1,
          method: 'subscription',
          params: {
            path: 'sessions.events',
            input: superjson.serialize({ sessionId: session.id, lastEventId: null }),
          },
        }),
      );
      // Live: a typing event reaches it, so what follows goes through the fan-out.
      const data = () => frames.filter((f) => f.includes('"type":"data"'));
      await typeUntilSeen(
        () => client.sessions.typing.mutate({ sessionId: session.id, typing: true }),
        [
          {
            get received() {
              return data();
            },
          },
        ],
      );
      ws.pause();
      // 20 MB of reply pieces, far more than the socket and the kernel hold.
      const messageId = randomUUID();
      for (let i = 0; i < 320; i++) {
        await server.parley.services.infra.bus.publish(`conversation:${session.conversationId}`, {
          kind: 'ephemeral',
          afterSeq: 0,
          event: superjson.serialize({
            type: 'assistant.delta',
            messageId,
            delta: `${i} ${'x'.repeat(64 * 1024)}`,
          }),
        });
      }
      await sleep(500);
      ws.resume();
      await until(() => frames.some((f) => f.includes('"error"')));
      const error = superjson.deserialize<Refusal>(
        JSON.parse(frames.find((f) => f.includes('"error"'))!).error,
      );
      expect(error.data?.code).toBe('TOO_MANY_REQUESTS');
      expect(error.message).toBe('Subscriber fell behind; resume with lastEventId');
      expect(error.data?.retryAfter).toBe(1);
    } finally {
      ws.terminate();
    }
  });
});
