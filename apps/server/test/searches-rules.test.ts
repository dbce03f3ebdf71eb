import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { summarise } from '@parley/assistant';
import { SCOPES } from '@parley/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * Findings of the outside testers on saved searches, alerts, corrected memory and the
 * OpenAPI document, each through the real server.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ label: 'searches-rules' });
});
afterAll(() => server?.close());

async function person(label = 'person') {
  const signed = await signUp(httpClient(server.url), label);
  return { ...signed, client: httpClient(server.url, signed.accessToken) };
}

async function savedCount(userId: string): Promise<number> {
  const [row] = await server.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM saved_searches WHERE user_id = $1',
    [userId],
  );
  return row!.n;
}

describe('saved searches per person', () => {
  it('keeps at most 100 a person, even created at once, and says so with CONFLICT', async () => {
    const a = await person('hoarder');
    const query = (i: number) => ({ location: 'Girne', maxPrice: 1000 + i });
    // 98, a few at a time (one person's saves take turns; a shared database under load
    // should not make this test about the pool), then 5 different ones at once: 2 fit.
    for (let from = 0; from < 98; from += 7) {
      await Promise.all(
        Array.from({ length: 7 }, (_, i) =>
          a.client.searches.create.mutate({ query: query(from + i) }),
        ),
      );
    }
    expect(await savedCount(a.user.id)).toBe(98);
    const racing = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        a.client.searches.create.mutate({ query: query(200 + i) }),
      ),
    );
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(await savedCount(a.user.id)).toBe(100);
    for (const refused of racing.filter((r) => r.status === 'rejected')) {
      const error = (refused as PromiseRejectedResult).reason as {
        message: string;
        data: { code: string };
      };
      expect(error.data.code).toBe('CONFLICT');
      expect(error.message).toBe('At most 100 saved searches per user: delete one first');
    }

    const over = await errorOf(() => a.client.searches.create.mutate({ query: query(500) }));
    expect(over.data.code).toBe('CONFLICT');
    expect(over.message).toMatch(/At most 100 saved searches/);
    expect(await savedCount(a.user.id)).toBe(100);
    // Saving one they have again still answers it: nothing new would be kept.
    const same = await a.client.searches.create.mutate({ query: query(3) });
    expect(same.query).toEqual(query(3));
    // Deleting one makes room for one.
    await a.client.searches.delete.mutate({ id: same.id });
    await a.client.searches.create.mutate({ query: query(500) });
    expect(await savedCount(a.user.id)).toBe(100);
    // Over REST the same: 409.
    const rest = await fetch(`${server.url}/api/v1/searches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: query(501) }),
    });
    expect(rest.status).toBe(409);
    // Asked in a chat to save one more, the assistant answers and saves nothing over it.
    const { session } = await a.client.sessions.create.mutate({});
    for (const content of [
      '2 bedroom apartment in Lapta under 700',
      'let me know when one comes up',
    ]) {
      const sent = await a.client.sessions.send.mutate({
        sessionId: session.id,
        content,
        clientMessageId: randomUUID(),
      });
      expect(sent.reply?.responseText.length).toBeGreaterThan(0);
    }
    expect(await savedCount(a.user.id)).toBe(100);
    // Another person has their own 100.
    const b = await person('other');
    await b.client.searches.create.mutate({ query: query(1) });
    expect(await savedCount(b.user.id)).toBe(1);
  });
});

describe('a saved search names a place', () => {
  it('refuses a query without query.location, writing nothing', async () => {
    const a = await person('placeless');
    const refused = await errorOf(() =>
      a.client.searches.create.mutate({ query: { maxPrice: 500 } }),
    );
    expect(refused.data.code).toBe('BAD_REQUEST');
    expect(Object.keys(refused.data.fieldErrors ?? {})).toEqual(['query.location']);
    expect(refused.message).toMatch(/^query\.location: is required/);
    const rest = await fetch(`${server.url}/api/v1/searches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: { maxPrice: 500, rentType: 'long_term' } }),
    });
    expect(rest.status).toBe(400);
    const body = (await rest.json()) as { data: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(body.data.fieldErrors)).toEqual(['query.location']);
    expect(await savedCount(a.user.id)).toBe(0);
    // With a place it is saved.
    await a.client.searches.create.mutate({ query: { maxPrice: 500, location: 'Kyrenia' } });
    expect(await savedCount(a.user.id)).toBe(1);
  });

  it('a chat asked to tell about a search without a place answers and does not fail', async () => {
    const a = await person('chat-placeless');
    const { session } = await a.client.sessions.create.mutate({});
    const say = (content: string) =>
      a.client.sessions.send.mutate({
        sessionId: session.id,
        content,
        clientMessageId: randomUUID(),
      });
    await say('2 bedroom apartment for long-term rent under 1000');
    const told = await say('let me know when something new comes up');
    // The assistant saves what it understood, as its reply says (searches.create would ask
    // for a place; the chat keeps its promise).
    expect(told.reply?.responseText).toMatch(/save this search/i);
    expect(await savedCount(a.user.id)).toBe(1);
  });
});

