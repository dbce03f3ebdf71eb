import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { fanoutEncoder } from '@parley/api';
import type { SessionEvent } from '@parley/validators';
import superjson from 'superjson';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { type Received, recordEvents, typeUntilSeen } from './events';
import { httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

/*
 * Live session events reach WebSocket subscribers through the per-instance fan-out
 * (packages/api/src/events/fanout.ts) once a stream is caught up. These tests hold it to what
 * the tRPC path guarantees: every event once and in order, the same bytes on the wire,
 * resume, stop, the session's end, logout, gaps, slow sockets, and SSE beside it.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    label: 'fanout',
    env: { SEED_DEMO_LISTINGS: '50', WS_MAX_SUBSCRIPTIONS: '12' },
  });
});
afterAll(() => server?.close());
afterEach(() => {
  vi.restoreAllMocks();
});

async function chatSetup() {
  const user = await signUp(httpClient(server.url), 'fanout');
  const http = httpClient(server.url, user.accessToken);
  const { session } = await http.sessions.create.mutate({});
  return { user, http, session };
}

/** Counts data frames tRPC's adapter encodes itself (the fan-out writes its own). */
function countTrpcDataFrames() {
  let count = 0;
  const encode = fanoutEncoder.encode.bind(fanoutEncoder);
  vi.spyOn(fanoutEncoder, 'encode').mockImplementation((message: unknown) => {
    if ((message as { result?: { type?: string } }).result?.type === 'data') count += 1;
    return encode(message);
  });
  return () => count;
}

const send = (http: ReturnType<typeof httpClient>, sessionId: string, content: string) =>
  http.sessions.send.mutate({ sessionId, content, clientMessageId: randomUUID() });

const strip = (received: Received[]) => received.map((r) => ({ id: r.id, event: r.event }));

/** A raw tRPC WebSocket client: the frames exactly as the server wrote them. */
async function rawSocket(token: string) {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/trpc?connectionParams=1`);
  const frames: string[] = [];
  ws.on('message', (data) => {
    const text = String(data);
    if (text === 'PING') ws.send('PONG');
    else if (text !== 'PONG') frames.push(text);
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
  const waitFor = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) {
        const last = frames.slice(-3).map((f) => f.slice(0, 200));
        throw new Error(`timed out waiting for ${what}; ${frames.length} frames, last: ${last}`);
      }
      await sleep(10);
    }
  };
  return {
    ws,
    frames,
    waitFor,
    subscribe(id: number, input: unknown, jsonrpc?: '2.0') {
      ws.send(
        JSON.stringify({
          id,
          ...(jsonrpc ? { jsonrpc } : {}),
          method: 'subscription',
          params: { path: 'sessions.events', input: superjson.serialize(input) },
        }),
      );
      return waitFor(
        () => frames.some((f) => f.startsWith(`{"id":${id},`) && f.includes('"type":"started"')),
        'the subscription to start',
      );
    },
    /** Data frames, by their event id. */
    data(): Map<string, string> {
      const out = new Map<string, string>();
      for (const f of frames) {
        const parsed = JSON.parse(f) as { result?: { type: string; id?: string } };
        if (parsed.result?.type === 'data') out.set(parsed.result.id!, f);
      }
      return out;
    },
    close: () => ws.close(),
  };
}

describe('many subscribers of one session', () => {
  it('each gets every event once and in order, the same as an SSE subscriber, without tRPC per subscriber', async () => {
    const { user, http, session } = await chatSetup();
    const sockets = Array.from({ length: 4 }, () => wsClient(server.url, user.accessToken));
    try {
      const subscribers = sockets.flatMap((s) =>
        Array.from({ length: 10 }, () => recordEvents(s.client, session.id)),
      );
      const sse = recordEvents(http, session.id);
      const all = [...subscribers, sse];
      await Promise.all(all.map((e) => e.started()));
      // The first events go out through tRPC and hand every stream to the fan-out.
      await typeUntilSeen(
        () => http.sessions.typing.mutate({ sessionId: session.id, typing: true }),
        all,
      );
      await sleep(50);

      const trpcFrames = countTrpcDataFrames();
      for (let i = 0; i < 3; i++) {
        await http.sessions.typing.mutate({ sessionId: session.id, typing: i % 2 === 0 });
        await send(http, session.id, `2 bedroom flat in Girne number ${i}`);
      }
      await http.sessions.typing.mutate({ sessionId: session.id, typing: false });
      const done = (e: typeof sse) => () => e.received.at(-1)?.id === '9:1';
      await Promise.all([...subscribers, sse].map((e) => e.until(done(e))));
      await sleep(100);

      // Each turn is three durable events: message.created, run.started, assistant.completed.
      expect(sse.durable().map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
      const deltas = sse.received.filter((r) => r.event.type === 'assistant.delta');
      expect(deltas.length).toBeGreaterThan(0);
      // From the first durable event on, every stream saw the same (how many of the first
      // typing events each caught depends on when it joined).
      const fromFirstTurn = (e: typeof sse) =>
        strip(e.received.filter((r) => !r.id.startsWith('0:')));
      expect(fromFirstTurn(sse)[0]?.id).toBe('1');
      for (const subscriber of subscribers) {
        expect(fromFirstTurn(subscriber)).toEqual(fromFirstTurn(sse));
        expect(subscriber.errors).toEqual([]);
      }
      // Over WebSocket none of those events went through tRPC's per-subscriber path.
      expect(trpcFrames()).toBe(0);
    } finally {
      await Promise.all(sockets.map((s) => s.close()));
    }
  });
});

describe('the fan-out writes what tRPC would', () => {
  it.each([
    ['with jsonrpc', '2.0' as const],
    ['without jsonrpc', undefined],
  ])('the same bytes for ephemeral and durable events (%s)', async (_, jsonrpc) => {
    const { user, http, session } = await chatSetup();
    const live = await rawSocket(user.accessToken);
    const fresh = await rawSocket(user.accessToken);
    try {
      await live.subscribe(7, { sessionId: session.id, lastEventId: null }, jsonrpc);
      await typeUntilSeen(
        () => http.sessions.typing.mutate({ sessionId: session.id, typing: true }),
        [
          {
            get received() {
              return [...live.data().keys()];
            },
          },
        ],
      );
      const seen = live.data().size;
      const trpcFrames = countTrpcDataFrames();
      await http.sessions.typing.mutate({ sessionId: session.id, typing: true });
      await live.waitFor(() => live.data().has(`0:${seen + 1}`), 'the next event');
      // Sent by tRPC (the first), then by the fan-out: identical but for the event id.
      const first = live.data().get('0:1')!;
      expect(live.data().get(`0:${seen + 1}`)).toBe(first.replaceAll('"0:1"', `"0:${seen + 1}"`));
      expect(first.startsWith(jsonrpc ? '{"id":7,"jsonrpc":"2.0",' : '{"id":7,"result"')).toBe(
        true,
      );
      expect(trpcFrames()).toBe(0);
      // A durable event to a live stream (the fan-out) and to a new one (tRPC): same bytes.
      await fresh.subscribe(7, { sessionId: session.id, lastEventId: null }, jsonrpc);
      await http.sessions.end.mutate({ id: session.id });
      await live.waitFor(() => live.data().has('1'), 'session.ended');
      await fresh.waitFor(() => fresh.data().has('1'), 'session.ended');
      expect(trpcFrames()).toBe(1);
      expect(live.data().get('1')).toBe(fresh.data().get('1'));
      expect(live.data().get('1')).toContain('"type":"session.ended"');
    } finally {
      live.close();
      fresh.close();
    }
  });
});

describe('a live stream keeps the tRPC path’s guarantees', () => {
  it('resumes after a dropped socket with every durable event exactly once', async () => {
    const { user, http, session } = await chatSetup();
    const first = wsClient(server.url, user.accessToken);
    const events = recordEvents(first.client, session.id);
    await events.started();
    await send(http, session.id, 'flat in Kyrenia');
    await events.until(() => events.durable().length === 3);
    await first.close();
    await send(http, session.id, 'house in Lapta');
    await send(http, session.id, 'studio in Famagusta');
    const second = wsClient(server.url, user.accessToken);
    try {
      const resumed = recordEvents(second.client, session.id, events.received.at(-1)!.id);
      await resumed.until(() => resumed.durable().length === 6);
      await send(http, session.id, 'penthouse in Nicosia');
      await resumed.until(() => resumed.durable().length === 9);
      expect(resumed.errors).toEqual([]);
      await sleep(100);
      const ids = [...events.durable(), ...resumed.durable()].map((r) => r.id);
      expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    } finally {
      await second.close();
    }
  });

  it('a stopped stream gets nothing more, the others go on, and nothing is left behind', async () => {
    const { user, http, session } = await chatSetup();
    const socket = wsClient(server.url, user.accessToken);
    const bus = server.parley.services.infra.bus;
    const baseline = bus.listenerCount();
    try {
      const streams = Array.from({ length: 12 }, () => recordEvents(socket.client, session.id));
      await Promise.all(streams.map((e) => e.started()));
      await typeUntilSeen(
        () => http.sessions.typing.mutate({ sessionId: session.id, typing: true }),
        streams,
      );
      const [stopped, ...others] = streams;
      stopped!.stop();
      await sleep(100);
      const before = streams.map((e) => e.received.length);
      await http.sessions.typing.mutate({ sessionId: session.id, typing: false });
      await Promise.all(
        others.map((e, i) => e.until(() => e.received.length === before[i + 1]! + 1)),
      );
      await sleep(100);
      expect(stopped!.received).toHaveLength(before[0]!);
      // Its slot is free again: a twelfth stream is allowed on this socket.
      const again = recordEvents(socket.client, session.id, '0');
      await again.started();
      await sleep(100);
      expect(again.errors).toEqual([]);
      for (const e of [...others, again]) e.stop();
      const deadline = Date.now() + 5_000;
      while (bus.listenerCount() !== baseline && Date.now() < deadline) await sleep(20);
      expect(bus.listenerCount()).toBe(baseline);
    } finally {
      await socket.close();
    }
  });

  it('session.ended goes out live and ends the stream', async () => {
    const { user, http, session } = await chatSetup();
    const socket = wsClient(server.url, user.accessToken);
    try {
      const received: string[] = [];
      let started = false;
      let completed = false;
      const waitFor = async (check: () => boolean) => {
        const deadline = Date.now() + 5_000;
        while (!check() && Date.now() < deadline) await sleep(20);
        expect(check()).toBe(true);
      };
      socket.client.sessions.events.subscribe(
        { sessionId: session.id, lastEventId: null },
        {
          onStarted: () => {
            started = true;
          },
          onData: (data) => received.push(`${data.id}:${(data.data as SessionEvent).type}`),
          onComplete: () => {
            completed = true;
          },
        },
      );
      await waitFor(() => started);
      await typeUntilSeen(
        () => http.sessions.typing.mutate({ sessionId: session.id, typing: true }),
        [{ received }],
      );
      const typed = received.length;
      const trpcFrames = countTrpcDataFrames();
      await http.sessions.end.mutate({ id: session.id });
      await waitFor(() => completed);
      expect(received.slice(typed - 1)).toEqual([`0:${typed}:typing`, '1:session.ended']);
      expect(trpcFrames()).toBe(0);
    } finally {
      await socket.close();
    }
  });

  it('a logout ends a live stream; a live stream of another login goes on', async () => {
    const { user, http, session } = await chatSetup();
    const other = await httpClient(server.url).auth.login.mutate({
      email: user.email,
      password: user.password,
    });
    const mine = wsClient(server.url, user.accessToken);
    const theirs = wsClient(server.url, other.accessToken);
    try {
      const ending = recordEvents(mine.client, session.id);
      const going = recordEvents(theirs.client, session.id);
      await Promise.all([ending.started(), going.started()]);
      await typeUntilSeen(
        () => http.sessions.typing.mutate({ sessionId: session.id, typing: true }),
        [ending, going],
      );
      const endingHad = ending.received.length;
      const goingHad = going.received.length;
      await httpClient(server.url, user.accessToken).auth.logout.mutate({
        refreshToken: user.refreshToken,
      });
      await ending.until(() => ending.errors.length > 0);
      expect((ending.errors[0] as { data: { code: string } }).data.code).toBe('UNAUTHORIZED');
      const otherHttp = httpClient(server.url, other.accessToken);
      await otherHttp.sessions.typing.mutate({ sessionId: session.id, typing: false });
      await going.until(() => going.received.length === goingHad + 1);
      expect(ending.received).toHaveLength(endingHad);
      expect(going.received.at(-1)?.id).toBe(`0:${goingHad + 1}`);
      expect(going.errors).toEqual([]);
    } finally {
      await mine.close();
      await theirs.close();
    }
  });

  it('a gap in the live sequence is filled from the database, in order', async () => {
    const { user, http, session } = await chatSetup();
    const socket = wsClient(server.url, user.accessToken);
    try {
      const streams = Array.from({ length: 3 }, () => recordEvents(socket.client, session.id));
      const sse = recordEvents(http, session.id);
      await Promise.all([...streams, sse].map((e) => e.started()));
      await send(http, session.id, 'flat in Girne');
      await Promise.all([...streams, sse].map((e) => e.until(() => e.durable().length === 3)));
      // Two durable events stored; the bus only carries the second (the first was "lost").
      const event = (n: number) => ({
        type: 'message.created' as const,
        message: {
          id: randomUUID(),
          conversationId: session.conversationId,
          role: 'system' as const,
          content: `note ${n}`,
          metadata: {},
          createdAt: new Date(),
        },
      });
      const [four, five] = [event(4), event(5)];
      for (const e of [four, five]) {
        await server.db.query(
          `WITH c AS (UPDATE conversations SET event_seq = event_seq + 1 WHERE id = $1
                      RETURNING id, event_seq)
           INSERT INTO conversation_events (conversation_id, seq, type, payload, created_at)
           SELECT id, event_seq, $2, $3::jsonb, now() FROM c`,
          [session.conversationId, e.type, JSON.stringify(superjson.serialize(e))],
        );
      }
      await server.parley.services.infra.bus.publish(`conversation:${session.conversationId}`, {
        kind: 'durable',
        seq: 5,
        event: superjson.serialize(five),
      });
      await Promise.all([...streams, sse].map((e) => e.until(() => e.durable().length === 5)));
      // ... and the fan-out is back for what follows.
      await send(http, session.id, 'villa in Alsancak');
      await Promise.all([...streams, sse].map((e) => e.until(() => e.durable().length === 8)));
      await sleep(100);
      for (const e of [...streams, sse]) {
        expect(e.durable().map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
        expect(e.durable()[3]!.event).toEqual(four);
        expect(strip(e.received)).toEqual(strip(sse.received));
      }
    } finally {
      await socket.close();
    }
  });

  it('a socket that stops reading is cut off with TOO_MANY_REQUESTS, not buffered without end', async () => {
    const { user, http, session } = await chatSetup();
    const slow = await rawSocket(user.accessToken);
    try {
      await slow.subscribe(1, { sessionId: session.id, lastEventId: null });
      await typeUntilSeen(
        () => http.sessions.typing.mutate({ sessionId: session.id, typing: true }),
        [
          {
            get received() {
              return [...slow.data().keys()];
            },
          },
        ],
      );
      slow.ws.pause();
      // 20 MB of streamed reply pieces, far more than the socket and the kernel hold.
      const published = 320;
      const messageId = randomUUID();
      for (let i = 0; i < published; i++) {
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
      slow.ws.resume();
      await slow.waitFor(
        () => slow.frames.some((f) => f.includes('"error"')),
        'the subscription to be cut off',
      );
      const error = superjson.deserialize<{ message: string; data: { code: string } }>(
        JSON.parse(slow.frames.find((f) => f.includes('"error"'))!).error,
      );
      expect(error.data.code).toBe('TOO_MANY_REQUESTS');
      expect(error.message).toBe('Subscriber fell behind; resume with lastEventId');
      const delivered = [...slow.data().keys()];
      expect(delivered.length).toBeLessThan(published);
      // What did arrive arrived in order, and the socket still serves a resumed stream.
      expect(delivered).toEqual(delivered.map((_, i) => `0:${i + 1}`));
      await slow.subscribe(2, { sessionId: session.id, lastEventId: delivered.at(-1) });
      await http.sessions.typing.mutate({ sessionId: session.id, typing: false });
      await slow.waitFor(
        () => slow.frames.some((f) => f.startsWith('{"id":2,"result":{"type":"data"')),
        'the resumed stream',
      );
    } finally {
      slow.close();
    }
  });
});
