import type { AppRouter } from '@parley/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from './events';
import { errorOf, httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * The smaller holes, from outside: wrong passwords from one place do not lock the owner
 * out elsewhere; a JWT is not an API key; SSE subscriptions are capped per client (its
 * credential), and more widely per address.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    label: 'holes',
    env: {
      // Behind a proxy, so each test client can be a different address.
      TRUST_PROXY: 'true',
      RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_MINUTE: '5',
      RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '1000',
      SSE_MAX_SUBSCRIPTIONS_PER_CLIENT: '3',
      SSE_MAX_STREAMS_PER_IP: '5',
      RATE_LIMIT_GUESTS_PER_IP_PER_HOUR: '3',
    },
  });
});
afterAll(() => server?.close());

/** A tRPC client whose requests come from `ip` and carry `headers`. */
function clientFrom(ip: string, headers: Record<string, string> = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${server.url}/trpc`,
        transformer: superjson,
        headers: () => ({ 'x-forwarded-for': ip, ...headers }),
      }),
    ],
  });
}

describe('login failures', () => {
  it("an attacker's wrong passwords lock out the attacker, not the owner elsewhere", async () => {
    const owner = await signUp(httpClient(server.url), 'owner');
    const attacker = clientFrom('198.51.100.7');
    for (let i = 0; i < 5; i++) {
      const error = await errorOf(() =>
        attacker.auth.login.mutate({ email: owner.email, password: `guess number ${i}` }),
      );
      expect(error.data.code).toBe('UNAUTHORIZED');
    }
    const locked = await errorOf(() =>
      attacker.auth.login.mutate({ email: owner.email, password: owner.password }),
    );
    expect(locked.data.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.data.retryAfter).toBeGreaterThan(0);
    // The owner, from home, still gets in.
    const home = clientFrom('203.0.113.20');
    const signedIn = await home.auth.login.mutate({ email: owner.email, password: owner.password });
    expect(signedIn.user.id).toBe(owner.user.id);
  });
});

describe('x-api-key', () => {
  it('refuses an access token or a client secret sent as an API key', async () => {
    const person = await signUp(httpClient(server.url), 'xkey');
    const me = await httpClient(server.url, person.accessToken).auth.me.query();
    expect(me.id).toBe(person.user.id);
    const jwtAsKey = clientFrom('192.0.2.1', { 'x-api-key': person.accessToken });
    const error = await errorOf(() => jwtAsKey.conversations.list.query({}));
    expect(error.data.code).toBe('UNAUTHORIZED');
    expect(error.message).toMatch(/API key/);
    const { clientSecret } = await httpClient(
      server.url,
      person.accessToken,
    ).sessions.create.mutate({});
    const secretAsKey = clientFrom('192.0.2.1', { 'x-api-key': clientSecret });
    expect((await errorOf(() => secretAsKey.auth.me.query())).data.code).toBe('UNAUTHORIZED');
    // A real key works there.
    const { key } = await httpClient(server.url, person.accessToken).auth.apiKeys.create.mutate({
      name: 'k',
      scopes: ['conversations:read'],
    });
    const byKey = clientFrom('192.0.2.1', { 'x-api-key': key });
    expect((await byKey.conversations.list.query({})).items).toHaveLength(1);
  });
});

describe('guests', () => {
  it('are limited per address apart from sign-ups: many visitors behind one address leave sign-up open', async () => {
    const office = clientFrom('198.51.100.77');
    for (let i = 0; i < 3; i++) expect((await office.auth.guest.mutate()).user.role).toBe('guest');
    const refused = await errorOf(() => office.auth.guest.mutate());
    expect(refused.data.code).toBe('TOO_MANY_REQUESTS');
    const signed = await office.auth.register.mutate({
      email: `office-${Date.now()}@example.com`,
      password: 'correct horse 42',
      name: 'Office worker',
    });
    expect(signed.user.role).toBe('user');
    expect((await clientFrom('198.51.100.78').auth.guest.mutate()).user.role).toBe('guest');
  });
});

/** A stream has started and had a moment to be refused (SSE may start before refusing). */
async function settled(events: ReturnType<typeof recordEvents>) {
  await Promise.race([events.started(), events.until(() => events.errors.length > 0)]);
  await new Promise((r) => setTimeout(r, 300));
}

describe('SSE subscriptions', () => {
  it('are capped per client, like a socket', async () => {
    const person = await signUp(httpClient(server.url), 'sse');
    const client = httpClient(server.url, person.accessToken);
    const { session } = await client.sessions.create.mutate({});
    const streams = [];
    for (let i = 0; i < 3; i++) {
      const events = recordEvents(client, session.id);
      await settled(events);
      streams.push(events);
    }
    expect(streams.flatMap((s) => s.errors)).toEqual([]);
    const fourth = recordEvents(client, session.id);
    await fourth.until(() => fourth.errors.length > 0, 5_000);
    expect((fourth.errors[0] as { data?: { code?: string } }).data?.code).toBe('TOO_MANY_REQUESTS');
    fourth.stop();
    // A slot comes back when a stream ends.
    streams.pop()?.stop();
    await new Promise((r) => setTimeout(r, 300));
    const again = recordEvents(client, session.id);
    await settled(again);
    expect(again.errors).toEqual([]);
    again.stop();
    for (const s of streams) s.stop();
  });

  it('are capped per person, not per address: people behind one address each get their own', async () => {
    const codeOf = (error: unknown) => (error as { data?: { code?: string } }).data?.code;
    const open = async (person: Awaited<ReturnType<typeof signUp>>) => {
      const client = httpClient(server.url, person.accessToken);
      const { session } = await client.sessions.create.mutate({});
      const events = recordEvents(client, session.id);
      await settled(events);
      return events;
    };
    const [first, second, third] = await Promise.all(
      ['sse-office-1', 'sse-office-2', 'sse-office-3'].map((name) =>
        signUp(httpClient(server.url), name),
      ),
    );
    const streams = [];
    try {
      // The first person uses up their own three (the fourth is refused)...
      for (let i = 0; i < 3; i++) streams.push(await open(first!));
      const over = await open(first!);
      streams.push(over);
      expect(codeOf(over.errors[0])).toBe('TOO_MANY_REQUESTS');
      // ...and a colleague on the same address still gets theirs, up to the address's five.
      streams.push(await open(second!), await open(second!));
      expect(streams.flatMap((s) => s.errors)).toHaveLength(1);
      const sixth = await open(third!);
      streams.push(sixth);
      expect(codeOf(sixth.errors[0])).toBe('TOO_MANY_REQUESTS');
      expect((sixth.errors[0] as Error).message).toContain('from one address');
    } finally {
      for (const s of streams) s.stop();
    }
  });

  it('are capped without an Accept: text/event-stream header too (tRPC streams them anyway)', async () => {
    const person = await signUp(httpClient(server.url), 'sse-bare');
    const client = httpClient(server.url, person.accessToken);
    const { session } = await client.sessions.create.mutate({});
    const input = encodeURIComponent(JSON.stringify({ json: { sessionId: session.id } }));
    const aborts: AbortController[] = [];
    // A bare GET, as curl sends it: what the server streams back in its first half second
    // (a refusal comes right after the stream's "connected" event, maybe in a later chunk).
    const open = async () => {
      const abort = new AbortController();
      aborts.push(abort);
      const response = await fetch(`${server.url}/trpc/sessions.events?input=${input}`, {
        headers: {
          authorization: `Bearer ${person.accessToken}`,
          'x-forwarded-for': '198.51.100.44',
        },
        signal: abort.signal,
      });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const deadline = Date.now() + 500;
      while (!text.includes('TOO_MANY_REQUESTS') && Date.now() < deadline) {
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((r) => setTimeout(() => r(null), Math.max(0, deadline - Date.now()))),
        ]);
        if (!chunk || chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
      return text;
    };
    try {
      for (let i = 0; i < 3; i++) expect(await open()).not.toContain('TOO_MANY_REQUESTS');
      const fourth = await open();
      expect(fourth).toContain('TOO_MANY_REQUESTS');
    } finally {
      for (const abort of aborts) abort.abort();
    }
  });
});
