import { randomUUID } from 'node:crypto';
import type { InboxEvent, SessionEvent } from '@parley/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConversationEvents, recordEvents, recordInboxEvents } from './events';
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
 * People in the conversation, against two running instances on one database and Redis:
 * a customer asks for a person (by the procedure or in their own words), the conversation
 * waits in the live inbox, one of ten agents claiming at once gets it, agent and customer
 * talk live while the assistant stays silent, and when the agent hands it back the
 * assistant answers again with what it knew.
 */

let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startTestServer({
    label: 'handoff',
    env: { SEED_DEMO_LISTINGS: '60', RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '1000' },
  });
  b = await startTestServer({
    db: a.db,
    env: {
      SEED_DEMO_LISTINGS: '0',
      REDIS_KEY_PREFIX: a.env.REDIS_KEY_PREFIX!,
      JWT_SECRET: a.env.JWT_SECRET!,
      RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '1000',
    },
  });
}, 120_000);
afterAll(async () => {
  await b?.close();
  await a?.close();
});

async function person(label: string, role: 'user' | 'agent' | 'admin' = 'user') {
  const signed = await signUp(httpClient(a.url), label);
  if (role !== 'user') {
    await a.db.query('UPDATE users SET role = $1 WHERE id = $2', [role, signed.user.id]);
  }
  return {
    ...signed,
    a: httpClient(a.url, signed.accessToken),
    b: httpClient(b.url, signed.accessToken),
  };
}

async function customer(label = 'customer') {
  const p = await person(label);
  const { session, conversation } = await p.a.sessions.create.mutate({});
  return { ...p, session, conversation };
}

const say = (client: Client, sessionId: string, content: string) =>
  client.sessions.send.mutate({ sessionId, content, clientMessageId: randomUUID() });

