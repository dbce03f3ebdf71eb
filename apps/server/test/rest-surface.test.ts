import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp, startTestServer, type TestServer } from './harness';

// The REST surface as a whole, as its OpenAPI document declares it: what every operation
// may answer, and that the answers a client meets are the ones declared.

interface Operation {
  operationId: string;
  parameters?: { in: string; name: string; schema: Record<string, unknown> }[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
}
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
}

let server: TestServer;
let document: {
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** The tRPC code of each HTTP status an operation may declare. */
const CODES: Record<string, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

/** Operations with a path parameter that never answer 404, and why. */
const NEVER_NOT_FOUND: Record<string, string> = {
  // Unsaving what is not saved, or no longer exists, is the same outcome (tested below).
  'DELETE /favorites/{listingId}': 'idempotent',
};

beforeAll(async () => {
  // Three anonymous searches a minute per address, and two sends a minute per guest or
  // client secret, so the limits are met in a test.
  server = await startTestServer({
    label: 'rest-surface',
    env: {
      SEED_DEMO_LISTINGS: '5',
      RATE_LIMIT_SEARCH_PER_IP_PER_MINUTE: '3',
      RATE_LIMIT_VISITOR_SENDS_PER_MINUTE: '2',
      SAVED_SEARCHES_PER_USER: '1',
    },
  });
  document = (await fetch(`${server.url}/api/openapi.json`).then((r) => r.json())) as never;
  ajv.addSchema(document, 'openapi');
});
afterAll(async () => {
  await server?.close();
});

function operations() {
  return Object.entries(document.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      name: `${method.toUpperCase()} ${path}`,
      path,
      method,
      op,
    })),
  );
}

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** Checks `body` against what `path` `method` declares for `status`. */
function expectDeclared(path: string, method: string, status: number, body: unknown) {
  const declared = document.paths[path]?.[method]?.responses[String(status)];
  expect(declared, `${method} ${path} declares ${status}`).toBeDefined();
  const validate = ajv.getSchema(
    `openapi#/${pointer('paths', path, method, 'responses', String(status), 'content', 'application/json', 'schema')}`,
  );
  expect(validate!(body), JSON.stringify(validate!.errors)).toBe(true);
}

