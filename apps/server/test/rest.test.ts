import { randomUUID } from 'node:crypto';
import { restRouter } from '@parley/api';
import type { Scope } from '@parley/validators';
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
// Ids are checked as UUIDs, as the document says they are.
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

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
  // Whatever the status, the operation declares it: a client can rely on the list.
  expect(
    Object.keys(operation?.responses ?? {}),
    `${method} ${route} declares ${res.status} (${JSON.stringify(body).slice(0, 200)})`,
  ).toContain(String(res.status));
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

    // A number in a query string is plain decimal: `Number()` would read these as 16,
    // 10 and 0.
    for (const spelling of ['0x10', '1e1', '', '%20', '0b1', 'Infinity']) {
      const odd = await call('GET', '/conversations', { query: `?limit=${spelling}` });
      expect(odd.status, spelling).toBe(400);
      expect(Object.keys(odd.body.data.fieldErrors), spelling).toEqual(['limit']);
    }
    const priced = await call('GET', '/listings', { key: null, query: '?maxPrice=0x7d0' });
    expect(priced.status).toBe(400);
    expect(Object.keys(priced.body.data.fieldErrors)).toEqual(['maxPrice']);
    const decimal = await call('GET', '/listings', {
      key: null,
      query: '?maxPrice=1500.50&limit=2',
    });
    expect(decimal.status).toBe(200);
    expect(decimal.body.items.every((l: { price: number }) => l.price <= 1500.5)).toBe(true);

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

    // A media type is case-insensitive; another type is 415.
    const upper = await fetch(`${server.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'content-type': 'Application/JSON; charset=UTF-8' },
      body: '{"title":"Upper case"}',
    });
    expect(upper.status).toBe(200);
    const made = (await upper.json()) as { id: string; title: string };
    expect(made.title).toBe('Upper case');
    const text = await fetch(`${server.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'content-type': 'text/plain' },
      body: '{"title":"x"}',
    });
    expect(text.status).toBe(415);
    await call('DELETE', '/conversations/{id}', { params: { id: made.id } });
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

/** An API key of the test user holding only `scopes`. */
async function keyWith(...scopes: Scope[]) {
  const made = await httpClient(server.url, accessToken).auth.apiKeys.create.mutate({
    name: scopes.join(' '),
    scopes,
  });
  return made.key;
}

