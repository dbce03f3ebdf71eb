import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from './events';
import { errorOf, httpClient, signUp, startTestServer, type TestServer } from './harness';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ label: 'keys' });
});
afterAll(async () => {
  await server?.close();
});

describe('API keys per person', () => {
  it('holds at most 100 active keys, even when created all at once', async () => {
    const anon = httpClient(server.url);
    const user = await signUp(anon, 'keys');
    const client = httpClient(server.url, user.accessToken);
    const create = (i: number) =>
      client.auth.apiKeys.create.mutate({ name: `k${i}`, scopes: ['listings:read'] });
    // 110 in waves of 11 concurrent calls (a batch holds at most 50): the count and the
    // insert must not race past the cap.
    let made = 0;
    for (let wave = 0; wave < 10; wave++) {
      const results = await Promise.allSettled(
        Array.from({ length: 11 }, (_, i) => create(wave * 11 + i)),
      );
      for (const r of results) {
        if (r.status === 'fulfilled') made += 1;
        else expect(r.reason.data.code).toBe('CONFLICT');
      }
    }
    expect(made).toBe(100);
    const refused = await errorOf(() => create(999));
    expect(refused.data.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/revoke one/);

    const listed = await client.auth.apiKeys.list.query();
    expect(listed.items).toHaveLength(100);
    await client.auth.apiKeys.revoke.mutate({ id: listed.items[0]!.id });
    expect((await create(1000)).name).toBe('k1000');
  });
});

describe('auth.me with an API key', () => {
  it("answers the key's owner and the key's scopes; null for a token", async () => {
    const anon = httpClient(server.url);
    const user = await signUp(anon, 'me-key');
    const client = httpClient(server.url, user.accessToken);
    const created = await client.auth.apiKeys.create.mutate({
      name: 'integration',
      scopes: ['conversations:read', 'sessions:write'],
    });
    const byKey = await httpClient(server.url, created.key).auth.me.query();
    expect(byKey).toMatchObject({
      id: user.user.id,
      email: user.email,
      role: 'user',
      apiKey: {
        id: created.id,
        name: 'integration',
        scopes: ['conversations:read', 'sessions:write'],
      },
    });
    expect((await client.auth.me.query()).apiKey).toBeNull();
    // The same over REST, with x-api-key.
    const res = await fetch(`${server.url}/api/v1/auth/me`, {
      headers: { 'x-api-key': created.key },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { apiKey: unknown };
    expect(body.apiKey).toMatchObject({ id: created.id, name: 'integration' });
    // A revoked key is refused.
    await client.auth.apiKeys.revoke.mutate({ id: created.id });
    const refused = await errorOf(() => httpClient(server.url, created.key).auth.me.query());
    expect(refused.data.code).toBe('UNAUTHORIZED');
  });
});

describe('a key with sessions:write only', () => {
  it('makes new chats, but cannot open a session on an existing conversation (it would read it)', async () => {
    const user = await signUp(httpClient(server.url), 'narrow-key');
    const client = httpClient(server.url, user.accessToken);
    const existing = await client.conversations.create.mutate({ title: 'private' });
    const make = async (scopes: ('sessions:write' | 'conversations:read')[]) =>
      httpClient(server.url, (await client.auth.apiKeys.create.mutate({ name: 'k', scopes })).key);
    const narrow = await make(['sessions:write']);
    const fresh = await narrow.sessions.create.mutate({});
    expect(fresh.conversation.id).not.toBe(existing.id);
    const refused = await errorOf(() =>
      narrow.sessions.create.mutate({ conversationId: existing.id }),
    );
    expect(refused.data.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/conversations:read/);
    // With the right to read it too, it may.
    const wide = await make(['sessions:write', 'conversations:read']);
    const joined = await wide.sessions.create.mutate({ conversationId: existing.id });
    expect(joined.conversation.id).toBe(existing.id);
  });

  it("reaches only the sessions it made itself, not one its owner opened (that would replay the owner's chat)", async () => {
    const user = await signUp(httpClient(server.url), 'narrow-reach');
    const client = httpClient(server.url, user.accessToken);
    const own = await client.sessions.create.mutate({});
    await client.sessions.send.mutate({
      sessionId: own.session.id,
      content: 'flat in Girne, my secret budget 700',
      clientMessageId: randomUUID(),
    });
    const make = async (scopes: ('sessions:write' | 'conversations:read')[]) =>
      httpClient(server.url, (await client.auth.apiKeys.create.mutate({ name: 'k', scopes })).key);
    const narrow = await make(['sessions:write']);
    const sessionId = own.session.id;
    const calls = [
      () => narrow.sessions.get.query({ id: sessionId }),
      () => narrow.sessions.memory.query({ sessionId }),
      () => narrow.sessions.runs.query({ sessionId }),
      () => narrow.sessions.refreshSecret.mutate({ id: sessionId }),
      () => narrow.sessions.typing.mutate({ sessionId, typing: true }),
      () =>
        narrow.sessions.send.mutate({
          sessionId,
          content: 'what did I say?',
          clientMessageId: randomUUID(),
        }),
      () => narrow.sessions.requestAgent.mutate({ sessionId }),
    ];
    for (const call of calls) expect((await errorOf(call)).data.code).toBe('NOT_FOUND');
    const replay = recordEvents(narrow, sessionId, null);
    await replay.until(() => replay.errors.length > 0);
    expect((replay.errors[0] as { data?: { code?: string } }).data?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(replay.received)).not.toContain('secret budget');
    replay.stop();
    // Its own sessions it uses in full.
    const made = await narrow.sessions.create.mutate({});
    const sent = await narrow.sessions.send.mutate({
      sessionId: made.session.id,
      content: 'villa in Esentepe',
      clientMessageId: randomUUID(),
    });
    expect(sent.run?.status).toBe('completed');
    expect((await narrow.sessions.memory.query({ sessionId: made.session.id })).facts).toBeTruthy();
    // A key that may read conversations reaches the owner's session too.
    const wide = await make(['sessions:write', 'conversations:read']);
    expect((await wide.sessions.get.query({ id: sessionId })).id).toBe(sessionId);
  });
});