describe('the OpenAPI document declares every answer', () => {
  it('every operation declares 500 and 503; one with a path parameter declares 404', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(40);
    for (const { name, path, op } of all) {
      const statuses = Object.keys(op.responses);
      expect(statuses, name).toEqual(expect.arrayContaining(['200', '500', '503']));
      if (/\{\w+\}/.test(path) && !NEVER_NOT_FOUND[name]) expect(statuses, name).toContain('404');
    }
  });

  it('every operation with input declares 400, every protected one 401 and 403', () => {
    for (const { name, op } of operations()) {
      const statuses = Object.keys(op.responses);
      if (op.parameters?.length || op.requestBody) expect(statuses, name).toContain('400');
      const secured = (op as { security?: unknown[] }).security?.length;
      if (secured) expect(statuses, name).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it("each error status refers to its code's schema, in Parley's error shape, with a reason", () => {
    const used = new Set<string>();
    for (const { name, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (status === '200') continue;
        const code = CODES[status];
        expect(code, `${name}: ${status} is a status Parley answers`).toBeDefined();
        expect(response.content?.['application/json']?.schema.$ref, `${name} ${status}`).toBe(
          `#/components/schemas/error.${code}`,
        );
        expect(response.description.length, `${name} ${status}`).toBeGreaterThan(5);
        used.add(code!);
      }
    }
    // Among them the ones trpc-to-openapi never declares by itself.
    expect([...used]).toEqual(
      expect.arrayContaining([
        'CONFLICT',
        'PRECONDITION_FAILED',
        'TOO_MANY_REQUESTS',
        'SERVICE_UNAVAILABLE',
        'PAYLOAD_TOO_LARGE',
      ]),
    );
    for (const code of used) {
      const schema = document.components.schemas[`error.${code}`]!;
      expect(schema.required, code).toEqual(['code', 'message', 'data']);
      expect(schema.properties?.data?.required, code).toEqual(['code', 'httpStatus', 'requestId']);
      expect(Object.keys(schema.properties?.data?.properties ?? {})).toEqual(
        expect.arrayContaining(['fieldErrors', 'retryAfter']),
      );
    }
  });

  it('gives each operation its own reasons: a 409 or 412 says what conflicts', () => {
    const reason = (name: string, status: number) => {
      const [method, path] = name.split(' ') as [string, string];
      return document.paths[path]![method.toLowerCase()]!.responses[String(status)]!.description;
    };
    expect(reason('POST /inbox/{conversationId}/claim', 409)).toMatch(/Another agent/);
    expect(reason('POST /webhooks', 409)).toMatch(/50 webhooks/);
    expect(reason('PUT /admin/users/{userId}/role', 412)).toMatch(/last admin/);
    expect(reason('POST /sessions/{id}/secret', 412)).toMatch(/ended or expired/);
    expect(reason('GET /listings', 429)).toMatch(/retryAfter/);
  });

  it('documents every id a client sends as format uuid (clientMessageId too)', () => {
    const send = document.paths['/sessions/{sessionId}/messages']!.post!;
    expect(
      send.requestBody!.content['application/json'].schema.properties!.clientMessageId,
    ).toEqual({ type: 'string', format: 'uuid' });
    let checked = 0;
    for (const { name, op } of operations()) {
      const fields: [string, Record<string, unknown>][] = [
        ...(op.parameters ?? []).map((p): [string, Record<string, unknown>] => [p.name, p.schema]),
        ...Object.entries(op.requestBody?.content['application/json'].schema.properties ?? {}).map(
          ([key, schema]): [string, Record<string, unknown>] => [
            key,
            (schema.items ?? schema) as Record<string, unknown>,
          ],
        ),
      ];
      // `endUserId` is the integrator's own id for a person, free text.
      for (const [field, schema] of fields) {
        if (!/^(id|ids|\w+Id)$/.test(field) || field === 'endUserId') continue;
        expect(schema.format, `${name}: ${field}`).toBe('uuid');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});

/**
 * Calls the documented operation `route` with plain HTTP; whatever the status, the
 * operation must declare it, and the body must match what it declares for it.
 */
async function answer(
  method: string,
  route: string,
  options: {
    params?: Record<string, string>;
    query?: string;
    body?: unknown;
    headers?: Record<string, string>;
    bearer?: string;
  } = {},
) {
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => options.params?.[name] ?? '');
  const res = await fetch(`${document.servers[0]!.url}${path}${options.query ?? ''}`, {
    method,
    headers: {
      ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const body: any = await res.json();
  expect(
    Object.keys(document.paths[route]?.[method.toLowerCase()]?.responses ?? {}),
    `${method} ${route} declares ${res.status} (${JSON.stringify(body).slice(0, 200)})`,
  ).toContain(String(res.status));
  expectDeclared(route, method.toLowerCase(), res.status, body);
  return { status: res.status, body, headers: res.headers };
}

async function staff(label: string, role: 'agent' | 'admin') {
  const person = await signUp(httpClient(server.url), label);
  await server.db.query('UPDATE users SET role = $1 WHERE id = $2', [role, person.user.id]);
  return person;
}

describe('the answers match the declarations', () => {
  it('anonymous searches past the limit answer 429 with retryAfter, as declared', async () => {
    const base = document.servers[0]!.url;
    let limited: Response | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const res = await fetch(`${base}/listings?limit=1`);
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited, 'the fourth search is refused').toBeDefined();
    const body = (await limited!.json()) as { code: string; data: { retryAfter: number } };
    expectDeclared('/listings', 'get', 429, body);
    expect(body.code).toBe('TOO_MANY_REQUESTS');
    expect(body.data.retryAfter).toBeGreaterThan(0);
    // The standard header says the same.
    expect(limited!.headers.get('retry-after')).toBe(String(body.data.retryAfter));
    // A signed-in person is not held to it.
    const person = await signUp(httpClient(server.url), 'searcher');
    const signedIn = await fetch(`${base}/listings?limit=1`, {
      headers: { authorization: `Bearer ${person.accessToken}` },
    });
    expect(signedIn.status).toBe(200);
    const badKey = await fetch(`${base}/listings?limit=1`, { headers: { 'x-api-key': 'pk_nope' } });
    expect(badKey.status).toBe(401);
    expectDeclared('/listings', 'get', 401, await badKey.json());
  });

  it('a body over 1 MB answers 413, as declared', async () => {
    const person = await signUp(httpClient(server.url), 'big');
    const res = await fetch(`${document.servers[0]!.url}/conversations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${person.accessToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ title: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expectDeclared('/conversations', 'post', 413, await res.json());
  });

  it('unsaving a favorite that is not saved answers 200, not 404 (the declared exception)', async () => {
    const person = await signUp(httpClient(server.url), 'unsaver');
    const res = await fetch(`${document.servers[0]!.url}/favorites/${randomUUID()}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${person.accessToken}` },
    });
    expect(res.status).toBe(200);
    expectDeclared('/favorites/{listingId}', 'delete', 200, await res.json());
    expect(document.paths['/favorites/{listingId}']!.delete!.responses['404']).toBeUndefined();
  });

  it("a guest's sends and retries past the limit answer 429 with retryAfter and Retry-After, as declared", async () => {
    const guest = await httpClient(server.url).auth.guest.mutate();
    const bearer = guest.accessToken;
    const created = await answer('POST', '/sessions', { bearer, body: {} });
    expect(created.status).toBe(200);
    const sessionId = created.body.session.id as string;
    const send = () =>
      answer('POST', '/sessions/{sessionId}/messages', {
        bearer,
        params: { sessionId },
        body: { content: 'a flat in Kyrenia', clientMessageId: randomUUID(), wait: false },
      });
    const first = await send();
    expect(first.status).toBe(200);
    expect((await send()).status).toBe(200);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.body.data.retryAfter).toBeGreaterThan(0);
    expect(limited.headers.get('retry-after')).toBe(String(limited.body.data.retryAfter));
    const retried = await answer('POST', '/sessions/{sessionId}/messages/{messageId}/retry', {
      bearer,
      params: { sessionId, messageId: first.body.userMessage.id },
      body: { clientMessageId: randomUUID(), wait: false },
    });
    expect(retried.status).toBe(429);
    expect(Number(retried.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it("an ended session's cancel answers 412; an agent's session after release answers 412 on memory and runs", async () => {
    const person = await signUp(httpClient(server.url), 'ender');
    const bearer = person.accessToken;
    const created = await answer('POST', '/sessions', { bearer, body: {} });
    const sessionId = created.body.session.id as string;
    const sent = await answer('POST', '/sessions/{sessionId}/messages', {
      bearer,
      params: { sessionId },
      body: { content: 'a villa with a pool', clientMessageId: randomUUID() },
    });
    expect(sent.status).toBe(200);
    expect(
      (await answer('POST', '/sessions/{id}/end', { bearer, params: { id: sessionId } })).status,
    ).toBe(200);
    const cancel = await answer('POST', '/sessions/{sessionId}/runs/{runId}/cancel', {
      bearer,
      params: { sessionId, runId: sent.body.run.id },
    });
    expect(cancel.status).toBe(412);
    expect(cancel.body.code).toBe('PRECONDITION_FAILED');

    const customer = await answer('POST', '/sessions', { bearer, body: {} });
    const conversationId = customer.body.conversation.id as string;
    await answer('POST', '/sessions/{sessionId}/agent', {
      bearer,
      params: { sessionId: customer.body.session.id },
      body: {},
    });
    const agent = await staff('seat', 'agent');
    const claimed = await answer('POST', '/inbox/{conversationId}/claim', {
      bearer: agent.accessToken,
      params: { conversationId },
    });
    expect(claimed.status).toBe(200);
    const seat = { sessionId: claimed.body.session.id as string };
    expect(
      (
        await answer('GET', '/sessions/{sessionId}/memory', {
          bearer: agent.accessToken,
          params: seat,
        })
      ).status,
    ).toBe(200);
    await answer('POST', '/inbox/{conversationId}/release', {
      bearer: agent.accessToken,
      params: { conversationId },
      body: { to: 'assistant' },
    });
    for (const route of ['/sessions/{sessionId}/memory', '/sessions/{sessionId}/runs']) {
      const refused = await answer('GET', route, { bearer: agent.accessToken, params: seat });
      expect(refused.status, route).toBe(412);
      expect(refused.body.message, route).toMatch(/claim the conversation again/);
    }
  });

  it('a public listing read with an invalid credential answers 401, as declared', async () => {
    const [{ id }] = (await server.db.query<{ id: string }>('SELECT id FROM listings LIMIT 1')) as [
      { id: string },
    ];
    for (const route of ['/listings/{id}', '/listings/{id}/similar']) {
      for (const headers of <Record<string, string>[]>[
        { authorization: 'Bearer garbage' },
        { 'x-api-key': 'pk_nope' },
        { 'x-api-key': 'cs_nope' },
      ]) {
        const res = await answer('GET', route, { params: { id }, headers });
        expect(res.status, `${route} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.body.code).toBe('UNAUTHORIZED');
      }
      expect((await answer('GET', route, { params: { id } })).status, route).toBe(200);
    }
  });

  it('a saved search past SAVED_SEARCHES_PER_USER answers 409, as declared', async () => {
    const person = await signUp(httpClient(server.url), 'searcher');
    const save = (maxPrice: number) =>
      answer('POST', '/searches', {
        bearer: person.accessToken,
        body: { query: { location: 'Girne', rentType: 'long_term', maxPrice } },
      });
    expect((await save(1000)).status).toBe(200);
    const over = await save(2000);
    expect(over.status).toBe(409);
    expect(over.body.message).toMatch(/delete one first/);
  });

  it('public listing reads declare their credential optional: none, a token or a key', () => {
    for (const { name, op } of operations()) {
      const security = (op as { security?: Record<string, string[]>[] }).security;
      // Every operation says what it takes (redocly's security-defined).
      expect(security?.length, name).toBeGreaterThan(0);
      if (name.startsWith('GET /listings'))
        expect(security, name).toEqual([{}, { bearer: [] }, { apiKey: [] }]);
      else expect(security, name).not.toContainEqual({});
    }
  });

  it("answers the server gives before any operation runs have their code's schema too", async () => {
    const person = await signUp(httpClient(server.url), 'unparsed');
    const base = document.servers[0]!.url;
    const answers = [
      // Not valid JSON: 400 PARSE_ERROR, under the operation's declared 400.
      await fetch(`${base}/conversations`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${person.accessToken}`,
          'content-type': 'application/json',
        },
        body: '{"title":',
      }),
      // A method the path does not take: 405 METHOD_NOT_SUPPORTED, declared by no operation.
      await fetch(`${base}/conversations`, { method: 'PUT' }),
      // A URL over 16 KB: 431.
      await fetch(`${base}/listings?location=${'x'.repeat(17_000)}`),
    ];
    const codes: string[] = [];
    for (const res of answers) {
      const body = (await res.json()) as { code: string; data: { httpStatus: number } };
      codes.push(body.code);
      const validate = ajv.getSchema(`openapi#/components/schemas/error.${body.code}`);
      expect(validate, `error.${body.code}`).toBeDefined();
      expect(validate!(body), JSON.stringify(validate!.errors)).toBe(true);
      expect(body.data.httpStatus).toBe(res.status);
    }
    expect(codes).toEqual([
      'PARSE_ERROR',
      'METHOD_NOT_SUPPORTED',
      'REQUEST_HEADER_FIELDS_TOO_LARGE',
    ]);
  });

  it('a body that is not JSON answers 415, as declared', async () => {
    const person = await signUp(httpClient(server.url), 'plain');
    const res = await answer('POST', '/conversations', {
      bearer: person.accessToken,
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: '"text/plain" is not JSON: send application/json',
    });
  });
});