const inboxOf = (events: { event: unknown }[]) => events.map((r) => r.event as InboxEvent);
const ROLE_FRESH_MS = 1_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('asking for a person', () => {
  it('puts the conversation in the waiting list with a brief: facts, listings shown, the listing asked about', async () => {
    const c = await customer();
    const shown = await say(c.a, c.session.id, 'long term flat in Girne under 1500');
    expect(shown.reply!.recommendations.length).toBeGreaterThan(0);
    const listing = shown.reply!.recommendations[0]!;
    const stream = recordEvents(c.a, c.session.id);
    await stream.started();
    const waiting = await c.a.sessions.requestAgent.mutate({
      sessionId: c.session.id,
      reason: 'Is the first one still free?',
      listingId: listing.id,
    });
    expect(waiting).toMatchObject({
      id: c.conversation.id,
      mode: 'waiting',
      assignedAgent: null,
      handoffRequestedAt: expect.any(Date),
    });
    await stream.until(() => stream.received.some((r) => r.event.type === 'handoff.requested'));
    const requested = stream.received.find((r) => r.event.type === 'handoff.requested')!
      .event as Extract<SessionEvent, { type: 'handoff.requested' }>;
    stream.stop();
    expect(requested.reason).toBe('Is the first one still free?');
    // Nobody has the inbox open: whoever asked is told so at once.
    expect(requested.agentsOnline).toBe(false);
    expect(requested.brief.facts).toMatchObject({ location: 'Girne', rentType: 'long_term' });
    expect(requested.brief.summary).not.toBe('');
    expect(requested.brief.listing?.id).toBe(listing.id);
    expect(requested.brief.listingsShown.map((l) => l.id)).toEqual(
      shown.reply!.recommendations.map((l) => l.id),
    );
    // Asking again changes nothing.
    const again = await c.a.sessions.requestAgent.mutate({ sessionId: c.session.id });
    expect(again.handoffRequestedAt).toEqual(waiting.handoffRequestedAt);
    // While waiting the assistant keeps answering.
    expect((await say(c.a, c.session.id, 'with a pool')).run?.status).toBe('completed');

    const agent = await person('agent-brief', 'agent');
    const item = await agent.b.inbox.get.query({ conversationId: c.conversation.id });
    expect(item).toMatchObject({
      customer: { id: c.user.id, name: 'customer', email: c.email, endUserId: null },
      waitingSince: waiting.handoffRequestedAt,
      lastMessage: { role: 'assistant' },
      // The customer's own words, though the assistant spoke last, and their language.
      lastCustomerMessage: { role: 'user', content: 'with a pool' },
      language: 'en',
    });
    expect(item.brief.listing?.id).toBe(listing.id);
    expect(item.brief.listingsShown.length).toBeLessThanOrEqual(10);
  });

  it('refuses a listing that does not exist, and names a bad field', async () => {
    const c = await customer();
    const missing = await errorOf(() =>
      c.a.sessions.requestAgent.mutate({ sessionId: c.session.id, listingId: randomUUID() }),
    );
    expect(missing.data.code).toBe('NOT_FOUND');
    const bad = await errorOf(() =>
      c.a.sessions.requestAgent.mutate({ sessionId: c.session.id, listingId: 'undefined' }),
    );
    expect(bad.data.fieldErrors).toHaveProperty('listingId');
    expect((await c.a.conversations.get.query({ id: c.conversation.id })).mode).toBe('assistant');
  });

  it('is understood in English, Turkish and Russian, and the reply says whether an agent is online', async () => {
    const offline = [
      ['I want to talk to a human agent', /No agent is online right now/],
      ['can I book a viewing?', /No agent is online right now/],
      ['please call me', /No agent is online right now/],
      ['bir temsilciyle görüşmek istiyorum', /Şu anda çevrimiçi temsilci yok/],
      ['можно записаться на просмотр?', /Сейчас нет агентов в сети/],
    ] as const;
    for (const [words, reply] of offline) {
      const c = await customer();
      const answer = await say(c.a, c.session.id, words);
      expect(answer.reply!.responseText).toMatch(reply);
      await expect
        .poll(async () => (await c.a.conversations.get.query({ id: c.conversation.id })).mode)
        .toBe('waiting');
    }
    // An agent watching the inbox on the other instance: online.
    const agent = await person('agent-online', 'agent');
    const watching = recordInboxEvents(agent.b);
    await watching.started();
    try {
      const c = await customer();
      const answer = await say(c.a, c.session.id, 'contact the agent of this villa please');
      expect(answer.reply!.responseText).toMatch(/An agent is online right now/);
      const tr = await customer();
      expect((await say(tr.a, tr.session.id, 'beni arayın lütfen')).reply!.responseText).toMatch(
        /çevrimiçi bir temsilcimiz var/,
      );
      await watching.until(() =>
        inboxOf(watching.received).some(
          (e) => e.type === 'handoff.requested' && e.conversationId === c.conversation.id,
        ),
      );
      const event = inboxOf(watching.received).find((e) => e.conversationId === c.conversation.id)!;
      expect(event.item.brief).toBeDefined();
      expect(event.item.conversation.mode).toBe('waiting');
      // Asked with the button rather than in words: the conversation's event says so too.
      const button = await customer();
      const stream = recordEvents(button.a, button.session.id);
      await stream.started();
      await button.a.sessions.requestAgent.mutate({ sessionId: button.session.id });
      await stream.until(() => stream.received.some((r) => r.event.type === 'handoff.requested'));
      const requested = stream.received.find((r) => r.event.type === 'handoff.requested')!
        .event as Extract<SessionEvent, { type: 'handoff.requested' }>;
      stream.stop();
      expect(requested.agentsOnline).toBe(true);
    } finally {
      watching.stop();
    }
  });

  it('asked again while waiting ("is anyone there?"), says it is in the queue; searches still work', async () => {
    const c = await customer('queued');
    await say(c.a, c.session.id, 'I want to talk to a human agent');
    await expect
      .poll(async () => (await c.a.conversations.get.query({ id: c.conversation.id })).mode)
      .toBe('waiting');
    for (const [words, queued] of [
      [
        'hello? is anyone there?',
        /You're in the queue: an agent will reply here as soon as one is free/,
      ],
      ['kimse yok mu?', /Sıradasınız/],
      ['алло, есть кто-нибудь?', /Вы в очереди/],
    ] as const) {
      const answer = await say(c.a, c.session.id, words);
      expect(answer.reply!.responseText).toMatch(queued);
      expect(answer.reply!.responseText).toMatch(
        /No agent is online|çevrimiçi temsilci yok|нет агентов в сети/,
      );
      expect(answer.reply!.responseText).not.toMatch(
        /take over this conversation|aktarıyorum|Я передам/,
      );
    }
    const search = await say(c.a, c.session.id, '2 bedroom flat to rent in Girne');
    expect(search.reply!.recommendations.length).toBeGreaterThan(0);
    expect(search.reply!.responseText).not.toMatch(/in the queue/);
    expect((await c.a.conversations.get.query({ id: c.conversation.id })).mode).toBe('waiting');
  });
});

