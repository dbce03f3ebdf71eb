import { randomUUID } from 'node:crypto';
import type { ListingCreateInput, Role } from '@parley/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordInboxEvents } from './events';
import { errorOf, httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

/**
 * Who may write listings, from outside: a key holds only the scopes its owner's role
 * allows, the owner's role is read from the database on every use (not from a token's
 * claim), and only an admin, or an admin's key, changes a listing someone else created.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    label: 'roles',
    env: { RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '1000' },
  });
});
afterAll(() => server?.close());

// Roles are believed for at most a second on an instance that did not change them.
const ROLE_FRESH_MS = 1_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const listing = {
  title: 'Garden flat in Lapta',
  description: 'One bedroom, garden, quiet street.',
  location: 'Lapta',
  rentType: 'long_term',
  propertyType: 'apartment',
  bedrooms: 1,
  bathrooms: 1,
  areaSqm: 60,
  price: 600,
  features: ['garden'],
} satisfies ListingCreateInput;

async function setRole(userId: string, role: Role) {
  await server.db.query('UPDATE users SET role = $1 WHERE id = $2', [role, userId]);
}

async function person(label: string, role: Role) {
  const signed = await signUp(httpClient(server.url), label);
  if (role !== 'user') await setRole(signed.user.id, role);
  return { ...signed, client: httpClient(server.url, signed.accessToken) };
}

async function listingCount(userId: string) {
  const [row] = await server.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM listings WHERE created_by = $1',
    [userId],
  );
  return row?.n;
}

describe('listing writes and roles', () => {
  it('refuses a listings:write key to a plain user, and names the scope', async () => {
    const plain = await person('plain', 'user');
    const refused = await errorOf(() =>
      plain.client.auth.apiKeys.create.mutate({
        name: 'escalate',
        scopes: ['listings:read', 'listings:write'],
      }),
    );
    expect(refused.data.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/listings:write/);
    const [row] = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM api_keys WHERE user_id = $1',
      [plain.user.id],
    );
    expect(row?.n).toBe(0);
    // What the role allows is still given.
    const key = await plain.client.auth.apiKeys.create.mutate({
      name: 'reader',
      scopes: ['listings:read', 'sessions:write'],
    });
    expect(key.scopes).toEqual(['listings:read', 'sessions:write']);
  });

  it("does not honour a plain user's listings:write key made before the rule", async () => {
    const plain = await person('legacy', 'user');
    const agent = await person('legacy-agent', 'agent');
    const target = await agent.client.listings.create.mutate(listing);
    // A key with the scope, as the old server handed out: made while the owner was an
    // agent, then the owner was made a plain user.
    await setRole(plain.user.id, 'agent');
    const { key } = await plain.client.auth.apiKeys.create.mutate({
      name: 'old',
      scopes: ['listings:write'],
    });
    await setRole(plain.user.id, 'user');
    await pause(ROLE_FRESH_MS + 100);
    for (const client of [httpClient(server.url, key), wsClient(server.url, key).client]) {
      expect((await errorOf(() => client.listings.create.mutate(listing))).data.code).toBe(
        'FORBIDDEN',
      );
      expect(
        (await errorOf(() => client.listings.update.mutate({ id: target.id, price: 1 }))).data.code,
      ).toBe('FORBIDDEN');
      expect(
        (await errorOf(() => client.listings.delete.mutate({ id: target.id }))).data.code,
      ).toBe('FORBIDDEN');
    }
    expect(await listingCount(plain.user.id)).toBe(0);
    expect((await httpClient(server.url).listings.get.query({ id: target.id })).price).toBe(600);
  });

  it("lets an agent's key change only the agent's own listings; an admin's key changes any", async () => {
    const agent = await person('agent', 'agent');
    const other = await person('other-agent', 'agent');
    const admin = await person('admin', 'admin');
    const keyOf = async (p: typeof agent) =>
      httpClient(
        server.url,
        (await p.client.auth.apiKeys.create.mutate({ name: 'w', scopes: ['listings:write'] })).key,
      );
    const agentKey = await keyOf(agent);
    const otherKey = await keyOf(other);
    const adminKey = await keyOf(admin);

    const own = await agentKey.listings.create.mutate(listing);
    expect((await agentKey.listings.update.mutate({ id: own.id, price: 610 })).price).toBe(610);
    for (const call of [
      () => otherKey.listings.update.mutate({ id: own.id, price: 1 }),
      () => otherKey.listings.delete.mutate({ id: own.id }),
      () => other.client.listings.update.mutate({ id: own.id, price: 1 }),
    ]) {
      expect((await errorOf(call)).data.code).toBe('FORBIDDEN');
    }
    expect((await adminKey.listings.update.mutate({ id: own.id, price: 620 })).price).toBe(620);
    expect(await adminKey.listings.delete.mutate({ id: own.id })).toEqual({ ok: true });
  });

  it("stops a demoted agent's earlier token and keys at their next call", async () => {
    const agent = await person('demoted', 'agent');
    const { key } = await agent.client.auth.apiKeys.create.mutate({
      name: 'w',
      scopes: ['listings:write', 'listings:read'],
    });
    const byKey = httpClient(server.url, key);
    const ws = wsClient(server.url, agent.accessToken);
    try {
      const own = await agent.client.listings.create.mutate(listing);
      await ws.client.listings.update.mutate({ id: own.id, price: 650 });

      await setRole(agent.user.id, 'user');
      await pause(ROLE_FRESH_MS + 100);
      const attempts = [
        () => agent.client.listings.create.mutate(listing),
        () => agent.client.listings.update.mutate({ id: own.id, price: 1 }),
        () => ws.client.listings.update.mutate({ id: own.id, price: 2 }),
        () => ws.client.listings.delete.mutate({ id: own.id }),
        () => byKey.listings.create.mutate(listing),
        () => byKey.listings.delete.mutate({ id: own.id }),
      ];
      for (const attempt of attempts) expect((await errorOf(attempt)).data.code).toBe('FORBIDDEN');
      expect(await listingCount(agent.user.id)).toBe(1);
      expect((await byKey.listings.search.query({ limit: 1 })).items).toBeDefined();

      // And a promotion counts with the token issued before it, too.
      await setRole(agent.user.id, 'agent');
      await pause(ROLE_FRESH_MS + 100);
      expect((await ws.client.listings.update.mutate({ id: own.id, price: 660 })).price).toBe(660);
      expect((await byKey.listings.create.mutate(listing)).id).toBeTruthy();
    } finally {
      await ws.close();
    }
  });

  it('lets someone just made an agent into the inbox at once, its live stream too', async () => {
    const promoted = await person('promoted', 'user');
    const ws = wsClient(server.url, promoted.accessToken);
    try {
      // Refused as a plain user: this instance now believes that role for a second.
      const before = await errorOf(() =>
        promoted.client.inbox.list.query({ filter: 'waiting', limit: 5 }),
      );
      expect(before.data.code).toBe('FORBIDDEN');
      await setRole(promoted.user.id, 'agent');

      // Within that second: the refusal reads the role anew, so the stream is not refused.
      const events = recordInboxEvents(ws.client);
      const customer = await person('asks-for-agent', 'user');
      const { session } = await customer.client.sessions.create.mutate({});
      await customer.client.sessions.requestAgent.mutate({ sessionId: session.id });
      await events.until(() => events.received.length > 0 || events.errors.length > 0);
      expect(events.errors).toEqual([]);
      expect(events.received.map((r) => r.event.type)).toContain('handoff.requested');
      events.stop();
      const list = await promoted.client.inbox.list.query({ filter: 'waiting', limit: 5 });
      expect(list.items.map((item) => item.conversation.id)).toContain(session.conversationId);
    } finally {
      await ws.close();
    }
  });

  it('refuses a token whose user is gone, whatever its claim says', async () => {
    const gone = await person(`gone-${randomUUID().slice(0, 4)}`, 'agent');
    await server.db.query('DELETE FROM users WHERE id = $1', [gone.user.id]);
    await pause(ROLE_FRESH_MS + 100);
    expect((await errorOf(() => gone.client.auth.me.query())).data.code).toBe('UNAUTHORIZED');
  });
});
