import { randomUUID } from 'node:crypto';
import type { Assistant } from '@parley/assistant';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The turn itself, in process: the assistant is swapped for one that waits on the test.
import { sendMessage } from '../../../packages/api/src/chat/send';
import { searchListingsFor } from '../../../packages/api/src/listings-port';
import { wireFormOf } from '../../../packages/api/src/wire';
import {
  errorOf,
  httpClient,
  signUp,
  startTestServer,
  statementsOf,
  type TestServer,
} from './harness';

/**
 * A chat turn is one read before the assistant runs and one statement that writes it all
 * (packages/api/src/chat/turn-sql.ts). These tests read rows back over the test's own
 * connection and check that the one statement keeps everything the transaction kept.
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

describe('round trips', () => {
  it('a plain turn reads once and writes once (plus at most the revocation check)', async () => {
    const { send } = await chat('turn-trips');
    await send('hello');
    const statements = await statementsOf(server, () => send('hello again'));
    const revocation = statements.filter((s) => s.includes('refresh_tokens'));
    const turn = statements.filter((s) => !s.includes('refresh_tokens'));
    expect(revocation.length).toBeLessThanOrEqual(1);
    expect(turn).toHaveLength(2);
    expect(turn[0]).toMatch(/^\s*SELECT/);
    expect(turn[1]).toMatch(/^\s*WITH s AS \(\s*UPDATE sessions/);
    // No transaction statements: the write is one statement, atomic by itself.
    expect(statements.some((s) => /^(START|BEGIN|COMMIT)/i.test(s.trim()))).toBe(false);
  });

  it('a repeated clientMessageId is answered by the read alone', async () => {
    const { send } = await chat('turn-repeat');
    const clientMessageId = randomUUID();
    const first = await send('hello', clientMessageId);
    let again: Awaited<ReturnType<typeof send>> | undefined;
    const statements = await statementsOf(server, async () => {
      again = await send('hello', clientMessageId);
    });
    expect(again).toEqual(first);
    expect(statements.filter((s) => !s.includes('refresh_tokens'))).toHaveLength(1);
  });
});

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
      [first.assistantMessage.id, 'assistant'],
      [second.userMessage.id, 'user'],
      [second.assistantMessage.id, 'assistant'],
    ]);
    expect(rows[0]).toMatchObject({
      content: '  2 bedroom flat in Kyrenia\nwith a pool  ',
      metadata: {},
      reply_to_id: null,
      session_id: session.id,
    });
    expect(rows[1]).toMatchObject({ reply_to_id: first.userMessage.id, client_message_id: null });
    expect((rows[1]!.created_at as Date).getTime()).toBe(
      (rows[0]!.created_at as Date).getTime() + 1,
    );
    expect(rows[1]!.metadata).toEqual(
      JSON.parse(
        JSON.stringify({
          agent: first.reply.agent,
          recommendations: first.reply.recommendations,
          appliedFilters: first.reply.appliedFilters,
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
      last_message_at: second.assistantMessage.createdAt,
      activity_at: second.assistantMessage.createdAt,
      updated_at: second.assistantMessage.createdAt,
    });

    const [s] = await server.db.query<Record<string, unknown>>(
      'SELECT event_seq, last_activity_at, expires_at, updated_at, memory, memory_summary FROM sessions WHERE id = $1',
      [session.id],
    );
    const at = second.userMessage.createdAt.getTime();
    expect(s).toMatchObject({ event_seq: '4', last_activity_at: second.userMessage.createdAt });
    expect((s!.expires_at as Date).getTime() - at).toBe(
      server.parley.services.config.sessionIdleSeconds * 1000,
    );
    const memory = await http.sessions.memory.query({ sessionId: session.id });
    expect(s!.memory).toEqual(memory.facts);
    expect(s!.memory_summary).toBe(memory.summary);
    expect(memory.facts).toMatchObject({ location: expect.any(String), maxPrice: 900 });

    const events = await server.db.query<{ seq: string; type: string }>(
      'SELECT seq, type FROM session_events WHERE session_id = $1 ORDER BY seq',
      [session.id],
    );
    expect(events).toEqual([
      { seq: '1', type: 'message.created' },
      { seq: '2', type: 'assistant.completed' },
      { seq: '3', type: 'message.created' },
      { seq: '4', type: 'assistant.completed' },
    ]);
  });

  it('NUL, which PostgreSQL cannot store, is stored and answered as \\0', async () => {
    const { conversation, send } = await chat('turn-nul');
    const sent = await send('a\u0000b');
    expect(sent.userMessage.content).toBe('a\\0b');
    const [row] = await server.db.query<{ content: string }>(
      `SELECT content FROM messages WHERE conversation_id = $1 AND role = 'user'`,
      [conversation.id],
    );
    expect(row!.content).toBe('a\\0b');
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

  it('concurrent turns of one session get consecutive event numbers, each pair in order', async () => {
    const { session, send } = await chat('turn-race');
    const sent = await Promise.all(Array.from({ length: 8 }, (_, i) => send(`flat ${i}`)));
    const events = await server.db.query<{ seq: string; type: string; id: string }>(
      `SELECT seq, type, payload #>> '{json,message,id}' AS id
       FROM session_events WHERE session_id = $1 ORDER BY seq`,
      [session.id],
    );
    expect(events.map((e) => Number(e.seq))).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    for (let i = 0; i < 16; i += 2) {
      const turn = sent.find((t) => t.userMessage.id === events[i]!.id);
      expect(turn).toBeDefined();
      expect(events[i]!.type).toBe('message.created');
      expect(events[i + 1]).toMatchObject({
        type: 'assistant.completed',
        id: turn!.assistantMessage.id,
      });
    }
    const [counts] = await server.db.query<{ messages: string; message_count: number }>(
      `SELECT (SELECT count(*) FROM messages WHERE session_id = $1) AS messages, c.message_count
       FROM sessions s JOIN conversations c ON c.id = s.conversation_id WHERE s.id = $1`,
      [session.id],
    );
    expect(counts).toEqual({ messages: '16', message_count: 16 });
  });
});

describe('the answer on the wire', () => {
  it('is put together from the events forms, exactly as superjson would serialise it', async () => {
    const setup = await chat('turn-wire');
    const services = server.parley.services;
    const result = await sendMessage(
      {
        services,
        identity: { kind: 'user', userId: setup.user.user.id, role: 'user', familyId: 'x' },
        log: services.logger,
        searchListings: searchListingsFor(services),
      },
      { sessionId: setup.session.id, content: 'flat in Kyrenia', clientMessageId: randomUUID() },
    );
    // Listings (with their Dates) under two paths that share one array: the hard case.
    expect(result.reply.recommendations.length).toBeGreaterThan(0);
    expect(wireFormOf(result)).toEqual(superjson.serialize({ ...result }));
  });
});

describe('a session that stops being usable while the assistant answers', () => {
  /** Calls sendMessage in process with an assistant that runs `meanwhile` before answering. */
  async function sendWhile(
    setup: Awaited<ReturnType<typeof chat>>,
    meanwhile: () => Promise<unknown>,
  ) {
    const services = server.parley.services;
    const assistant: Assistant = {
      ...services.assistant,
      async *reply(input) {
        await meanwhile();
        return yield* services.assistant.reply(input);
      },
    };
    return errorOf(() =>
      sendMessage(
        {
          services: { ...services, assistant },
          identity: { kind: 'user', userId: setup.user.user.id, role: 'user', familyId: 'x' },
          log: services.logger,
          searchListings: async () => ({ items: [], nextCursor: null, total: 0 }),
        } as never,
        { sessionId: setup.session.id, content: 'hello', clientMessageId: randomUUID() },
      ),
    );
  }

  it('ended: PRECONDITION_FAILED and nothing written', async () => {
    const setup = await chat('turn-ended');
    await setup.send('hello');
    const error = await sendWhile(setup, () =>
      setup.http.sessions.end.mutate({ id: setup.session.id }),
    );
    expect((error as unknown as { code: string }).code).toBe('PRECONDITION_FAILED');
    const events = await server.db.query<{ type: string }>(
      'SELECT type FROM session_events WHERE session_id = $1 ORDER BY seq',
      [setup.session.id],
    );
    expect(events.map((e) => e.type)).toEqual([
      'message.created',
      'assistant.completed',
      'session.ended',
    ]);
    const [c] = await server.db.query<{ message_count: number; messages: string }>(
      `SELECT message_count, (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) AS messages
       FROM conversations c WHERE id = $1`,
      [setup.conversation.id],
    );
    expect(c).toEqual({ message_count: 2, messages: '2' });
  });

  it('deleted with its conversation: NOT_FOUND', async () => {
    const setup = await chat('turn-deleted');
    const error = await sendWhile(setup, () =>
      setup.http.conversations.delete.mutate({ id: setup.conversation.id }),
    );
    expect((error as unknown as { code: string }).code).toBe('NOT_FOUND');
  });
});