describe('the inbox', () => {
  it('lists the waiting longest first, live on another instance, and resumes without a gap or a repeat', async () => {
    const agent = await person('agent-list', 'agent');
    const live = recordInboxEvents(agent.b);
    await live.started();
    const asked: string[] = [];
    for (const label of ['first', 'second', 'third']) {
      const c = await customer(label);
      await c.a.sessions.requestAgent.mutate({ sessionId: c.session.id });
      asked.push(c.conversation.id);
    }
    await live.until(
      () => inboxOf(live.received).filter((e) => asked.includes(e.conversationId)).length === 3,
    );
    const ids = inboxOf(live.received).map((e) => e.conversationId);
    expect(ids.filter((id) => asked.includes(id))).toEqual(asked);
    live.stop();

    const waiting = await agent.a.inbox.list.query({ filter: 'waiting', limit: 100 });
    const order = waiting.items.map((i) => i.conversation.id).filter((id) => asked.includes(id));
    expect(order).toEqual(asked);
    const times = waiting.items.map((i) => i.waitingSince!.getTime());
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    // Page by page, the same order.
    const first = await agent.a.inbox.list.query({ filter: 'waiting', limit: 1 });
    const second = await agent.a.inbox.list.query({
      filter: 'waiting',
      limit: 1,
      cursor: first.nextCursor,
    });
    expect([...first.items, ...second.items].map((i) => i.conversation.id)).toEqual(
      waiting.items.slice(0, 2).map((i) => i.conversation.id),
    );

    // Resume after the first: the other two, once each.
    const firstId = live.received.find(
      (r) => (r.event as unknown as InboxEvent).conversationId === asked[0],
    )!.id;
    const resumed = recordInboxEvents(agent.a, firstId);
    await resumed.until(
      () =>
        inboxOf(resumed.received).filter((e) => asked.slice(1).includes(e.conversationId))
          .length === 2,
    );
    await pause(200);
    resumed.stop();
    const resumedIds = resumed.received.map((r) => Number(r.id));
    expect(resumedIds[0]).toBe(Number(firstId) + 1);
    expect(new Set(resumedIds).size).toBe(resumedIds.length);
    expect(
      (await errorOf(() => agent.a.inbox.list.query({ filter: 'waiting', cursor: 'x' }))).data
        .fieldErrors,
    ).toHaveProperty('cursor');
  });

  it('gives the conversation to exactly one of ten agents claiming at once; the others get CONFLICT', async () => {
    const c = await customer();
    await c.a.sessions.requestAgent.mutate({ sessionId: c.session.id });
    const agents = await Promise.all(
      Array.from({ length: 10 }, (_, i) => person(`racer-${i}`, 'agent')),
    );
    const outcomes = await Promise.allSettled(
      agents.map((agent, i) =>
        (i % 2 ? agent.a : agent.b).inbox.claim.mutate({ conversationId: c.conversation.id }),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const codes = outcomes
      .filter((o): o is PromiseRejectedResult => o.status === 'rejected')
      .map((o) => (o.reason as { data: { code: string } }).data.code);
    expect(codes).toEqual(Array(9).fill('CONFLICT'));
    const [row] = await a.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sessions WHERE conversation_id = $1 AND kind = 'agent'",
      [c.conversation.id],
    );
    expect(row?.n).toBe(1);
    const [events] = await a.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM conversation_events WHERE conversation_id = $1 AND type = 'handoff.assigned'",
      [c.conversation.id],
    );
    expect(events?.n).toBe(1);
  });
});