describe('memory, runs, retries and hand-off requests over REST', () => {
  it('PATCH memory then GET memory round-trips, and the session sees the same memory', async () => {
    const created = await call('POST', '/sessions', { body: {} });
    const conversationId = created.body.conversation.id as string;
    const facts = { location: 'Girne', rentType: 'long_term', maxPrice: 1500, features: ['pool'] };
    const patched = await call('PATCH', '/conversations/{conversationId}/memory', {
      params: { conversationId },
      body: { facts },
    });
    expect(patched.status).toBe(200);
    // The summary is rebuilt from the facts, as the assistant writes it.
    const summary = expect.stringMatching(/^Looking for .*Girne/);
    expect(patched.body).toEqual({ summary, facts });
    const read = await call('GET', '/conversations/{conversationId}/memory', {
      params: { conversationId },
    });
    expect(read.body).toEqual({ summary, facts });
    const viaSession = await call('GET', '/sessions/{sessionId}/memory', {
      params: { sessionId: created.body.session.id },
    });
    expect(viaSession.body.facts).toEqual(facts);

    const bad = await call('PATCH', '/conversations/{conversationId}/memory', {
      params: { conversationId },
      body: { facts: { rentType: 'forever' } },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.data.fieldErrors)).toEqual(['facts.rentType']);
    // A key without the right scope is refused on the new routes as on the old ones.
    const readOnly = await keyWith('conversations:read');
    const refused = await call('PATCH', '/conversations/{conversationId}/memory', {
      key: readOnly,
      params: { conversationId },
      body: { facts: {} },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/conversations:write/);
    const listingsOnly = await keyWith('listings:read');
    for (const [method, route, params] of [
      ['GET', '/conversations/{conversationId}/memory', { conversationId }],
      ['GET', '/sessions/{sessionId}/runs', { sessionId: created.body.session.id }],
    ] as const) {
      const res = await call(method, route, { key: listingsOnly, params });
      expect(res.status, route).toBe(403);
    }
    const unknown = await call('GET', '/conversations/{conversationId}/memory', {
      params: { conversationId: randomUUID() },
    });
    expect(unknown.status).toBe(404);
  });

  it('lists runs, retries a message, cancels a run and asks for a person', async () => {
    const created = await call('POST', '/sessions', { body: {} });
    const sessionId = created.body.session.id as string;
    const sent = await call('POST', '/sessions/{sessionId}/messages', {
      params: { sessionId },
      body: { content: 'a villa with a pool in Kyrenia', clientMessageId: randomUUID() },
    });
    expect(sent.body.run.status).toBe('completed');
    expect(sent.body.reply.language).toBe('en');
    const messageId = sent.body.userMessage.id as string;

    const retry = { clientMessageId: randomUUID() };
    const retried = await call('POST', '/sessions/{sessionId}/messages/{messageId}/retry', {
      params: { sessionId, messageId },
      body: retry,
    });
    expect(retried.status).toBe(200);
    expect(retried.body.userMessage.id).toBe(messageId);
    expect(retried.body.run).toMatchObject({ status: 'completed', userMessageId: messageId });
    expect(retried.body.run.id).not.toBe(sent.body.run.id);
    expect(retried.body.reply.responseText.length).toBeGreaterThan(0);
    const repeated = await call('POST', '/sessions/{sessionId}/messages/{messageId}/retry', {
      params: { sessionId, messageId },
      body: retry,
    });
    expect(repeated.body.run.id).toBe(retried.body.run.id);
    // Only a user message is answered again.
    const notAQuestion = await call('POST', '/sessions/{sessionId}/messages/{messageId}/retry', {
      params: { sessionId, messageId: sent.body.assistantMessage.id },
      body: { clientMessageId: randomUUID() },
    });
    expect(notAQuestion.status).toBe(404);

    const runs = await call('GET', '/sessions/{sessionId}/runs', {
      params: { sessionId },
      query: '?limit=10',
    });
    expect(runs.body.items.map((r: { id: string }) => r.id)).toEqual([
      retried.body.run.id,
      sent.body.run.id,
    ]);
    // The session's own client secret reads them too, as over tRPC.
    const bySecret = await call('GET', '/sessions/{sessionId}/runs', {
      bearer: created.body.clientSecret,
      params: { sessionId },
    });
    expect(bySecret.body.items).toHaveLength(2);

    // A finished run is answered as it is; one not sent yet may end either way.
    const done = await call('POST', '/sessions/{sessionId}/runs/{runId}/cancel', {
      params: { sessionId, runId: sent.body.run.id },
    });
    expect(done.body).toMatchObject({ id: sent.body.run.id, status: 'completed' });
    const queued = await call('POST', '/sessions/{sessionId}/messages', {
      params: { sessionId },
      body: { content: 'and in Girne?', clientMessageId: randomUUID(), wait: false },
    });
    const cancelled = await call('POST', '/sessions/{sessionId}/runs/{runId}/cancel', {
      params: { sessionId, runId: queued.body.run.id },
    });
    expect(cancelled.status).toBe(200);
    expect(['cancelled', 'completed']).toContain(cancelled.body.status);

    const noListing = await call('POST', '/sessions/{sessionId}/agent', {
      params: { sessionId },
      body: { listingId: randomUUID() },
    });
    expect(noListing.status).toBe(404);
    const asked = await call('POST', '/sessions/{sessionId}/agent', {
      params: { sessionId },
      body: { reason: 'I want to visit on Saturday' },
    });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ id: created.body.conversation.id, mode: 'waiting' });
  });

  it('answers 404 on a POST naming an unknown id, as the document declares', async () => {
    const created = await call('POST', '/sessions', { body: {} });
    const sessionId = created.body.session.id as string;
    for (const [route, params, body] of [
      ['/sessions/{id}/secret', { id: randomUUID() }, undefined],
      ['/sessions/{sessionId}/runs/{runId}/cancel', { sessionId, runId: randomUUID() }, undefined],
      ['/sessions/{sessionId}/agent', { sessionId: randomUUID() }, {}],
      [
        '/sessions/{sessionId}/messages/{messageId}/retry',
        { sessionId, messageId: randomUUID() },
        { clientMessageId: randomUUID() },
      ],
    ] as const) {
      const res = await call('POST', route, { params, body });
      expect(res.status, route).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });

  it('answers 412 for an ended session, as the document declares', async () => {
    const created = await call('POST', '/sessions', { body: {} });
    const sessionId = created.body.session.id as string;
    const sent = await call('POST', '/sessions/{sessionId}/messages', {
      params: { sessionId },
      body: { content: 'a flat in Girne', clientMessageId: randomUUID() },
    });
    await call('POST', '/sessions/{id}/end', { params: { id: sessionId } });
    for (const [route, params, body] of [
      ['/sessions/{id}/secret', { id: sessionId }, undefined],
      [
        '/sessions/{sessionId}/messages',
        { sessionId },
        { content: 'still there?', clientMessageId: randomUUID() },
      ],
      [
        '/sessions/{sessionId}/messages/{messageId}/retry',
        { sessionId, messageId: sent.body.userMessage.id },
        { clientMessageId: randomUUID() },
      ],
      ['/sessions/{sessionId}/agent', { sessionId }, {}],
    ] as const) {
      const res = await call('POST', route, { params, body });
      expect(res.status, route).toBe(412);
      expect(res.body.code).toBe('PRECONDITION_FAILED');
    }
  });
});

