import { randomUUID } from 'node:crypto';
import { placePiece } from '@parley/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConversationEvents, recordEvents } from './events';
import { errorOf, httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ label: 'chat', env: { SEED_DEMO_LISTINGS: '300' } });
});
afterAll(() => server?.close());

async function userClient(label: string) {
  const user = await signUp(httpClient(server.url), label);
  return { user, http: httpClient(server.url, user.accessToken), token: user.accessToken };
}

describe('conversations', () => {
  it('create, get, list newest activity first with search and archive, update, delete', async () => {
    const { http } = await userClient('conv');
    const a = await http.conversations.create.mutate({ title: 'Flats in Girne' });
    const b = await http.conversations.create.mutate({
      title: 'Villas',
      metadata: { source: 'test' },
    });
    expect(a).toMatchObject({
      title: 'Flats in Girne',
      archived: false,
      messageCount: 0,
      lastMessageAt: null,
    });
    expect(a.createdAt).toBeInstanceOf(Date);
    expect((await http.conversations.get.query({ id: b.id })).metadata).toEqual({ source: 'test' });
    const listed = await http.conversations.list.query({});
    expect(listed.items.map((c) => c.id)).toEqual([b.id, a.id]);
    expect(
      (await http.conversations.list.query({ search: 'girne' })).items.map((c) => c.id),
    ).toEqual([a.id]);
    await http.conversations.update.mutate({ id: a.id, archived: true, title: 'Renamed' });
    expect(
      (await http.conversations.list.query({ archived: false })).items.map((c) => c.id),
    ).toEqual([b.id]);
    expect((await http.conversations.list.query({ archived: true })).items[0]).toMatchObject({
      id: a.id,
      title: 'Renamed',
    });
    expect(await http.conversations.delete.mutate({ id: a.id })).toEqual({ ok: true });
    expect((await errorOf(() => http.conversations.get.query({ id: a.id }))).data.code).toBe(
      'NOT_FOUND',
    );
  });

  it('pages with a cursor and never repeats or skips', async () => {
    const { http } = await userClient('page');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push((await http.conversations.create.mutate({ title: `c${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof http.conversations.list.query>> =
        await http.conversations.list.query({ cursor, limit: 3 });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it("another user's conversation is NOT_FOUND everywhere", async () => {
    const a = await userClient('owner');
    const b = await userClient('intruder');
    const conv = await a.http.conversations.create.mutate({});
    for (const call of [
      () => b.http.conversations.get.query({ id: conv.id }),
      () => b.http.conversations.update.mutate({ id: conv.id, title: 'mine' }),
      () => b.http.conversations.delete.mutate({ id: conv.id }),
      () => b.http.conversations.messages.query({ conversationId: conv.id }),
      () => b.http.sessions.create.mutate({ conversationId: conv.id }),
    ]) {
      expect((await errorOf(call)).data.code).toBe('NOT_FOUND');
    }
    // Its stream is refused as the subscription's answer, never reported started first.
    const socket = wsClient(server.url, b.token);
    try {
      const stream = recordConversationEvents(socket.client, conv.id);
      await stream.until(() => stream.errors.length > 0);
      expect((stream.errors[0] as { data?: { code?: string } }).data?.code).toBe('NOT_FOUND');
      expect(stream.wasStarted()).toBe(false);
    } finally {
      await socket.close();
    }
  });
});

describe('ids are validated at every boundary', () => {
  it.each(['undefined', 'null', '', 'abc', '123'])(
    'refuses id %j with BAD_REQUEST naming the field',
    async (bad) => {
      const { http } = await userClient('ids');
      const get = await errorOf(() => http.conversations.get.query({ id: bad }));
      expect(get.data.code).toBe('BAD_REQUEST');
      expect(get.data.fieldErrors).toHaveProperty('id');
      const send = await errorOf(() =>
        http.sessions.send.mutate({ sessionId: bad, content: 'hi', clientMessageId: randomUUID() }),
      );
      expect(send.data.fieldErrors).toHaveProperty('sessionId');
    },
  );

  it('refuses a bad session id on a WebSocket subscription and the socket stays usable', async () => {
    const { token } = await userClient('wsids');
    const socket = wsClient(server.url, token);
    try {
      const events = recordEvents(socket.client, 'undefined');
      await events.until(() => events.errors.length > 0);
      expect(
        (events.errors[0] as { data: { code: string; fieldErrors: object } }).data,
      ).toMatchObject({
        code: 'BAD_REQUEST',
        fieldErrors: { sessionId: expect.any(Array) },
      });
      expect(await socket.client.auth.me.query()).toBeTruthy();
    } finally {
      await socket.close();
    }
  });
});

describe('sessions and live chat', () => {
  it('creates session + conversation in one transaction, rows readable over a separate connection', async () => {
    const { http, user } = await userClient('sess');
    const created = await http.sessions.create.mutate({ endUserId: 'crm-42' });
    expect(created.clientSecret).toMatch(/^cs_/);
    expect(created.session).toMatchObject({
      status: 'active',
      endUserId: 'crm-42',
      conversationId: created.conversation.id,
    });
    const rows = await server.db.query(
      'SELECT s.status, c.user_id FROM sessions s JOIN conversations c ON c.id = s.conversation_id WHERE s.id = $1',
      [created.session.id],
    );
    expect(rows).toEqual([{ status: 'active', user_id: user.user.id }]);
  });

  it('streams message.created, assistant.delta pieces, then assistant.completed over WebSocket', async () => {
    const { http, token } = await userClient('live');
    const { session } = await http.sessions.create.mutate({});
    const socket = wsClient(server.url, token);
    try {
      const events = recordEvents(socket.client, session.id);
      await events.started();
      const result = await http.sessions.send.mutate({
        sessionId: session.id,
        content: '2 bedroom apartment in Girne for long-term rent under 1000',
        clientMessageId: randomUUID(),
      });
      await events.until(() => events.received.some((r) => r.event.type === 'assistant.completed'));
      const types = events.received.map((r) => r.event.type);
      // The reply streams while it is written; the question and the answer then commit
      // together, so message.created comes right before assistant.completed.
      expect(types).toContain('assistant.delta');
      // The question is stored and broadcast first; the run streams its answer after it.
      expect(types.indexOf('message.created')).toBeLessThan(types.indexOf('run.started'));
      expect(types.indexOf('run.started')).toBeLessThan(types.indexOf('assistant.delta'));
      expect(types.lastIndexOf('assistant.delta')).toBeLessThan(
        types.indexOf('assistant.completed'),
      );
      expect(events.durable().map((r) => r.id)).toEqual(['1', '2', '3']);
      // Placed by offset, as clients do: a stream whose subscription landed just after
      // the run started also gets the text so far as one catch-up piece at offset 0.
      let shown = '';
      for (const r of events.received) {
        if (r.event.type === 'assistant.delta') shown = placePiece(shown, r.event);
      }
      expect(shown).toBe(result.reply!.responseText);
      expect(result.reply!.appliedFilters).toMatchObject({
        location: 'Girne',
        rentType: 'long_term',
        maxPrice: 1000,
      });
      expect(result.reply!.recommendations.length).toBeGreaterThan(0);
      for (const listing of result.reply!.recommendations) {
        expect(listing.price).toBeLessThanOrEqual(1000);
        expect(listing.rentType).toBe('long_term');
        expect(listing.createdAt).toBeInstanceOf(Date);
      }
      // Committed: both messages and both durable events are readable over another connection.
      const messages = await server.db.query(
        'SELECT role FROM messages WHERE conversation_id = $1 ORDER BY created_at',
        [result.userMessage.conversationId],
      );
      expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
      const conv = await http.conversations.get.query({ id: result.userMessage.conversationId });
      expect(conv).toMatchObject({
        messageCount: 2,
        title: '2 bedroom apartment in Girne for long-term rent under 1000',
      });
      const history = await http.conversations.messages.query({ conversationId: conv.id });
      expect(history.items[1]?.metadata).toMatchObject({
        agent: 'rules',
        appliedFilters: { location: 'Girne' },
      });
    } finally {
      await socket.close();
    }
  });

  it('is idempotent on clientMessageId, also for concurrent twins', async () => {
    const { http } = await userClient('idem');
    const { session, conversation } = await http.sessions.create.mutate({});
    const clientMessageId = randomUUID();
    const input = {
      sessionId: session.id,
      content: 'villa with a pool in Kyrenia',
      clientMessageId,
    };
    const results = await Promise.all([1, 2, 3, 4].map(() => http.sessions.send.mutate(input)));
    const again = await http.sessions.send.mutate(input);
    for (const r of [...results, again]) {
      expect(r.userMessage.id).toBe(results[0]!.userMessage.id);
      expect(r.assistantMessage!.id).toBe(results[0]!.assistantMessage!.id);
    }
    const rows = await server.db.query(
      'SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1',
      [conversation.id],
    );
    expect(rows[0]?.n).toBe(2);
  });

  it('a repeat writes nothing and is answered even after its session ended; another user gets NOT_FOUND', async () => {
    const { http } = await userClient('idem-ended');
    const { session, conversation } = await http.sessions.create.mutate({});
    const input = {
      sessionId: session.id,
      content: 'flat in Girne',
      clientMessageId: randomUUID(),
    };
    const first = await http.sessions.send.mutate(input);
    const counters = () =>
      server.db.query<Record<string, unknown>>(
        `SELECT c.message_count, c.event_seq, c.updated_at, s.last_activity_at
         FROM conversations c JOIN sessions s ON s.conversation_id = c.id WHERE s.id = $1`,
        [session.id],
      );
    const before = await counters();
    const again = await http.sessions.send.mutate(input);
    expect(again.userMessage).toEqual(first.userMessage);
    expect(again.assistantMessage).toEqual(first.assistantMessage);
    expect(await counters()).toEqual(before);

    await http.sessions.end.mutate({ id: session.id });
    const afterEnd = await http.sessions.send.mutate(input);
    expect(afterEnd.userMessage.id).toBe(first.userMessage.id);
    const closed = await errorOf(() =>
      http.sessions.send.mutate({ ...input, clientMessageId: randomUUID() }),
    );
    expect(closed.data.code).toBe('PRECONDITION_FAILED');

    const stranger = await userClient('idem-stranger');
    const hidden = await errorOf(() => stranger.http.sessions.send.mutate(input));
    expect(hidden.data.code).toBe('NOT_FOUND');
    const rows = await server.db.query(
      'SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1',
      [conversation.id],
    );
    expect(rows[0]?.n).toBe(2);
  });

  it('the client secret opens its one session only, over HTTP and WebSocket', async () => {
    const { http } = await userClient('secret');
    const mine = await http.sessions.create.mutate({});
    const other = await http.sessions.create.mutate({});
    const widget = httpClient(server.url, mine.clientSecret);
    expect((await widget.sessions.get.query({ id: mine.session.id })).id).toBe(mine.session.id);
    const sent = await widget.sessions.send.mutate({
      sessionId: mine.session.id,
      content: 'hello',
      clientMessageId: randomUUID(),
    });
    expect(sent.reply!.responseText.length).toBeGreaterThan(0);
    expect(await widget.sessions.memory.query({ sessionId: mine.session.id })).toHaveProperty(
      'facts',
    );
    expect(
      (await errorOf(() => widget.sessions.get.query({ id: other.session.id }))).data.code,
    ).toBe('NOT_FOUND');
    expect((await errorOf(() => widget.conversations.list.query({}))).data.code).toBe('FORBIDDEN');
    expect(
      (await errorOf(() => widget.sessions.end.mutate({ id: mine.session.id }))).data.code,
    ).toBe('FORBIDDEN');
    const socket = wsClient(server.url, mine.clientSecret);
    try {
      const events = recordEvents(socket.client, mine.session.id);
      await events.started();
      const denied = recordEvents(socket.client, other.session.id);
      await denied.until(() => denied.errors.length > 0);
      expect((denied.errors[0] as { data: { code: string } }).data.code).toBe('NOT_FOUND');
    } finally {
      await socket.close();
    }
  });

  it('ending a session (three calls at once) notifies subscribers once and later sends are PRECONDITION_FAILED', async () => {
    const { http, token } = await userClient('end');
    const { session } = await http.sessions.create.mutate({});
    const socket = wsClient(server.url, token);
    try {
      const events = recordEvents(socket.client, session.id);
      await events.started();
      const ended = await Promise.all(
        [1, 2, 3].map(() => http.sessions.end.mutate({ id: session.id })),
      );
      expect(ended.map((s) => s.status)).toEqual(['ended', 'ended', 'ended']);
      await events.until(() => events.received.some((r) => r.event.type === 'session.ended'));
      const stored = await server.db.query<{ reason: string }>(
        `SELECT payload #>> '{json,reason}' AS reason FROM conversation_events
         WHERE conversation_id = $1 AND type = 'session.ended'`,
        [session.conversationId],
      );
      expect(stored).toEqual([{ reason: 'ended by owner' }]);
      const error = await errorOf(() =>
        http.sessions.send.mutate({
          sessionId: session.id,
          content: 'hi',
          clientMessageId: randomUUID(),
        }),
      );
      expect(error.data.code).toBe('PRECONDITION_FAILED');
      expect(
        (await http.sessions.list.query({ status: 'ended' })).items.map((s) => s.id),
      ).toContain(session.id);
    } finally {
      await socket.close();
    }
  });

  it('follow-ups use the session memory', async () => {
    const { http } = await userClient('memory');
    const { session } = await http.sessions.create.mutate({});
    const send = (content: string) =>
      http.sessions.send.mutate({ sessionId: session.id, content, clientMessageId: randomUUID() });
    await send('2 bedroom flat in Kyrenia to rent under 900');
    const second = await send('what about Famagusta?');
    expect(second.reply!.appliedFilters).toMatchObject({
      location: 'Gazimağusa',
      rentType: 'long_term',
      maxPrice: 900,
    });
    const memory = await http.sessions.memory.query({ sessionId: session.id });
    expect(memory.facts).toMatchObject({ location: 'Gazimağusa' });
    expect(memory.summary.length).toBeGreaterThan(0);
  });
});

describe('resume', () => {
  it('a client reconnecting with lastEventId gets every durable event after it exactly once (SSE too)', async () => {
    const { http, token } = await userClient('resume');
    const { session } = await http.sessions.create.mutate({});
    for (const content of ['hello', 'flat in Lefkosa', 'with parking']) {
      await http.sessions.send.mutate({
        sessionId: session.id,
        content,
        clientMessageId: randomUUID(),
      });
    }
    const sse = httpClient(server.url, token);
    const all = recordEvents(sse, session.id, '0');
    await all.until(() => all.durable().length === 9);
    expect(all.durable().map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    all.stop();
    const fromFive = recordEvents(sse, session.id, '5');
    await fromFive.until(() => fromFive.durable().length === 4);
    await new Promise((r) => setTimeout(r, 200));
    expect(fromFive.durable().map((r) => r.id)).toEqual(['6', '7', '8', '9']);
    expect(fromFive.received[0]?.event.type).toBe('assistant.completed');
    fromFive.stop();
  });
});

describe('idle expiry', () => {
  // One server sweeping every second for both tests; each signs up its own person.
  let expiring: TestServer;
  beforeAll(async () => {
    expiring = await startTestServer({
      label: 'expiry',
      env: { SESSION_SWEEP_INTERVAL_SECONDS: '1' },
    });
  });
  afterAll(async () => {
    await expiring?.close();
  });

  it('expires a backlog larger than a page (252 idle sessions on two conversations) each once, one session.ended each, in order', async () => {
    const user = await signUp(httpClient(expiring.url), 'backlog');
    // What the server's sweeps say they expired, from here on.
    const counted = () =>
      expiring.logs
        .filter((line) => line.msg === 'idle sessions expired')
        .reduce((sum, line) => sum + Number(line.expired), 0);
    const before = counted();
    const http = httpClient(expiring.url, user.accessToken);
    const first = (await http.sessions.create.mutate({})).session;
    const second = (await http.sessions.create.mutate({})).session;
    // Copies of each session (other tabs on the same conversation), all idle too long.
    const copy = (sessionId: string, count: number) =>
      expiring.db.query(
        `INSERT INTO sessions
         SELECT r.* FROM sessions s, generate_series(1, $2::int) AS g,
           -- g makes the uuid one per row, not one for the statement.
           LATERAL jsonb_populate_record(s, jsonb_build_object('id', gen_random_uuid(), 'g', g)) r
         WHERE s.id = $1`,
        [sessionId, count],
      );
    await copy(first.id, 220);
    await copy(second.id, 30);
    await expiring.db.query(
      "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1",
      [user.user.id],
    );
    const active = async () =>
      Number(
        (
          await expiring.db.query<{ n: string }>(
            "SELECT count(*) AS n FROM sessions WHERE user_id = $1 AND status = 'active'",
            [user.user.id],
          )
        )[0]?.n,
      );
    for (let tries = 0; tries < 600 && (await active()) > 0; tries++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await active()).toBe(0);
    // Each session counted once by the sweeps that expired them, page after page (a
    // sweep logs when it has finished, which may be after the last session expired).
    for (let tries = 0; tries < 600 && counted() - before < 252; tries++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(counted() - before).toBe(252);
    for (const [session, count] of [
      [first, 221],
      [second, 31],
    ] as const) {
      const events = await expiring.db.query<{ seq: string; session_id: string }>(
        `SELECT seq, session_id FROM conversation_events
         WHERE conversation_id = $1 AND type = 'session.ended' ORDER BY seq`,
        [session.conversationId],
      );
      expect(events).toHaveLength(count);
      expect(new Set(events.map((e) => e.session_id)).size).toBe(count);
      const seqs = events.map((e) => Number(e.seq));
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    }
  });

  it('moves lastActivityAt on each message, and the sweep expires an idle session and tells subscribers', async () => {
    const user = await signUp(httpClient(expiring.url), 'idle');
    const http = httpClient(expiring.url, user.accessToken);
    const { session } = await http.sessions.create.mutate({});
    await new Promise((r) => setTimeout(r, 20));
    await http.sessions.send.mutate({
      sessionId: session.id,
      content: 'hello',
      clientMessageId: randomUUID(),
    });
    const active = await http.sessions.get.query({ id: session.id });
    expect(active.lastActivityAt.getTime()).toBeGreaterThan(session.lastActivityAt.getTime());
    expect(active.expiresAt.getTime()).toBeGreaterThan(session.expiresAt.getTime());
    const socket = wsClient(expiring.url, user.accessToken);
    try {
      const events = recordEvents(socket.client, session.id);
      await events.until(() => events.durable().length === 3);
      // Pretend the idle timeout passed; the next sweep must notice.
      await expiring.db.query(
        "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1",
        [session.id],
      );
      await events.until(
        () => events.received.some((r) => r.event.type === 'session.ended'),
        5_000,
      );
      const ended = events.received.find((r) => r.event.type === 'session.ended');
      expect(ended?.event).toEqual({
        type: 'session.ended',
        sessionId: session.id,
        reason: 'expired',
      });
      expect(ended?.id).toBe('4');
      expect((await http.sessions.get.query({ id: session.id })).status).toBe('expired');
      const error = await errorOf(() =>
        http.sessions.send.mutate({
          sessionId: session.id,
          content: 'still there?',
          clientMessageId: randomUUID(),
        }),
      );
      expect(error.data.code).toBe('PRECONDITION_FAILED');
    } finally {
      await socket.close();
    }
  });
});