describe('an agent in the conversation', () => {
  it('joins, talks live with the customer while the assistant stays silent, and hands back to an assistant that remembers', async () => {
    const c = await customer('Deniz');
    await say(c.a, c.session.id, 'villa in Girne to rent long term');
    const memory = await c.a.sessions.memory.query({ sessionId: c.session.id });
    expect(memory.facts).toMatchObject({ location: 'Girne' });
    await c.a.sessions.requestAgent.mutate({ sessionId: c.session.id });

    const agent = await person('Aylin', 'agent');
    const customerSocket = wsClient(a.url, c.accessToken);
    const agentSocket = wsClient(b.url, agent.accessToken);
    try {
      const seen = recordEvents(customerSocket.client, c.session.id);
      await seen.started();
      const claimed = await agent.b.inbox.claim.mutate({ conversationId: c.conversation.id });
      expect(claimed.conversation).toMatchObject({
        mode: 'agent',
        assignedAgent: { id: agent.user.id, name: 'Aylin' },
      });
      // Claiming again answers the same.
      const twice = await agent.a.inbox.claim.mutate({ conversationId: c.conversation.id });
      expect(twice.session.id).toBe(claimed.session.id);
      await seen.until(() => seen.received.some((r) => r.event.type === 'handoff.assigned'));
      expect(seen.received.find((r) => r.event.type === 'handoff.assigned')!.event).toEqual({
        type: 'handoff.assigned',
        agent: { id: agent.user.id, name: 'Aylin' },
      });

      // The agent's own session: the whole conversation, and the customer's words live.
      const agentView = recordEvents(agentSocket.client, claimed.session.id);
      await agentView.until(() =>
        agentView.received.some((r) => r.event.type === 'handoff.assigned'),
      );
      expect(
        agentView.received.some(
          (r) => r.event.type === 'message.created' && r.event.message.role === 'user',
        ),
      ).toBe(true);

      await agentSocket.client.sessions.typing.mutate({
        sessionId: claimed.session.id,
        typing: true,
      });
      const hello = await agentSocket.client.sessions.send.mutate({
        sessionId: claimed.session.id,
        content: 'Hello Deniz, I can show you the villa on Saturday.',
        clientMessageId: randomUUID(),
      });
      expect(hello.run).toBeNull();
      expect(hello.userMessage).toMatchObject({
        role: 'agent',
        author: { id: agent.user.id, name: 'Aylin', role: 'agent' },
      });
      await seen.until(() =>
        seen.received.some(
          (r) => r.event.type === 'message.created' && r.event.message.role === 'agent',
        ),
      );
      expect(seen.received.map((r) => r.event)).toContainEqual({
        type: 'typing',
        actor: 'agent',
        typing: true,
        name: 'Aylin',
      });

      // The customer answers: the agent sees it, no assistant run starts.
      const runsBefore = (await c.a.sessions.runs.query({ sessionId: c.session.id })).items.length;
      const reply = await say(c.a, c.session.id, 'Saturday at 11 works for me');
      expect(reply).toMatchObject({ run: null, assistantMessage: null, reply: null });
      expect(reply.userMessage.author).toMatchObject({
        id: c.user.id,
        name: 'Deniz',
        role: 'user',
      });
      await agentView.until(() =>
        agentView.received.some(
          (r) =>
            r.event.type === 'message.created' &&
            r.event.message.content === 'Saturday at 11 works for me',
        ),
      );
      await pause(300);
      expect((await c.a.sessions.runs.query({ sessionId: c.session.id })).items.length).toBe(
        runsBefore,
      );
      expect(
        (
          await errorOf(() =>
            c.a.sessions.retry.mutate({
              sessionId: c.session.id,
              messageId: reply.userMessage.id,
              clientMessageId: randomUUID(),
            }),
          )
        ).data.code,
      ).toBe('PRECONDITION_FAILED');
      const [assistantAfter] = await a.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1 AND role = 'assistant' AND created_at > $2",
        [c.conversation.id, hello.userMessage.createdAt],
      );
      expect(assistantAfter?.n).toBe(0);
      expect(
        (await agent.a.inbox.list.query({ filter: 'mine' })).items.map((i) => i.conversation.id),
      ).toEqual([c.conversation.id]);

      // Another agent may not hand it back; the one holding it does.
      const other = await person('other-agent', 'agent');
      expect(
        (
          await errorOf(() =>
            other.a.inbox.release.mutate({ conversationId: c.conversation.id, to: 'assistant' }),
          )
        ).data.code,
      ).toBe('FORBIDDEN');
      const back = await agent.a.inbox.release.mutate({
        conversationId: c.conversation.id,
        to: 'assistant',
      });
      expect(back).toMatchObject({ mode: 'assistant', assignedAgent: null });
      await seen.until(() => seen.received.some((r) => r.event.type === 'handoff.released'));
      expect(seen.received.find((r) => r.event.type === 'handoff.released')!.event).toEqual({
        type: 'handoff.released',
        agent: { id: agent.user.id, name: 'Aylin' },
        to: 'assistant',
      });
      // The agent's session ended with it: their stream closed, their words refused.
      await agentView.until(() =>
        agentView.received.some(
          (r) => r.event.type === 'session.ended' && r.event.sessionId === claimed.session.id,
        ),
      );
      expect(
        (
          await errorOf(() =>
            agent.a.sessions.send.mutate({
              sessionId: claimed.session.id,
              content: 'one more thing',
              clientMessageId: randomUUID(),
            }),
          )
        ).data.code,
      ).toBe('PRECONDITION_FAILED');
      seen.stop();
      agentView.stop();

      // The assistant answers again, with what it knew before.
      const after = await say(c.a, c.session.id, 'show me what you have');
      expect(after.run?.status).toBe('completed');
      expect(after.reply!.appliedFilters).toMatchObject({ location: 'Girne' });
      // Nor does the agent's ended session reach the conversation any more: not its
      // memory, runs or events since, nor a run to stop.
      const refused = [
        () => agent.a.sessions.memory.query({ sessionId: claimed.session.id }),
        () => agent.a.sessions.runs.query({ sessionId: claimed.session.id }),
        () =>
          agent.a.sessions.cancelRun.mutate({
            sessionId: claimed.session.id,
            runId: after.run!.id,
          }),
      ];
      for (const call of refused)
        expect((await errorOf(call)).data.code).toBe('PRECONDITION_FAILED');
      const replay = recordEvents(agent.a, claimed.session.id, null);
      await replay.until(() => replay.errors.length > 0);
      expect((replay.errors[0] as { data?: { code?: string } }).data?.code).toBe(
        'PRECONDITION_FAILED',
      );
      expect(replay.received).toEqual([]);
      replay.stop();
      // The customer's own session still reads it all.
      expect(
        (await c.a.sessions.runs.query({ sessionId: c.session.id })).items.length,
      ).toBeGreaterThan(0);
    } finally {
      await customerSocket.close();
      await agentSocket.close();
    }
  });

  it('an agent made a plain user loses what they held: back to waiting, their seat ended, their words refused', async () => {
    const c = await customer();
    await c.a.sessions.requestAgent.mutate({ sessionId: c.session.id });
    const agent = await person('demoted-agent', 'agent');
    const admin = await person('demoting-admin', 'admin');
    const claimed = await agent.a.inbox.claim.mutate({ conversationId: c.conversation.id });
    const seen = recordEvents(agent.b, claimed.session.id);
    await seen.started();
    await admin.a.admin.users.setRole.mutate({ userId: agent.user.id, role: 'user' });
    // Their stream (on the other instance) ends with their seat; the conversation waits again.
    await seen.until(() =>
      seen.received.some(
        (r) => r.event.type === 'session.ended' && r.event.sessionId === claimed.session.id,
      ),
    );
    seen.stop();
    const now = await c.a.conversations.get.query({ id: c.conversation.id });
    expect(now).toMatchObject({ mode: 'waiting', assignedAgent: null });
    for (const client of [agent.a, agent.b]) {
      const refused = await errorOf(() => say(client, claimed.session.id, 'still here'));
      expect(refused.data.code).toBe('PRECONDITION_FAILED');
    }
    const messages = await c.a.conversations.messages.query({ conversationId: c.conversation.id });
    expect(messages.items.filter((m) => m.role === 'agent')).toEqual([]);
    // Another agent can take it from the waiting list.
    const next = await person('next-agent', 'agent');
    const taken = await next.b.inbox.claim.mutate({ conversationId: c.conversation.id });
    expect(taken.conversation.assignedAgent?.id).toBe(next.user.id);
  });

  it('a seat whose person is staff no more writes nothing, even before its release (a crash between the two)', async () => {
    const c = await customer();
    await c.a.sessions.requestAgent.mutate({ sessionId: c.session.id });
    const agent = await person('crash-demoted-agent', 'agent');
    const claimed = await agent.a.inbox.claim.mutate({ conversationId: c.conversation.id });
    await say(agent.a, claimed.session.id, 'hello from the agent');
    // The role changes and nothing releases what they hold, as when the process dies
    // between the two (or the role is changed in the database by hand).
    await a.db.query(`UPDATE users SET role = 'user' WHERE id = $1`, [agent.user.id]);
    const refused = await errorOf(() => say(agent.a, claimed.session.id, 'still an agent?'));
    expect(refused.data.code).toBe('PRECONDITION_FAILED');
    expect(refused.message).toMatch(/no longer an agent/);
    const messages = await c.a.conversations.messages.query({ conversationId: c.conversation.id });
    expect(messages.items.filter((m) => m.role === 'agent').map((m) => m.content)).toEqual([
      'hello from the agent',
    ]);
    // An admin can still hand it back, and the customer chats with the assistant again.
    const admin = await person('crash-admin', 'admin');
    await admin.a.inbox.release.mutate({ conversationId: c.conversation.id, to: 'assistant' });
    const reply = await say(c.a, c.session.id, '2 bedroom apartment in Girne');
    expect(reply.run?.status).toBe('completed');
  });

  it('back to waiting: another agent can then claim it; an admin can hand back anyone', async () => {
    const c = await customer();
    await c.a.sessions.requestAgent.mutate({ sessionId: c.session.id });
    const first = await person('first-agent', 'agent');
    const second = await person('second-agent', 'agent');
    const admin = await person('admin', 'admin');
    await first.a.inbox.claim.mutate({ conversationId: c.conversation.id });
    const waiting = await first.a.inbox.release.mutate({
      conversationId: c.conversation.id,
      to: 'waiting',
    });
    expect(waiting.mode).toBe('waiting');
    await second.b.inbox.claim.mutate({ conversationId: c.conversation.id });
    const byAdmin = await admin.a.inbox.release.mutate({
      conversationId: c.conversation.id,
      to: 'assistant',
    });
    expect(byAdmin.mode).toBe('assistant');
    expect(
      (await errorOf(() => second.a.inbox.claim.mutate({ conversationId: c.conversation.id }))).data
        .code,
    ).toBe('PRECONDITION_FAILED');
  });
});

