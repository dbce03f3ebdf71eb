import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from './events';
import { httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

/**
 * A chat turn is a user message (stored with `message.created` at once) plus a run (the
 * assistant's work, `run.started` then `assistant.completed`). These tests read rows back
 * over the test's own connection.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ label: 'turn', env: { SEED_DEMO_LISTINGS: '50' } });
});
afterAll(() => server?.close());

async function chat(label: string) {
  const user = await signUp(httpClient(server.url), label);
  const http = httpClient(server.url, user.accessToken);
  const { session, conversation } = await http.sessions.create.mutate({});
  const send = (content: string, clientMessageId = randomUUID()) =>
    http.sessions.send.mutate({ sessionId: session.id, content, clientMessageId });
  return { user, http, session, conversation, send };
}

describe('what a turn writes', () => {
  it('messages, counters, title, activity, expiry, memory and events, as the transaction did', async () => {
    const { session, conversation, send, http } = await chat('turn-rows');
    const first = await send('  2 bedroom flat in Kyrenia\nwith a pool  ');
    const second = await send('under 900');
    const rows = await server.db.query<Record<string, unknown>>(
      `SELECT id, role, content, metadata, client_message_id, reply_to_id, session_id,
              created_at, updated_at
       FROM messages WHERE conversation_id = $1 ORDER BY created_at, id`,
      [conversation.id],
    );
    expect(rows.map((r) => [r.id, r.role])).toEqual([
      [first.userMessage.id, 'user'],
      [first.assistantMessage!.id, 'assistant'],
      [second.userMessage.id, 'user'],
      [second.assistantMessage!.id, 'assistant'],
    ]);
    expect(rows[0]).toMatchObject({
      content: '  2 bedroom flat in Kyrenia\nwith a pool  ',
      metadata: {},
      reply_to_id: null,
      session_id: session.id,
    });
    expect(rows[1]).toMatchObject({ reply_to_id: first.userMessage.id, client_message_id: null });
    expect((rows[1]!.created_at as Date).getTime()).toBeGreaterThanOrEqual(
      (rows[0]!.created_at as Date).getTime(),
    );
    expect(rows[1]!.metadata).toEqual(
      JSON.parse(
        JSON.stringify({
          agent: first.reply!.agent,
          recommendations: first.reply!.recommendations,
          appliedFilters: first.reply!.appliedFilters,
          language: first.reply!.language,
        }),
      ),
    );
    // What the client got is what a later read returns.
    const page = await http.conversations.messages.query({ conversationId: conversation.id });
    expect(page.items).toEqual([
      first.userMessage,
      first.assistantMessage,
      second.userMessage,
      second.assistantMessage,
    ]);

    const [c] = await server.db.query<Record<string, unknown>>(
      'SELECT title, message_count, last_message_at, activity_at, updated_at FROM conversations WHERE id = $1',
      [conversation.id],
    );
    expect(c).toEqual({
      // The first user message named it; the second did not rename it.
      title: '2 bedroom flat in Kyrenia',
      message_count: 4,
      last_message_at: second.assistantMessage!.createdAt,
      activity_at: second.assistantMessage!.createdAt,
      updated_at: second.assistantMessage!.createdAt,
    });

    const [s] = await server.db.query<Record<string, unknown>>(
      `SELECT c.event_seq, s.last_activity_at, s.expires_at, s.updated_at, c.memory, c.memory_summary
       FROM sessions s JOIN conversations c ON c.id = s.conversation_id WHERE s.id = $1`,
      [session.id],
    );
    expect(s).toMatchObject({ event_seq: '6' });
    expect((s!.expires_at as Date).getTime() - (s!.last_activity_at as Date).getTime()).toBe(
      server.parley.services.config.sessionIdleSeconds * 1000,
    );
    const memory = await http.sessions.memory.query({ sessionId: session.id });
    expect(s!.memory).toEqual(memory.facts);
    expect(s!.memory_summary).toBe(memory.summary);
    expect(memory.facts).toMatchObject({ location: expect.any(String), maxPrice: 900 });

    const events = await server.db.query<{ seq: string; type: string }>(
      'SELECT seq, type FROM conversation_events WHERE conversation_id = $1 ORDER BY seq',
      [conversation.id],
    );
    expect(events).toEqual([
      { seq: '1', type: 'message.created' },
      { seq: '2', type: 'run.started' },
      { seq: '3', type: 'assistant.completed' },
      { seq: '4', type: 'message.created' },
      { seq: '5', type: 'run.started' },
      { seq: '6', type: 'assistant.completed' },
    ]);
  });

  it('a waited send answers with what its events carried, over HTTP and WebSocket, dates as dates', async () => {
    const { user, http, session, send } = await chat('turn-answer');
    const socket = wsClient(server.url, user.accessToken);
    try {
      const events = recordEvents(socket.client, session.id);
      await events.started();
      const viaHttp = await send('2 bedroom flat in Kyrenia');
      const viaWs = await socket.client.sessions.send.mutate({
        sessionId: session.id,
        content: 'with a pool',
        clientMessageId: randomUUID(),
      });
      await events.until(
        () => events.received.filter((r) => r.event.type === 'assistant.completed').length === 2,
      );
      const completed = events.received.flatMap((r) =>
        r.event.type === 'assistant.completed' ? [r.event] : [],
      );
      const created = events.received.flatMap((r) =>
        r.event.type === 'message.created' ? [r.event.message] : [],
      );
      for (const [i, answer] of [viaHttp, viaWs].entries()) {
        const event = completed[i]!;
        expect(answer.userMessage).toEqual(created[i]);
        expect(answer.run).toEqual(event.run);
        expect(answer.assistantMessage).toEqual(event.message);
        expect(answer.reply).toEqual(event.reply);
        expect(answer.run!.finishedAt).toBeInstanceOf(Date);
        expect(answer.reply!.recommendations.length).toBeGreaterThan(0);
        for (const listing of answer.reply!.recommendations) {
          expect(listing.createdAt).toBeInstanceOf(Date);
          expect(listing.updatedAt).toBeInstanceOf(Date);
        }
      }
      // And what a later read gives.
      const page = await http.conversations.messages.query({
        conversationId: session.conversationId,
      });
      expect(page.items.slice(-1)).toEqual([viaWs.assistantMessage]);
    } finally {
      await socket.close();
    }
  });

  it('a title already set is kept', async () => {
    const user = await signUp(httpClient(server.url), 'turn-title');
    const http = httpClient(server.url, user.accessToken);
    const conversation = await http.conversations.create.mutate({ title: 'Mine' });
    const { session } = await http.sessions.create.mutate({ conversationId: conversation.id });
    await http.sessions.send.mutate({
      sessionId: session.id,
      content: 'villa in Bellapais',
      clientMessageId: randomUUID(),
    });
    expect((await http.conversations.get.query({ id: conversation.id })).title).toBe('Mine');
  });

  it('concurrent sends get consecutive event numbers; their runs go one at a time, in message order', async () => {
    const { session, send } = await chat('turn-race');
    const sent = await Promise.all(Array.from({ length: 8 }, (_, i) => send(`flat ${i}`)));
    const events = await server.db.query<{ seq: string; type: string; id: string; run: string }>(
      `SELECT seq, type, payload #>> '{json,message,id}' AS id,
              payload #>> '{json,run,userMessageId}' AS run
       FROM conversation_events WHERE session_id = $1 ORDER BY seq`,
      [session.id],
    );
    expect(events.map((e) => Number(e.seq))).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    const asked = events.filter((e) => e.type === 'message.created').map((e) => e.id);
    const started = events.filter((e) => e.type === 'run.started').map((e) => e.run);
    const answered = events.filter((e) => e.type === 'assistant.completed').map((e) => e.run);
    expect(started).toEqual(asked);
    expect(answered).toEqual(asked);
    // One at a time: each run.started comes after the previous run's assistant.completed.
    const lifecycle = events.filter((e) => e.type !== 'message.created').map((e) => e.type);
    expect(lifecycle).toEqual(
      Array.from({ length: 8 }, () => ['run.started', 'assistant.completed']).flat(),
    );
    for (const turn of sent) expect(turn.run?.status).toBe('completed');
    const [counts] = await server.db.query<{ messages: string; message_count: number }>(
      `SELECT (SELECT count(*) FROM messages WHERE session_id = $1) AS messages, c.message_count
       FROM sessions s JOIN conversations c ON c.id = s.conversation_id WHERE s.id = $1`,
      [session.id],
    );
    expect(counts).toEqual({ messages: '16', message_count: 16 });
  });
});