describe('favorites, similar listings and API keys over REST', () => {
  it('saves, lists and unsaves favorites with an access token; an API key is refused', async () => {
    const bearer = accessToken;
    const [first, second] = (await call('GET', '/listings', { bearer, query: '?limit=2' })).body
      .items as { id: string }[];
    for (const { id } of [first!, second!, first!]) {
      const saved = await call('PUT', '/favorites/{listingId}', {
        bearer,
        params: { listingId: id },
      });
      expect(saved.body).toEqual({ ok: true });
    }
    const listed = await call('GET', '/favorites', { bearer, query: '?limit=5' });
    expect(listed.body.items.map((l: { id: string }) => l.id)).toEqual(
      expect.arrayContaining([first!.id, second!.id]),
    );
    const unknown = await call('PUT', '/favorites/{listingId}', {
      bearer,
      params: { listingId: randomUUID() },
    });
    expect(unknown.status).toBe(404);
    for (const listingId of [second!.id, second!.id, randomUUID()]) {
      // Unsaving what is not saved (or does not exist) is the same outcome: 200, never 404.
      const removed = await call('DELETE', '/favorites/{listingId}', {
        bearer,
        params: { listingId },
      });
      expect(removed.body).toEqual({ ok: true });
    }
    const after = await call('GET', '/favorites', { bearer });
    expect(after.body.items.map((l: { id: string }) => l.id)).not.toContain(second!.id);
    const byKey = await call('GET', '/favorites', {});
    expect(byKey.status).toBe(403);
  });

  it('finds similar listings without a credential', async () => {
    const [listing] = (await call('GET', '/listings', { bearer: accessToken, query: '?limit=1' }))
      .body.items as { id: string }[];
    const similar = await call('GET', '/listings/{id}/similar', {
      key: null,
      params: { id: listing!.id },
      query: '?limit=3',
    });
    expect(similar.status).toBe(200);
    expect(similar.body.items.length).toBeLessThanOrEqual(3);
    expect(similar.body.items.map((l: { id: string }) => l.id)).not.toContain(listing!.id);
    const gone = await call('GET', '/listings/{id}/similar', {
      key: null,
      params: { id: randomUUID() },
    });
    expect(gone.status).toBe(404);
  });

  it('makes, lists and revokes API keys with an access token only', async () => {
    const bearer = accessToken;
    const made = await call('POST', '/auth/api-keys', {
      bearer,
      body: { name: 'made over REST', scopes: ['conversations:read'] },
    });
    expect(made.status).toBe(200);
    expect(made.body.key).toMatch(/^pk_/);
    const listed = await call('GET', '/auth/api-keys', { bearer });
    const mine = listed.body.items.find((k: { id: string }) => k.id === made.body.id);
    expect(mine).toMatchObject({ name: 'made over REST', scopes: ['conversations:read'] });
    expect(mine).not.toHaveProperty('key');
    // The key works, then is revoked: calls with it fail from then on.
    expect((await call('GET', '/auth/me', { key: made.body.key })).status).toBe(200);
    expect((await call('GET', '/auth/api-keys', { key: made.body.key })).status).toBe(403);
    const staffScope = await call('POST', '/auth/api-keys', {
      bearer,
      body: { name: 'writer', scopes: ['listings:write'] },
    });
    expect(staffScope.status).toBe(403);
    const revoked = await call('DELETE', '/auth/api-keys/{id}', {
      bearer,
      params: { id: made.body.id },
    });
    expect(revoked.body).toEqual({ ok: true });
    expect((await call('GET', '/auth/me', { key: made.body.key })).status).toBe(401);
    const again = await call('DELETE', '/auth/api-keys/{id}', {
      bearer,
      params: { id: made.body.id },
    });
    expect(again.status).toBe(404);
  });
});

