import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * Chat without an account: a guest chats and saves favourites, may do nothing else, and
 * what it made moves to the account it signs up or signs in to (in the same transaction).
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    label: 'guests',
    env: { SEED_DEMO_LISTINGS: '30', RATE_LIMIT_VISITOR_SENDS_PER_MINUTE: '4' },
  });
});
afterAll(() => server?.close());

async function guestWithHistory() {
  const guest = await httpClient(server.url).auth.guest.mutate();
  const client = httpClient(server.url, guest.accessToken);
  const session = await client.sessions.create.mutate({});
  const reply = await client.sessions.send.mutate({
    sessionId: session.session.id,
    content: '2 bedroom apartment in Girne for long-term rent',
    clientMessageId: randomUUID(),
  });
  const listings = (await client.listings.search.query({ limit: 3 })).items.map((l) => l.id);
  await client.favorites.add.mutate({ listingId: listings[0]! });
  await client.favorites.add.mutate({ listingId: listings[1]! });
  return { guest, client, conversationId: session.session.conversationId, reply, listings };
}

const usersNamed = async (id: string) =>
  (
    await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE id = $1', [id])
  )[0]?.n;

describe('guests', () => {
  it('chat and keep favourites, short-lived, with role guest', async () => {
    const { guest, client, reply } = await guestWithHistory();
    expect(guest.user.role).toBe('guest');
    expect(reply).toBeTruthy();
    expect(await client.auth.me.query()).toMatchObject({ id: guest.user.id, role: 'guest' });
    expect((await client.favorites.list.query({})).items).toHaveLength(2);
    const [row] = await server.db.query<{ expires_at: Date; role: string }>(
      'SELECT expires_at, role FROM users WHERE id = $1',
      [guest.user.id],
    );
    const hours = (row!.expires_at.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23);
    expect(hours).toBeLessThanOrEqual(24);
  });

  it('send at most so many messages a minute (anyone can be a guest), people with accounts more', async () => {
    const send = (client: ReturnType<typeof httpClient>, sessionId: string) =>
      client.sessions.send.mutate({
        sessionId,
        content: 'flat in Girne',
        clientMessageId: randomUUID(),
        wait: false,
      });
    const guest = await httpClient(server.url).auth.guest.mutate();
    const asGuest = httpClient(server.url, guest.accessToken);
    const { session } = await asGuest.sessions.create.mutate({});
    for (let i = 0; i < 4; i++) await send(asGuest, session.id);
    const refused = await errorOf(() => send(asGuest, session.id));
    expect(refused.data.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.data.retryAfter).toBeGreaterThan(0);
    // A new session of the same guest does not start the count again.
    const other = await asGuest.sessions.create.mutate({});
    expect((await errorOf(() => send(asGuest, other.session.id))).data.code).toBe(
      'TOO_MANY_REQUESTS',
    );
    const person = await signUp(httpClient(server.url), 'chatty');
    const asPerson = httpClient(server.url, person.accessToken);
    const own = await asPerson.sessions.create.mutate({});
    for (let i = 0; i < 6; i++) await send(asPerson, own.session.id);
    // A widget's visitor (the session's client secret) is counted per session.
    const widget = await asPerson.sessions.create.mutate({});
    const asVisitor = httpClient(server.url, widget.clientSecret);
    for (let i = 0; i < 4; i++) await send(asVisitor, widget.session.id);
    expect((await errorOf(() => send(asVisitor, widget.session.id))).data.code).toBe(
      'TOO_MANY_REQUESTS',
    );
  });

  it('may do nothing else: no API keys, listing writes, session lists', async () => {
    const guest = await httpClient(server.url).auth.guest.mutate();
    const client = httpClient(server.url, guest.accessToken);
    for (const call of [
      () => client.auth.apiKeys.create.mutate({ name: 'k', scopes: ['listings:read'] }),
      () => client.auth.apiKeys.list.query(),
      () => client.sessions.list.query({}),
      () =>
        client.listings.create.mutate({
          title: 'Guest flat',
          description: 'Should not exist.',
          location: 'Girne',
          rentType: 'long_term',
          propertyType: 'apartment',
          bedrooms: 1,
          bathrooms: 1,
          areaSqm: 40,
          price: 500,
        }),
    ]) {
      expect((await errorOf(call)).data.code).toBe('FORBIDDEN');
    }
    // A guest's address is not an account: it cannot be signed in to.
    const login = await errorOf(() =>
      httpClient(server.url).auth.login.mutate({ email: guest.user.email, password: '!' }),
    );
    expect(login.data.code).toBe('UNAUTHORIZED');
  });

  it('moves its conversation and favourites to the account it signs up for', async () => {
    const { guest, conversationId, listings } = await guestWithHistory();
    const anon = httpClient(server.url);
    const email = `new-${randomUUID()}@example.com`;
    const account = await anon.auth.register.mutate({
      email,
      password: 'a long enough passphrase',
      name: 'New',
      guestToken: guest.accessToken,
    });
    const client = httpClient(server.url, account.accessToken);
    const conversations = await client.conversations.list.query({});
    expect(conversations.items.map((c) => c.id)).toContain(conversationId);
    const messages = await client.conversations.messages.query({ conversationId });
    expect(messages.items.length).toBeGreaterThanOrEqual(2);
    expect((await client.favorites.list.query({})).items.map((l) => l.id)).toEqual([
      listings[1],
      listings[0],
    ]);
    // The guest is gone, and so is its credential.
    expect(await usersNamed(guest.user.id)).toBe(0);
    const stale = await errorOf(() => httpClient(server.url, guest.accessToken).auth.me.query());
    expect(stale.data.code).toBe('UNAUTHORIZED');
  });

  it('moves to an existing account on sign-in, keeping favourites it already had once', async () => {
    const person = await signUp(httpClient(server.url), 'returning');
    const { guest, conversationId, listings } = await guestWithHistory();
    const own = httpClient(server.url, person.accessToken);
    await own.favorites.add.mutate({ listingId: listings[0]! });
    const signedIn = await httpClient(server.url).auth.login.mutate({
      email: person.email,
      password: person.password,
      guestToken: guest.accessToken,
    });
    const client = httpClient(server.url, signedIn.accessToken);
    expect((await client.conversations.get.query({ id: conversationId })).id).toBe(conversationId);
    const saved = (await client.favorites.list.query({})).items.map((l) => l.id);
    expect(saved.sort()).toEqual([listings[0], listings[1]].sort());
  });

  it('refuses a token that is not a live guest’s, naming guestToken, and writes nothing', async () => {
    const person = await signUp(httpClient(server.url), 'notguest');
    const email = `x-${randomUUID()}@example.com`;
    for (const guestToken of [person.accessToken, 'not-a-token']) {
      const error = await errorOf(() =>
        httpClient(server.url).auth.register.mutate({
          email,
          password: 'a long enough passphrase',
          name: 'X',
          guestToken,
        }),
      );
      expect(error.data.code).toBe('BAD_REQUEST');
      expect(error.data.fieldErrors).toHaveProperty('guestToken');
    }
    const rows = await server.db.query('SELECT 1 FROM users WHERE email = $1', [email]);
    expect(rows).toEqual([]);
    // The real user was left alone.
    expect(await usersNamed(person.user.id)).toBe(1);
  });
});
