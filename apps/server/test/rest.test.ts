import { randomUUID } from 'node:crypto';
import { restRouter } from '@parley/api';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, httpClient, signUp, startTestServer, type TestServer } from './harness';

// A client that is not tRPC: it knows the server only through the OpenAPI document.
let server: TestServer;
let document: {
  openapi: string;
  servers: { url: string }[];
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters?: unknown[];
        responses?: Record<string, { content?: unknown }>;
      }
    >
  >;
};
let apiKey: string;
let accessToken: string;
const ajv = new Ajv2020({ strict: false, allErrors: true });

beforeAll(async () => {
  // Demo listings, so listing answers are checked against the document too.
  server = await startTestServer({ label: 'rest', env: { SEED_DEMO_LISTINGS: '30' } });
  const user = await signUp(httpClient(server.url), 'rest');
  accessToken = user.accessToken;
  const key = await httpClient(server.url, accessToken).auth.apiKeys.create.mutate({
    name: 'crm',
    scopes: ['conversations:read', 'conversations:write', 'sessions:write'],
  });
  apiKey = key.key;
  const res = await fetch(`${server.url}/api/openapi.json`);
  expect(res.status).toBe(200);
  document = (await res.json()) as typeof document;
  ajv.addSchema(document, 'openapi');
});
afterAll(async () => {
  for (const l of server?.logs ?? [])
    if ((l.level as number) >= 50) console.log('DBG', JSON.stringify(l).slice(0, 1500));
  await server?.close();
});

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** Calls the documented operation with plain HTTP and checks the answer against the document. */
async function call(
  method: string,
  route: string,
  options: {
    params?: Record<string, string>;
    query?: string;
    body?: unknown;
    key?: string | null;
    /** An access token instead of the API key (saved searches and alerts are a person's). */
    bearer?: string;
  },
) {
  const operation = document.paths[route]?.[method.toLowerCase()];
  expect(operation, `${method} ${route} is documented`).toBeDefined();
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => options.params?.[name] ?? '');
  const key = options.key === undefined ? apiKey : options.key;
  const res = await fetch(`${document.servers[0]!.url}${path}${options.query ?? ''}`, {
    method,
    headers: {
      ...(options.bearer
        ? { authorization: `Bearer ${options.bearer}` }
        : key
          ? { 'x-api-key': key }
          : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  // A JSON answer, checked against the document below.
  const body: any = await res.json();
  if (res.status === 200) {
    const validate = ajv.getSchema(
      `openapi#/${pointer('paths', route, method.toLowerCase(), 'responses', '200', 'content', 'application/json', 'schema')}`,
    );
    expect(validate, 'the document has a response schema').toBeDefined();
    const valid = validate!(body);
    expect(validate!.errors ?? [], `${method} ${route} answers the documented shape`).toEqual([]);
    expect(valid).toBe(true);
  } else if (operation?.responses?.[String(res.status)]?.content) {
    // A documented error answers the documented error shape, too.
    const validate = ajv.getSchema(
      `openapi#/${pointer('paths', route, method.toLowerCase(), 'responses', String(res.status), 'content', 'application/json', 'schema')}`,
    );
    expect(validate!(body), JSON.stringify(validate!.errors)).toBe(true);
  }
  return { status: res.status, body, headers: res.headers };
}

describe('REST surface under /api/v1', () => {
  it('serves an OpenAPI 3.1 document, at /api/openapi.json and /api/v1/openapi.json', async () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers[0]!.url).toBe(`${server.url}/api/v1`);
    const again = await fetch(`${server.url}/api/v1/openapi.json`).then((r) => r.json());
    expect(again).toEqual(document);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/conversations', '/sessions/{sessionId}/messages', '/listings']),
    );
  });

  it('lists, creates, reads, updates and deletes conversations with an API key', async () => {
    const created = await call('POST', '/conversations', { body: { title: 'From the CRM' } });
    expect(created.status).toBe(200);
    expect(created.body.title).toBe('From the CRM');
    expect(created.headers.get('x-request-id')).toBeTruthy();
    const id = created.body.id as string;

    const listed = await call('GET', '/conversations', { query: '?limit=5&archived=false' });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(id);

    const updated = await call('PATCH', '/conversations/{id}', {
      params: { id },
      body: { archived: true },
    });
    expect(updated.body.archived).toBe(true);
    // "false" in a query string is false, not a non-empty string read as true.
    const active = await call('GET', '/conversations', { query: '?archived=false' });
    expect(active.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    const archived = await call('GET', '/conversations', { query: '?archived=true' });
    expect(archived.body.items.map((c: { id: string }) => c.id)).toContain(id);

    const fetched = await call('GET', '/conversations/{id}', { params: { id } });
    expect(fetched.body.id).toBe(id);
    const deleted = await call('DELETE', '/conversations/{id}', { params: { id } });
    expect(deleted.body).toEqual({ ok: true });
    const gone = await call('GET', '/conversations/{id}', { params: { id } });
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('NOT_FOUND');
  });

  it('runs a chat: a session, a message and the reply, its messages and memory', async () => {
    const created = await call('POST', '/sessions', { body: {} });
    expect(created.status).toBe(200);
    const sessionId = created.body.session.id as string;
    expect(created.body.clientSecret).toMatch(/^\w+_/);
    const sent = await call('POST', '/sessions/{sessionId}/messages', {
      params: { sessionId },
      body: { content: 'a villa with a pool in Kyrenia', clientMessageId: randomUUID() },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.userMessage.content).toBe('a villa with a pool in Kyrenia');
    expect(sent.body.reply.responseText.length).toBeGreaterThan(0);
    const messages = await call('GET', '/conversations/{conversationId}/messages', {
      params: { conversationId: created.body.conversation.id },
    });
    expect(messages.body.items).toHaveLength(2);
    const memory = await call('GET', '/sessions/{sessionId}/memory', { params: { sessionId } });
    expect(memory.status).toBe(200);
    const ended = await call('POST', '/sessions/{id}/end', { params: { id: sessionId } });
    expect(ended.body).toMatchObject({ status: 'ended' });
  });

  it('answers with the same error codes as tRPC: field named, 401, 403, 404', async () => {
    const bad = await call('GET', '/conversations/{id}', { params: { id: 'undefined' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.body.data.fieldErrors)).toEqual(['id']);
    expect(bad.body.data.requestId).toBeTruthy();

    const tooMany = await call('GET', '/conversations', { query: '?limit=1000' });
    expect(tooMany.status).toBe(400);
    expect(Object.keys(tooMany.body.data.fieldErrors)).toEqual(['limit']);

    const anonymous = await call('GET', '/conversations', { key: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHORIZED');

    const listingsOnly = await httpClient(server.url, accessToken).auth.apiKeys.create.mutate({
      name: 'listings only',
      scopes: ['listings:read'],
    });
    const forbidden = await call('GET', '/conversations', { key: listingsOnly.key });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toMatch(/conversations:read/);

    const other = await signUp(httpClient(server.url), 'other');
    const theirs = await httpClient(server.url, other.accessToken).conversations.create.mutate({});
    const notYours = await call('GET', '/conversations/{id}', { params: { id: theirs.id } });
    expect(notYours.status).toBe(404);

    const unknown = await fetch(`${server.url}/api/v1/nothing-here`);
    expect(unknown.status).toBe(404);

    const malformed = await fetch(`${server.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { code: string }).code).toBe('PARSE_ERROR');

    // JSON that is not an object of fields is refused, not taken as an empty one.
    const before = await call('GET', '/conversations', {});
    for (const body of ['[]', 'null', '"hello"', '42', '[{"title":"x"}]']) {
      const res = await fetch(`${server.url}/api/v1/conversations`, {
        method: 'POST',
        headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
        body,
      });
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/JSON object/);
    }
    const after = await call('GET', '/conversations', {});
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('accepts an access token as Bearer, as the document says', async () => {
    const res = await fetch(`${server.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }).name).toBe('rest');
  });

  it('searches listings without a credential', async () => {
    const res = await call('GET', '/listings', {
      key: null,
      query: '?limit=3&minBedrooms=2&sort=price_asc',
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(3);
    for (const listing of res.body.items) expect(listing.bedrooms).toBeGreaterThanOrEqual(2);
    const one = await call('GET', '/listings/{id}', {
      key: null,
      params: { id: res.body.items[0].id },
    });
    expect(one.body).toEqual(res.body.items[0]);
  });
});

describe('webhooks over REST', () => {
  it('creates, lists, pings, pages deliveries, redelivers, changes and deletes, as documented', async () => {
    const key = (
      await httpClient(server.url, accessToken).auth.apiKeys.create.mutate({
        name: 'hooks',
        scopes: ['webhooks:write'],
      })
    ).key;
    // A public address: nothing here is sent anywhere that answers, which is fine.
    const created = await call('POST', '/webhooks', {
      key,
      body: { url: 'http://93.184.215.14/parley', events: ['ping', 'message.created'] },
    });
    expect(created.status).toBe(200);
    expect(created.body.secret).toMatch(/^whsec_/);
    const id = created.body.webhook.id as string;
    const listed = await call('GET', '/webhooks', { key });
    expect(listed.body.items.map((w: { id: string }) => w.id)).toEqual([id]);
    const ping = await call('POST', '/webhooks/{id}/test', { key, params: { id } });
    expect(ping.body).toMatchObject({ webhookId: id, event: 'ping' });
    const page = await call('GET', '/webhooks/{webhookId}/deliveries', {
      key,
      params: { webhookId: id },
      query: '?limit=5',
    });
    expect(page.body.items.map((d: { id: string }) => d.id)).toEqual([ping.body.id]);
    const again = await call('POST', '/webhooks/deliveries/{deliveryId}/redeliver', {
      key,
      params: { deliveryId: ping.body.id },
    });
    expect(again.body).toMatchObject({ id: ping.body.id, status: 'pending' });
    const changed = await call('PATCH', '/webhooks/{id}', {
      key,
      params: { id },
      body: { enabled: false },
    });
    expect(changed.body.enabled).toBe(false);
    const refused = await call('GET', '/webhooks', {});
    expect(refused.status).toBe(403);
    expect((await call('DELETE', '/webhooks/{id}', { key, params: { id } })).body).toEqual({
      ok: true,
    });
  });
});

describe('saved searches and alerts over REST', () => {
  it('saves, lists, pauses and deletes a search; lists its alerts and marks them read', async () => {
    const bearer = accessToken;
    const created = await call('POST', '/searches', {
      bearer,
      body: { query: { location: 'Girne', rentType: 'long_term', maxPrice: 5000 } },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ paused: false, conversationId: null });
    const id = created.body.id as string;
    const listed = await call('GET', '/searches', { bearer, query: '?limit=5' });
    expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
    const bad = await call('POST', '/searches', { bearer, body: { query: {} } });
    expect(bad.status).toBe(400);
    // A person's own: an API key acts for its owner only where its scopes say.
    expect((await call('GET', '/searches', {})).status).toBe(403);

    // A listing written by another tool; the job engine alerts the search.
    await server.db.query(
      `INSERT INTO listings (id, title, description, location, district, rent_type,
         property_type, bedrooms, bathrooms, area_sqm, price)
       VALUES (gen_random_uuid(), 'REST harbour flat', 'A flat', 'Girne', 'Girne', 'long_term',
               'apartment', 2, 1, 70, 900)`,
    );
    let alerts = await call('GET', '/alerts', { bearer, query: '?unreadOnly=true' });
    for (let i = 0; i < 100 && alerts.body.items.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      alerts = await call('GET', '/alerts', { bearer, query: '?unreadOnly=true' });
    }
    expect(alerts.status).toBe(200);
    expect(alerts.body).toMatchObject({ unread: 1, lastEventId: '1', nextCursor: null });
    expect(alerts.body.items[0]).toMatchObject({
      savedSearchId: id,
      reason: 'new',
      read: false,
      listing: { title: 'REST harbour flat' },
    });
    const trpc = await httpClient(server.url, accessToken).alerts.list.query({});
    expect(alerts.body).toEqual(JSON.parse(JSON.stringify(trpc)));

    const both = await call('POST', '/alerts/read', { bearer, body: { all: true, ids: [id] } });
    expect(both.status).toBe(400);
    const read = await call('POST', '/alerts/read', {
      bearer,
      body: { ids: [alerts.body.items[0].id] },
    });
    expect(read.body).toEqual({ unread: 0 });
    expect((await call('POST', '/alerts/read', { bearer, body: { all: true } })).body).toEqual({
      unread: 0,
    });
    const unread = await call('GET', '/alerts', { bearer, query: '?unreadOnly=true' });
    expect(unread.body.items).toEqual([]);

    const paused = await call('PATCH', '/searches/{id}', {
      bearer,
      params: { id },
      body: { paused: true, name: 'Girne flats' },
    });
    expect(paused.body).toMatchObject({ id, paused: true, name: 'Girne flats' });
    const gone = await call('DELETE', '/searches/{id}', { bearer, params: { id } });
    expect(gone.body).toEqual({ ok: true });
    expect((await call('GET', '/alerts', { bearer })).body.items).toEqual([]);
  });
});

describe('the document and the router agree', () => {
  it('every REST operation serves the tRPC procedure of the same name', () => {
    const served: string[] = [];
    const procedures = restRouter._def.procedures as unknown as Record<
      string,
      { _def: { meta?: { restOf?: string; openapi?: { path: string } } } }
    >;
    for (const [path, procedure] of Object.entries(procedures)) {
      expect(procedure._def.meta?.restOf, path).toBe(path);
      served.push(path.replace('.', '-'));
    }
    const documented = Object.values(document.paths).flatMap((ops) =>
      Object.values(ops).map((op) => op.operationId),
    );
    expect(documented.sort()).toEqual(served.sort());
  });

  it('REST answers exactly what tRPC answers, field for field', async () => {
    const trpc = httpClient(server.url, accessToken);
    const session = await trpc.sessions.create.mutate({});
    await trpc.sessions.send.mutate({
      sessionId: session.session.id,
      content: 'two bedrooms in Famagusta',
      clientMessageId: randomUUID(),
    });
    const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));
    const pairs: [unknown, string][] = [
      [await trpc.auth.me.query(), '/auth/me'],
      [await trpc.conversations.list.query({ limit: 20 }), '/conversations'],
      [
        await trpc.conversations.get.query({ id: session.conversation.id }),
        `/conversations/${session.conversation.id}`,
      ],
      [
        await trpc.conversations.messages.query({ conversationId: session.conversation.id }),
        `/conversations/${session.conversation.id}/messages`,
      ],
      [
        await trpc.sessions.get.query({ id: session.session.id }),
        `/sessions/${session.session.id}`,
      ],
      [
        await trpc.sessions.memory.query({ sessionId: session.session.id }),
        `/sessions/${session.session.id}/memory`,
      ],
    ];
    for (const [viaTrpc, path] of pairs) {
      const res = await fetch(`${server.url}/api/v1${path}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(await res.json(), path).toEqual(asJson(viaTrpc));
    }
  });

  it("leaves the router's own schemas alone: tRPC still refuses a number sent as a string", async () => {
    await call('GET', '/conversations', { query: '?limit=5' });
    const trpc = httpClient(server.url, accessToken);
    const refused = await errorOf(() =>
      trpc.conversations.list.query({ limit: '5' as unknown as number }),
    );
    expect(refused.data.code).toBe('BAD_REQUEST');
    expect(Object.keys(refused.data.fieldErrors ?? {})).toEqual(['limit']);
  });
});