describe('the agents inbox and admin over REST', () => {
  async function staff(label: string, role: 'agent' | 'admin') {
    const person = await signUp(httpClient(server.url), label);
    await server.db.query('UPDATE users SET role = $1 WHERE id = $2', [role, person.user.id]);
    return person;
  }

  it('lists, shows, claims and releases; a second agent meets 409, a stale claim 412', async () => {
    const [aylin, burak] = [await staff('aylin', 'agent'), await staff('burak', 'agent')];
    const created = await call('POST', '/sessions', { body: {} });
    const conversationId = created.body.conversation.id as string;
    await call('POST', '/sessions/{sessionId}/messages', {
      params: { sessionId: created.body.session.id },
      body: { content: 'a villa with a pool in Kyrenia', clientMessageId: randomUUID() },
    });
    await call('POST', '/sessions/{sessionId}/agent', {
      params: { sessionId: created.body.session.id },
      body: { reason: 'a question about the pool' },
    });

    const waiting = await call('GET', '/inbox', { bearer: aylin.accessToken });
    expect(
      waiting.body.items.map((i: { conversation: { id: string } }) => i.conversation.id),
    ).toContain(conversationId);
    const item = await call('GET', '/inbox/{conversationId}', {
      bearer: aylin.accessToken,
      params: { conversationId },
    });
    expect(item.body).toMatchObject({ conversation: { id: conversationId, mode: 'waiting' } });
    expect(item.body.brief.listingsShown.length).toBeGreaterThan(0);
    const trpc = httpClient(server.url, aylin.accessToken);
    expect(item.body).toEqual(
      JSON.parse(JSON.stringify(await trpc.inbox.get.query({ conversationId }))),
    );

    const claimed = await call('POST', '/inbox/{conversationId}/claim', {
      bearer: aylin.accessToken,
      params: { conversationId },
    });
    expect(claimed.status).toBe(200);
    expect(claimed.body.conversation).toMatchObject({
      mode: 'agent',
      assignedAgent: { name: 'aylin' },
    });
    expect(claimed.body.session.conversationId).toBe(conversationId);
    const taken = await call('POST', '/inbox/{conversationId}/claim', {
      bearer: burak.accessToken,
      params: { conversationId },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('CONFLICT');
    const notTheirs = await call('POST', '/inbox/{conversationId}/release', {
      bearer: burak.accessToken,
      params: { conversationId },
      body: {},
    });
    expect(notTheirs.status).toBe(403);
    const released = await call('POST', '/inbox/{conversationId}/release', {
      bearer: aylin.accessToken,
      params: { conversationId },
      body: { to: 'assistant' },
    });
    expect(released.body).toMatchObject({ id: conversationId, mode: 'assistant' });
    const stale = await call('POST', '/inbox/{conversationId}/claim', {
      bearer: burak.accessToken,
      params: { conversationId },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');

    const never = await call('GET', '/inbox/{conversationId}', {
      bearer: aylin.accessToken,
      params: { conversationId: randomUUID() },
    });
    expect(never.status).toBe(404);
    // Staff only, with their own account: neither a customer nor any API key.
    expect((await call('GET', '/inbox', { bearer: accessToken })).status).toBe(403);
    expect((await call('GET', '/inbox', {})).status).toBe(403);
  });

  it('lists accounts and sets roles as an admin; the last admin is kept', async () => {
    const admin = await staff('cem', 'admin');
    const deniz = await signUp(httpClient(server.url), 'deniz');
    const bearer = admin.accessToken;
    const users = await call('GET', '/admin/users', { bearer, query: '?search=deniz&limit=5' });
    expect(users.body.items.map((u: { id: string }) => u.id)).toEqual([deniz.user.id]);
    const trpc = httpClient(server.url, bearer);
    expect(users.body).toEqual(
      JSON.parse(JSON.stringify(await trpc.admin.users.list.query({ search: 'deniz', limit: 5 }))),
    );
    const promoted = await call('PUT', '/admin/users/{userId}/role', {
      bearer,
      params: { userId: deniz.user.id },
      body: { role: 'agent' },
    });
    expect(promoted.body).toMatchObject({ id: deniz.user.id, role: 'agent' });
    const agents = await call('GET', '/admin/users', { bearer, query: '?role=agent&limit=100' });
    expect(agents.body.items.map((u: { id: string }) => u.id)).toContain(deniz.user.id);
    const nobody = await call('PUT', '/admin/users/{userId}/role', {
      bearer,
      params: { userId: randomUUID() },
      body: { role: 'agent' },
    });
    expect(nobody.status).toBe(404);
    const lastAdmin = await call('PUT', '/admin/users/{userId}/role', {
      bearer,
      params: { userId: admin.user.id },
      body: { role: 'user' },
    });
    expect(lastAdmin.status).toBe(412);
    expect(lastAdmin.body.message).toMatch(/last admin/);
    // Not for agents, nor for API keys (even an admin's).
    expect((await call('GET', '/admin/users', { bearer: deniz.accessToken })).status).toBe(403);
    expect((await call('GET', '/admin/users', {})).status).toBe(403);
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
      served.push(path.replaceAll('.', '-'));
    }
    const documented = Object.values(document.paths).flatMap((ops) =>
      Object.values(ops).map((op) => op.operationId),
    );
    expect(documented.sort()).toEqual(served.sort());
  });

  it('REST answers exactly what tRPC answers, field for field', async () => {
    const trpc = httpClient(server.url, accessToken);
    const session = await trpc.sessions.create.mutate({});
    const send = {
      sessionId: session.session.id,
      content: 'two bedrooms in Famagusta',
      clientMessageId: randomUUID(),
    };
    const sent = await trpc.sessions.send.mutate(send);
    const listing = (await trpc.listings.search.query({ limit: 1 })).items[0]!;
    await trpc.favorites.add.mutate({ listingId: listing.id });
    const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));
    // The same send again (same clientMessageId) answers the same message, run and reply.
    const again = await fetch(`${server.url}/api/v1/sessions/${send.sessionId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(send),
    });
    expect(await again.json()).toEqual(asJson(sent));
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
      [
        await trpc.conversations.memory.query({ conversationId: session.conversation.id }),
        `/conversations/${session.conversation.id}/memory`,
      ],
      [
        await trpc.sessions.runs.query({ sessionId: session.session.id }),
        `/sessions/${session.session.id}/runs`,
      ],
      [await trpc.favorites.list.query({}), '/favorites'],
      [await trpc.listings.similar.query({ id: listing.id }), `/listings/${listing.id}/similar`],
      [await trpc.auth.apiKeys.list.query(), '/auth/api-keys'],
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