describe('privacy', () => {
  it('shows agents only conversations that asked for a person, and nothing to anyone else', async () => {
    const c = await customer();
    await say(c.a, c.session.id, 'flat in Lapta');
    const agent = await person('agent-privacy', 'agent');
    expect(
      (await errorOf(() => agent.a.inbox.get.query({ conversationId: c.conversation.id }))).data
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (await errorOf(() => agent.a.inbox.claim.mutate({ conversationId: c.conversation.id }))).data
        .code,
    ).toBe('NOT_FOUND');
    const all = await agent.a.inbox.list.query({ filter: 'all', limit: 100 });
    expect(all.items.map((i) => i.conversation.id)).not.toContain(c.conversation.id);
    expect(all.items.every((i) => i.conversation.handoffRequestedAt !== null)).toBe(true);
    // The customer's own stream and session stay theirs.
    expect(
      (await errorOf(() => agent.a.sessions.memory.query({ sessionId: c.session.id }))).data.code,
    ).toBe('NOT_FOUND');

    // A user, the customer's API key, a client secret: nothing from inbox.* or admin.*.
    const key = await c.a.auth.apiKeys.create.mutate({
      name: 'all',
      scopes: ['conversations:read', 'conversations:write', 'sessions:write', 'listings:read'],
    });
    const { clientSecret } = await c.a.sessions.create.mutate({});
    for (const token of [c.accessToken, key.key, clientSecret]) {
      const client = httpClient(a.url, token);
      for (const call of [
        () => client.inbox.list.query({}),
        () => client.inbox.get.query({ conversationId: c.conversation.id }),
        () => client.inbox.claim.mutate({ conversationId: c.conversation.id }),
        () => client.admin.users.list.query({}),
      ]) {
        expect((await errorOf(call)).data.code).toBe('FORBIDDEN');
      }
      const stream = recordInboxEvents(client);
      await stream.until(() => stream.errors.length > 0);
      stream.stop();
      expect((stream.errors[0] as { data: { code: string } }).data.code).toBe('FORBIDDEN');
    }
    // An agent's API key neither: the inbox takes a person signed in.
    const agentKey = await agent.a.auth.apiKeys.create.mutate({
      name: 'agent key',
      scopes: ['conversations:read'],
    });
    expect(
      (await errorOf(() => httpClient(a.url, agentKey.key).inbox.list.query({}))).data.code,
    ).toBe('FORBIDDEN');
  });

  it('lets the agent holding a conversation read it (messages, memory, events), and only while they hold it', async () => {
    const c = await customer('held-reader');
    await say(c.a, c.session.id, '2 bedroom flat in Girne under 1000');
    await c.a.sessions.requestAgent.mutate({ sessionId: c.session.id });
    const holder = await person('agent-holder', 'agent');
    const other = await person('agent-other', 'agent');
    const conversationId = c.conversation.id;
    const reads = (client: Client) => [
      () => client.conversations.get.query({ id: conversationId }),
      () => client.conversations.messages.query({ conversationId }),
      () => client.conversations.memory.query({ conversationId }),
    ];
    // Waiting: the inbox shows it, but nobody holds it yet.
    for (const read of reads(holder.a)) expect((await errorOf(read)).data.code).toBe('NOT_FOUND');

    await holder.a.inbox.claim.mutate({ conversationId });
    const messages = await holder.b.conversations.messages.query({ conversationId });
    expect(messages.items.map((m) => m.content)).toContain('2 bedroom flat in Girne under 1000');
    expect((await holder.a.conversations.memory.query({ conversationId })).facts).toMatchObject({
      location: 'Girne',
    });
    expect((await holder.a.conversations.get.query({ id: conversationId })).mode).toBe('agent');
    const ws = wsClient(a.url, holder.accessToken);
    const events = recordConversationEvents(ws.client, conversationId, '0');
    await events.until(() =>
      events.received.some((r) => (r.event as SessionEvent).type === 'handoff.assigned'),
    );
    // Not theirs: another agent, and the holder's changes of the conversation.
    for (const read of reads(other.a)) expect((await errorOf(read)).data.code).toBe('NOT_FOUND');
    expect(
      (
        await errorOf(() =>
          holder.a.conversations.update.mutate({ id: conversationId, title: 'x' }),
        )
      ).data.code,
    ).toBe('NOT_FOUND');

    await holder.a.inbox.release.mutate({ conversationId, to: 'assistant' });
    for (const read of reads(holder.a)) expect((await errorOf(read)).data.code).toBe('NOT_FOUND');
    // What they opened to read ends with their seat.
    await events.until(() =>
      events.received.some((r) => (r.event as SessionEvent).type === 'session.ended'),
    );
    await events.stopped();
    events.stop();
    await ws.close();
  });

  it('ends the inbox stream of an agent made a plain user, on the instance that did not change it too', async () => {
    const admin = await person('admin-demoter', 'admin');
    const agent = await person('agent-demoted', 'agent');
    const socket = wsClient(b.url, agent.accessToken);
    try {
      const stream = recordInboxEvents(socket.client);
      await stream.started();
      await admin.a.admin.users.setRole.mutate({ userId: agent.user.id, role: 'user' });
      await pause(ROLE_FRESH_MS + 100);
      // The next inbox event is not theirs to see.
      const c = await customer();
      await c.a.sessions.requestAgent.mutate({ sessionId: c.session.id });
      await stream.until(() => stream.errors.length > 0);
      expect((stream.errors[0] as { data: { code: string } }).data.code).toBe('FORBIDDEN');
      expect(inboxOf(stream.received).some((e) => e.conversationId === c.conversation.id)).toBe(
        false,
      );
      expect((await errorOf(() => socket.client.inbox.list.query({}))).data.code).toBe('FORBIDDEN');
    } finally {
      await socket.close();
    }
  });
});
