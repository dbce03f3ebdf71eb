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
  // Three anonymous searches a minute per address, so the limit is met in a test.
  server = await startTestServer({
    label: 'rest-surface',
    env: { SEED_DEMO_LISTINGS: '5', RATE_LIMIT_SEARCH_PER_IP_PER_MINUTE: '3' },
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
});