describe('alerts.markRead names the field of a wrong shape', () => {
  it('ids and all together, all: false, and neither', async () => {
    const a = await person('marker');
    for (const [input, field, message] of [
      [{ ids: [randomUUID()], all: true }, 'all', /either ids or all/],
      [{ all: false }, 'all', /must be true/],
      [{}, 'ids', /is required/],
      [{ ids: [] }, 'ids', /.+/],
    ] as const) {
      const refused = await errorOf(() => a.client.alerts.markRead.mutate(input as never));
      expect(refused.data.code, JSON.stringify(input)).toBe('BAD_REQUEST');
      expect(Object.keys(refused.data.fieldErrors ?? {}), JSON.stringify(input)).toEqual([field]);
      expect(refused.data.fieldErrors?.[field]?.join(' '), JSON.stringify(input)).toMatch(message);
      expect(refused.message).not.toMatch(/Invalid input/);
      expect(refused.message.startsWith(`${field}: `)).toBe(true);
    }
    expect(await a.client.alerts.markRead.mutate({ all: true })).toEqual({ unread: 0 });
    expect(await a.client.alerts.markRead.mutate({ ids: [randomUUID()] })).toEqual({ unread: 0 });
  });
});

describe('conversations.updateMemory', () => {
  it('stores the canonical town and the summary the assistant would write', async () => {
    const a = await person('corrector');
    const conversation = await a.client.conversations.create.mutate({ title: 'memory' });
    const corrected = await a.client.conversations.updateMemory.mutate({
      conversationId: conversation.id,
      facts: { location: 'Famagusta', rentType: 'long_term', excludeLocations: ['Kyrenia'] },
    });
    const facts = { location: 'Gazimağusa', rentType: 'long_term', excludeLocations: ['Girne'] };
    expect(corrected).toEqual({ summary: summarise(facts as never), facts });
    expect(corrected.summary).toMatch(/^Looking for .*Gazimağusa/);
    expect(await a.client.conversations.memory.query({ conversationId: conversation.id })).toEqual(
      corrected,
    );
    const [row] = await server.db.query<{ memory: unknown; memory_summary: string }>(
      'SELECT memory, memory_summary FROM conversations WHERE id = $1',
      [conversation.id],
    );
    expect(row).toEqual({ memory: facts, memory_summary: corrected.summary });
    const emptied = await a.client.conversations.updateMemory.mutate({
      conversationId: conversation.id,
      facts: {},
    });
    expect(emptied).toEqual({ summary: summarise({}), facts: {} });
  });
});

interface Operation {
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: Record<string, unknown> }[];
}

describe('the OpenAPI document declares only the schemes an operation takes', () => {
  it('an apiKey-declared operation takes a key; a bearer-only one refuses every key', async () => {
    const document = (await fetch(`${server.url}/api/openapi.json`).then((r) => r.json())) as {
      paths: Record<string, Record<string, Operation>>;
    };
    // The strongest key there is: an admin's, holding every scope.
    const admin = await person('probe-admin');
    await server.db.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
    await sleep(1100);
    const { key } = await admin.client.auth.apiKeys.create.mutate({
      name: 'every scope',
      scopes: [...SCOPES],
    });

    const value = (schema: Record<string, unknown> = {}): string => {
      if (Array.isArray(schema.enum)) return String(schema.enum[0]);
      if (schema.type === 'integer' || schema.type === 'number') return '1';
      if (schema.type === 'boolean') return 'true';
      if (schema.format === 'uuid') return randomUUID();
      return 'x';
    };
    const declared: { method: string; path: string; schemes: string[] }[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!operation.security) continue;
        declared.push({
          method: method.toUpperCase(),
          path,
          schemes: operation.security.flatMap((s) => Object.keys(s)).sort(),
        });
      }
    }
    const call = async (method: string, path: string) => {
      const operation = document.paths[path]![method.toLowerCase()]!;
      const url = new URL(`${server.url}/api/v1${path.replace(/\{\w+\}/g, () => randomUUID())}`);
      for (const p of operation.parameters ?? [])
        if (p.in === 'query' && p.required) url.searchParams.set(p.name, value(p.schema));
      const res = await fetch(url, { method, headers: { 'x-api-key': key } });
      return { status: res.status, body: (await res.json()) as { message?: string } };
    };

    const bearerOnly = declared.filter((d) => !d.schemes.includes('apiKey'));
    for (const d of declared) expect(d.schemes, `${d.method} ${d.path}`).toContain('bearer');
    // The operations documented as taking a person's own token only.
    for (const path of [
      '/searches',
      '/alerts',
      '/favorites',
      '/auth/api-keys',
      '/inbox',
      '/admin/users',
    ])
      expect(
        bearerOnly.some((d) => d.method === 'GET' && d.path === path),
        `GET ${path} declares no apiKey`,
      ).toBe(true);

    let keyed = 0;
    for (const d of declared) {
      if (d.method !== 'GET' && d.method !== 'DELETE') continue;
      const answer = await call(d.method, d.path);
      const where = `${d.method} ${d.path}: ${answer.status} ${answer.body.message}`;
      if (d.schemes.includes('apiKey')) {
        if (d.method !== 'GET') continue;
        keyed++;
        // Taken: answered (or not found, for a made-up id), never refused for its kind.
        expect([200, 404], where).toContain(answer.status);
      } else {
        expect(answer.status, where).toBe(403);
      }
    }
    expect(keyed).toBeGreaterThan(5);
  });
});
