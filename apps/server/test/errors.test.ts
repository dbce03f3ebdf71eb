import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { errorOf, httpClient, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ label: 'errors', env: { NODE_ENV: 'production' } });
});
afterAll(() => server?.close());

const UUID_LIKE = /^[\w.-]{8,64}$/;

/** A tRPC error response as it arrives on the wire (superjson-wrapped). */
async function rawError(res: Response) {
  const body = await res.json();
  const envelope = Array.isArray(body) ? body[0] : body;
  return envelope.error.json ?? envelope.error;
}

describe('every failure is a well-formed tRPC error with a requestId', () => {
  it('a malformed request body', async () => {
    const res = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"json": {"email": ',
    });
    expect(res.status).toBe(400);
    const error = await rawError(res);
    expect(['PARSE_ERROR', 'BAD_REQUEST']).toContain(error.data.code);
    expect(error.data.requestId).toBe(res.headers.get('x-request-id'));
    expect(JSON.stringify(error)).not.toMatch(/stack|at .*\.ts/);
  });

  it('an unknown procedure', async () => {
    const res = await fetch(`${server.url}/trpc/auth.nope`);
    expect(res.status).toBe(404);
    const error = await rawError(res);
    expect(error.data).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
    expect(error.data.requestId).toMatch(UUID_LIKE);
  });

  it('invalid input names each field in message and fieldErrors', async () => {
    const client = httpClient(server.url);
    const error = await errorOf(() =>
      client.auth.register.mutate({ email: 'not-an-email', password: 'short', name: '' }),
    );
    expect(error.data.code).toBe('BAD_REQUEST');
    expect(error.data.requestId).toMatch(UUID_LIKE);
    expect(Object.keys(error.data.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'password']);
    expect(error.message).toMatch(/email: .*password: .*name: /);
  });

  it('an unexpected failure is INTERNAL_SERVER_ERROR without SQL, driver text or stack, logged with its requestId', async () => {
    // Break the schema under the running server: the next login fails inside the driver.
    await server.db.query('ALTER TABLE users RENAME TO users_gone');
    try {
      const client = httpClient(server.url);
      const error = await errorOf(() =>
        client.auth.login.mutate({ email: 'a@example.com', password: 'whatever!' }),
      );
      expect(error.data.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error.message).toBe('Internal server error');
      expect(JSON.stringify(error)).not.toMatch(/relation|users|SELECT|sequelize|stack/i);
      const logged = server.logs.find(
        (l) => l.requestId === error.data.requestId && l.level === 50,
      );
      expect(logged).toBeDefined();
      expect(JSON.stringify(logged)).toMatch(/users/);
      expect((logged!.err as { stack?: string }).stack).toBeTruthy();
    } finally {
      await server.db.query('ALTER TABLE users_gone RENAME TO users');
    }
  });

  it('the x-request-id a caller sends is kept', async () => {
    const res = await fetch(`${server.url}/trpc/auth.me`, {
      headers: { 'x-request-id': 'caller-chose-this-1' },
    });
    expect(res.headers.get('x-request-id')).toBe('caller-chose-this-1');
    const error = await rawError(res);
    expect(error.data).toMatchObject({ code: 'UNAUTHORIZED', requestId: 'caller-chose-this-1' });
  });

  it('a WebSocket frame without params.input gets a plain PARSE_ERROR, no JavaScript error text', async () => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/trpc`);
    try {
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const reply = new Promise<string>((resolve) => ws.once('message', (m) => resolve(String(m))));
      ws.send(JSON.stringify({ id: 7, method: 'query', params: { path: 'listings.get' } }));
      const { id, error } = JSON.parse(await reply);
      expect(id).toBeNull(); // tRPC refuses the frame as a whole, before reading its id
      const shape = error.json ?? error;
      expect(shape.data.code).toBe('PARSE_ERROR');
      expect(shape.data.requestId).toMatch(UUID_LIKE);
      expect(shape.message).toBe('Malformed request: not a tRPC message');
      expect(JSON.stringify(shape)).not.toMatch(/destructure|undefined|TypeError|at /);
    } finally {
      ws.close();
    }
  });
});
