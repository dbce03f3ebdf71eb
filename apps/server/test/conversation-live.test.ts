import { randomUUID } from 'node:crypto';
import type { ConversationEvent } from '@parley/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from './events';
import {
  type Client,
  errorOf,
  httpClient,
  signUp,
  startTestServer,
  type TestServer,
  wsClient,
} from './harness';

/**
 * The conversation is the live unit: every session on it (two tabs, a widget with its
 * client secret) gets the same ordered events, a new session starts from the
 * conversation's memory, and a signed-in client can follow the conversation itself.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    label: 'conversation-live',
    env: { SEED_DEMO_LISTINGS: '300' },
  });
});
afterAll(() => server?.close());

async function userClient(label: string) {
  const user = await signUp(httpClient(server.url), label);
  return { user, http: httpClient(server.url, user.accessToken), token: user.accessToken };
}

/** Records a conversation's own stream (conversations.events). */
function recordConversation(client: Client, conversationId: string, lastEventId?: string) {
  const received: { id: string; event: ConversationEvent }[] = [];
  const errors: unknown[] = [];
  const subscription = client.conversations.events.subscribe(
    { conversationId, lastEventId: lastEventId ?? null },
    {
      onData: (data) => received.push({ id: data.id, event: data.data as ConversationEvent }),
      onError: (error) => errors.push(error),
    },
  );
  const until = async (check: () => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (errors.length > 0) throw errors[0];
      if (Date.now() > deadline) {
        throw new Error(`timed out; got ${received.map((r) => `${r.id}:${r.event.type}`)}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return {
    received,
    errors,
    until,
    durable: () => received.filter((r) => !r.id.includes(':')),
    stop: () => subscription.unsubscribe(),
  };
}

const summary = (rs: { id: string; event: ConversationEvent }[]) =>
  rs.map((r) => `${r.id}:${r.event.type}`);

describe('the conversation is the live unit', () => {
  it('two tabs (WebSocket and SSE) and a widget see each other’s messages, in one order', async () => {
    const { http, token } = await userClient('tabs');
    const first = await http.sessions.create.mutate({});
    const conversationId = first.conversation.id;
    const second = await http.sessions.create.mutate({ conversationId });
    const widget = await http.sessions.create.mutate({ conversationId });
    const socket = wsClient(server.url, token);
    const widgetHttp = httpClient(server.url, widget.clientSecret);
    try {
      const tabA = recordEvents(socket.client, first.session.id);
      const tabB = recordEvents(http, second.session.id);
      const widgetEvents = recordEvents(widgetHttp, widget.session.id);
      await Promise.all([tabA.started(), tabB.started(), widgetEvents.started()]);
      const fromA = await socket.client.sessions.send.mutate({
        sessionId: first.session.id,
        content: 'villa in Esentepe with a pool',
        clientMessageId: randomUUID(),
      });
      const fromWidget = await widgetHttp.sessions.send.mutate({
        sessionId: widget.session.id,
        content: 'under 3000 please',
        clientMessageId: randomUUID(),
      });
      for (const stream of [tabA, tabB, widgetEvents]) {
        await stream.until(() => stream.durable().length === 6);
      }
      const expected = ['1:message.created', '2:run.started', '3:assistant.completed'];
      expected.push('4:message.created', '5:run.started', '6:assistant.completed');
      expect(summary(tabA.durable())).toEqual(expected);
      expect(summary(tabB.durable())).toEqual(expected);
      expect(summary(widgetEvents.durable())).toEqual(expected);
      const created = tabB.durable()[3]!.event;
      expect(created).toMatchObject({
        type: 'message.created',
        message: { id: fromWidget.userMessage.id, content: 'under 3000 please' },
      });
      expect(tabB.durable()[2]!.event).toMatchObject({
        message: { id: fromA.assistantMessage!.id },
      });
      // Dates come through the live path as Dates, on the socket as over SSE.
      for (const stream of [tabA, tabB]) {
        const [created, started, completed] = stream.durable().map((r) => r.event) as {
          message?: { createdAt: unknown };
          run?: { createdAt: unknown; startedAt: unknown };
        }[];
        expect(created!.message!.createdAt).toBeInstanceOf(Date);
        expect(started!.run!.startedAt).toBeInstanceOf(Date);
        expect(completed!.message!.createdAt).toBeInstanceOf(Date);
      }
      // The assistant's pieces reach every tab too, not only the one that asked.
      expect(tabB.received.some((r) => r.event.type === 'assistant.delta')).toBe(true);
      tabA.stop();
      tabB.stop();
      widgetEvents.stop();
    } finally {
      await socket.close();
    }
  });

  it('ending one session ends only the streams opened through it', async () => {
    const { http } = await userClient('end-one');
    const first = await http.sessions.create.mutate({});
    const second = await http.sessions.create.mutate({ conversationId: first.conversation.id });
    const a = recordEvents(http, first.session.id);
    const b = recordEvents(http, second.session.id);
    await Promise.all([a.started(), b.started()]);
    await http.sessions.end.mutate({ id: first.session.id });
    await a.until(() => a.durable().length === 1);
    await b.until(() => b.durable().length === 1);
    expect(b.durable()[0]!.event).toEqual({
      type: 'session.ended',
      sessionId: first.session.id,
      reason: 'ended by owner',
    });
    await http.sessions.send.mutate({
      sessionId: second.session.id,
      content: 'flat in Kyrenia',
      clientMessageId: randomUUID(),
    });
    await b.until(() => b.durable().length === 4);
    // The ended session's stream is over: it got nothing after its own end.
    expect(summary(a.received)).toEqual(['1:session.ended']);
    b.stop();
  });

  it('a new session starts from the conversation’s memory; a person can correct it', async () => {
    const { http } = await userClient('memory');
    const first = await http.sessions.create.mutate({});
    const conversationId = first.conversation.id;
    await http.sessions.send.mutate({
      sessionId: first.session.id,
      content: '2 bedroom flat in Kyrenia to rent under 900',
      clientMessageId: randomUUID(),
    });
    // A reload: a new session on the same conversation.
    const second = await http.sessions.create.mutate({ conversationId });
    const inherited = await http.sessions.memory.query({ sessionId: second.session.id });
    expect(inherited.facts).toMatchObject({ rentType: 'long_term', maxPrice: 900 });
    expect(await http.conversations.memory.query({ conversationId })).toEqual(inherited);
    const followUp = await http.sessions.send.mutate({
      sessionId: second.session.id,
      content: 'what about Famagusta?',
      clientMessageId: randomUUID(),
    });
    expect(followUp.reply!.appliedFilters).toMatchObject({
      location: 'Gazimağusa',
      rentType: 'long_term',
      maxPrice: 900,
    });

    // The person removes the price chip: the next reply no longer limits the price.
    const corrected = await http.conversations.updateMemory.mutate({
      conversationId,
      facts: { location: 'Gazimağusa', rentType: 'long_term' },
    });
    expect(corrected.facts).toEqual({ location: 'Gazimağusa', rentType: 'long_term' });
    const next = await http.sessions.send.mutate({
      sessionId: first.session.id,
      content: 'any with a garden?',
      clientMessageId: randomUUID(),
    });
    expect(next.reply!.appliedFilters.maxPrice).toBeUndefined();
    expect(next.reply!.appliedFilters).toMatchObject({ location: 'Gazimağusa' });

    const bad = await errorOf(() =>
      http.conversations.updateMemory.mutate({
        conversationId,
        facts: { maxPrice: -5 } as never,
      }),
    );
    expect(bad.data.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('maxPrice');
    // Checked as a saved search is: a misspelt key is named, not dropped (which replaced
    // the memory with nothing), and so are an unknown place and a range upside down.
    for (const [facts, field] of [
      [{ locaton: 'Girne' }, 'facts'],
      [{ location: 'Atlantis' }, 'facts.location'],
      [{ excludeLocations: ['Girne', 'Atlantis'] }, 'facts.excludeLocations.1'],
      [{ minBedrooms: 5, maxBedrooms: 1 }, 'facts.minBedrooms'],
      [{ minPrice: 900, maxPrice: 100 }, 'facts.minPrice'],
    ] as const) {
      const refused = await errorOf(() =>
        http.conversations.updateMemory.mutate({ conversationId, facts: facts as never }),
      );
      expect(refused.data.code, field).toBe('BAD_REQUEST');
      expect(Object.keys(refused.data.fieldErrors ?? {}), field).toEqual([field]);
    }
    expect((await http.conversations.memory.query({ conversationId })).facts).toMatchObject({
      location: 'Gazimağusa',
    });
    // Emptying it is a correction too: every chip removed.
    const emptied = await http.conversations.updateMemory.mutate({ conversationId, facts: {} });
    expect(emptied.facts).toEqual({});
  });

  it('conversations.events follows the conversation for its owner, resumable, and no one else', async () => {
    const { http, token } = await userClient('conv-events');
    const { session, conversation, clientSecret } = await http.sessions.create.mutate({});
    const socket = wsClient(server.url, token);
    try {
      const live = recordConversation(socket.client, conversation.id);
      await new Promise((r) => setTimeout(r, 100));
      for (const content of ['flat in Kyrenia', 'with a pool']) {
        await http.sessions.send.mutate({
          sessionId: session.id,
          content,
          clientMessageId: randomUUID(),
        });
      }
      await live.until(() => live.durable().length === 6);
      expect(summary(live.durable())).toEqual([
        '1:message.created',
        '2:run.started',
        '3:assistant.completed',
        '4:message.created',
        '5:run.started',
        '6:assistant.completed',
      ]);
      live.stop();
      // Resuming after event 3 over SSE gets 4 to 6, exactly once.
      const resumed = recordConversation(http, conversation.id, '3');
      await resumed.until(() => resumed.durable().length === 3);
      await new Promise((r) => setTimeout(r, 200));
      expect(summary(resumed.durable())).toEqual([
        '4:message.created',
        '5:run.started',
        '6:assistant.completed',
      ]);
      resumed.stop();

      const stranger = await userClient('stranger');
      const foreign = recordConversation(stranger.http, conversation.id);
      await expect(foreign.until(() => false, 5_000)).rejects.toMatchObject({
        data: { code: 'NOT_FOUND' },
      });
      foreign.stop();
      const widget = recordConversation(httpClient(server.url, clientSecret), conversation.id);
      await expect(widget.until(() => false, 5_000)).rejects.toMatchObject({
        data: { code: 'FORBIDDEN' },
      });
      widget.stop();
    } finally {
      await socket.close();
    }
  });

  it('refuses a lastEventId the stream never sent (ahead of its latest, or spelled otherwise) over WebSocket and SSE', async () => {
    const { http, token } = await userClient('resume-ahead');
    const { session, conversation } = await http.sessions.create.mutate({});
    await http.sessions.send.mutate({
      sessionId: session.id,
      content: 'flat in Kyrenia',
      clientMessageId: randomUUID(),
      wait: true,
    });
    // Events 1 to 3 exist: "3" is the latest a stream can have sent.
    const socket = wsClient(server.url, token);
    try {
      for (const client of [socket.client, http]) {
        for (const id of ['4', '100', '100:1', '1e3', ' 1', '01', '1.0', '3:0', '-1']) {
          const stream = recordConversation(client, conversation.id, id);
          const viaSession = recordEvents(client, session.id, id);
          await expect(
            stream.until(() => false, 5_000),
            id,
          ).rejects.toMatchObject({
            data: { code: 'BAD_REQUEST' },
          });
          await viaSession.until(() => viaSession.errors.length > 0, 5_000);
          expect(viaSession.errors[0], id).toMatchObject({ data: { code: 'BAD_REQUEST' } });
          stream.stop();
          viaSession.stop();
        }
      }
      // The latest id resumes with what comes next; "" is no id (the whole history).
      const atLatest = recordConversation(http, conversation.id, '3');
      const whole = recordConversation(socket.client, conversation.id, '');
      await whole.until(() => whole.durable().length === 3);
      await http.sessions.send.mutate({
        sessionId: session.id,
        content: 'with a pool',
        clientMessageId: randomUUID(),
      });
      await atLatest.until(() => atLatest.durable().length === 3);
      expect(summary(atLatest.durable())).toEqual([
        '4:message.created',
        '5:run.started',
        '6:assistant.completed',
      ]);
      atLatest.stop();
      whole.stop();
    } finally {
      await socket.close();
    }
  });
});
