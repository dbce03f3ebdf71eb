/**
 * The SDK's source against a real server: error mapping, token refresh (shared, once),
 * socket reconnect with the new token, chat streaming, resume after a restart over WS
 * and SSE, transport 'http', connection states, close().
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../src/connection';
import { createParleyClient, isParleyError, type ParleyClient, ParleyError } from '../src/node';
import type { SessionEvent } from '../src/public';
import { startRestartableServer } from './server';

type Restartable = Awaited<ReturnType<typeof startRestartableServer>>;
let server: Restartable;
const clients: ParleyClient[] = [];

beforeAll(async () => {
  server = await startRestartableServer('sdk_client', { SEED_DEMO_LISTINGS: '300' });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server?.close();
});

function client(options: Omit<Parameters<typeof createParleyClient>[0], 'url'> = {}) {
  const c = createParleyClient({ url: server.url, retryDelayMs: () => 200, ...options } as never);
  clients.push(c);
  return c;
}

async function register(label: string) {
  const anonymous = client();
  const email = `${label}-${randomUUID().slice(0, 8)}@example.com`;
  const password = `correct horse ${randomUUID().slice(0, 8)}`;
  return anonymous.auth.register.mutate({ email, password, name: label });
}

async function rejection(promise: Promise<unknown>): Promise<ParleyError> {
  try {
    await promise;
  } catch (error) {
    expect(isParleyError(error)).toBe(true);
    expect(error).toBeInstanceOf(ParleyError);
    return error as ParleyError;
  }
  throw new Error('expected the call to fail');
}

function until(check: () => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs)
        return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

async function untilAsync(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('errors', () => {
  it('every failed call rejects with a typed ParleyError', async () => {
    const tokens = await register('errors');
    const c = client({ token: tokens.accessToken });
    const bad = await rejection(c.conversations.get.query({ id: 'undefined' }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400, path: 'conversations.get' });
    expect(bad.requestId).toMatch(/\S+/);
    expect(bad.fieldErrors).toHaveProperty('id');
    const missing = await rejection(c.conversations.get.query({ id: randomUUID() }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
    const anonymous = await rejection(client().auth.me.query());
    expect(anonymous).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
    const wrongPassword = await rejection(
      client().auth.login.mutate({ email: tokens.user.email, password: 'not the password' }),
    );
    expect(wrongPassword.code).toBe('UNAUTHORIZED');
  });

  it('a server that is not there is a NETWORK_ERROR', async () => {
    const c = createParleyClient({ url: 'http://127.0.0.1:9' });
    clients.push(c);
    const error = await rejection(c.auth.me.query());
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', httpStatus: 0 });
  });

  it('a closed client refuses calls', async () => {
    const c = client();
    await c.close();
    expect(c.connection.state).toBe('closed');
    expect((await rejection(c.auth.me.query())).code).toBe('CLIENT_CLOSED_REQUEST');
  });
});

describe('token refresh', () => {
  it('concurrent UNAUTHORIZED calls share one refresh, call onTokens once and succeed', async () => {
    const tokens = await register('refresh');
    const seen: string[] = [];
    const c = client({
      token: 'expired-or-garbage',
      refreshToken: tokens.refreshToken,
      onTokens: (t) => seen.push(t.refreshToken),
    });
    const [me, list, again] = await Promise.all([
      c.auth.me.query(),
      c.conversations.list.query({}),
      c.auth.me.query(),
    ]);
    expect(me.id).toBe(tokens.user.id);
    expect(again.id).toBe(tokens.user.id);
    expect(list.items).toEqual([]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toBe(tokens.refreshToken);
  });

  it('a refresh that fails gives the original UNAUTHORIZED', async () => {
    const c = client({ token: 'garbage', refreshToken: 'not-a-refresh-token' });
    expect((await rejection(c.auth.me.query())).code).toBe('UNAUTHORIZED');
  });

  it('a WebSocket subscription refused for an expired token refreshes, reconnects and starts', async () => {
    const tokens = await register('wsrefresh');
    const owner = client({ token: tokens.accessToken });
    const { session } = await owner.sessions.create.mutate({});
    let refreshed = 0;
    const c = client({
      token: 'garbage',
      refreshToken: tokens.refreshToken,
      onTokens: () => {
        refreshed += 1;
      },
    });
    const events: SessionEvent[] = [];
    let started = false;
    const sub = c.sessions.events.subscribe(
      { sessionId: session.id },
      {
        onStarted: () => {
          started = true;
        },
        onData: ({ data }) => events.push(data),
      },
    );
    await until(() => started, 15_000, 'the subscription to start');
    expect(refreshed).toBe(1);
    await owner.sessions.send.mutate({
      sessionId: session.id,
      content: 'hello',
      clientMessageId: randomUUID(),
    });
    await until(() => events.some((e) => e.type === 'assistant.completed'));
    sub.unsubscribe();
  });
});

describe('chat', () => {
  it('streams deltas, then the reply; deltas add up to the reply text', async () => {
    const tokens = await register('chat');
    const c = client({ token: tokens.accessToken });
    const chat = await c.chat.open();
    expect(chat.clientSecret).toMatch(/^cs_/);
    const deltas: string[] = [];
    let reply: import('../src/public').AssistantReply | undefined;
    for await (const piece of chat.send(
      '2 bedroom apartment in Girne for long-term rent under 1000',
    )) {
      if (piece.type === 'delta') {
        expect(reply).toBeUndefined();
        deltas.push(piece.text);
      } else if (piece.type === 'reply') reply = piece.reply;
    }
    expect(reply?.responseText.length).toBeGreaterThan(0);
    // The rule agent writes its pieces back to back, and those go out as one delta; a
    // model's pieces arriving apart stream one by one (apps/server model-streaming test).
    expect(deltas.length).toBeGreaterThanOrEqual(1);
    expect(deltas.join('')).toBe(reply?.responseText);
    await chat.close();
  });

  it('the widget flow: a client with only the client secret joins and chats', async () => {
    const tokens = await register('widget');
    const serverSide = client({ token: tokens.accessToken });
    const created = await serverSide.sessions.create.mutate({});
    const page = client({ clientSecret: created.clientSecret });
    const chat = await page.chat.open({ sessionId: created.session.id });
    const pieces = [];
    for await (const piece of chat.send('villa with a pool in Kyrenia')) pieces.push(piece);
    expect(pieces.at(-1)?.type).toBe('reply');
    // And through the other client's own connection, with the secret passed to open().
    const joined = await serverSide.chat.open({
      sessionId: created.session.id,
      clientSecret: created.clientSecret,
    });
    expect(joined.conversationId).toBe(created.conversation.id);
    await joined.close();
    await chat.close();
  });

  it('refuses an undefined or empty session id before any request', async () => {
    const c = client();
    for (const sessionId of [undefined, '', '  ']) {
      const error = await rejection(c.chat.open({ sessionId } as never));
      expect(error).toMatchObject({
        code: 'BAD_REQUEST',
        fieldErrors: { sessionId: ['is missing'] },
      });
    }
  });

  it("transport 'http' chats without a stream and refuses subscriptions", async () => {
    const tokens = await register('http');
    const c = client({ token: tokens.accessToken, transport: 'http' });
    const chat = await c.chat.open();
    const pieces = [];
    for await (const piece of chat.send('hello')) pieces.push(piece);
    expect(pieces.map((p) => p.type)).toEqual(['delta', 'reply']);
    const error = await new Promise<unknown>((resolve) =>
      c.sessions.events.subscribe({ sessionId: chat.sessionId }, { onError: resolve }),
    );
    expect(error).toMatchObject({ code: 'METHOD_NOT_SUPPORTED' });
    expect(c.connection.state).toBe('idle');
  });
});

describe.each(['ws', 'sse'] as const)('resume over %s', (transport) => {
  it('a restart of the server loses no durable event, and the state says so', async () => {
    const tokens = await register(`resume-${transport}`);
    const c = client({ token: tokens.accessToken, transport });
    const states: ConnectionState[] = [];
    c.connection.subscribe((s) => states.push(s));
    const chat = await c.chat.open();
    const received: { id: string; type: string }[] = [];
    chat.onEvent((event, id) => received.push({ id, type: event.type }));
    for await (const _ of chat.send('flat in Lefkosa')) {
    }
    await until(() => received.some((r) => r.type === 'assistant.completed'));
    expect(c.connection.state).toBe('open');

    await server.stop();
    await until(() => c.connection.state === 'reconnecting', 15_000, 'reconnecting');
    // Sent while the client's server is away, through another instance on the same
    // database: the client can only learn of it by resuming once its server is back.
    const side = await server.another();
    try {
      const other = createParleyClient({ url: side.url, token: tokens.accessToken });
      clients.push(other);
      await other.sessions.send.mutate({
        sessionId: chat.sessionId,
        content: 'with parking',
        clientMessageId: randomUUID(),
      });
      // The reply is written while the client is away: it has not seen it.
      const runs = async () =>
        (await other.sessions.runs.query({ sessionId: chat.sessionId, limit: 10 })).items;
      await untilAsync(async () => (await runs()).every((run) => run.status === 'completed'));
      expect(c.connection.state).toBe('reconnecting');
      expect(received.filter((r) => r.type === 'assistant.completed')).toHaveLength(1);
      await server.start();
      await until(() => received.filter((r) => r.type === 'assistant.completed').length === 2);
    } finally {
      await side.close();
    }
    await until(() => c.connection.state === 'open', 15_000, 'open again');
    const durable = received.filter((r) => !r.id.includes(':')).map((r) => r.id);
    // Two turns, each: message.created, run.started, assistant.completed.
    expect(durable).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(states).toContain('reconnecting');
    expect(states.at(-1)).toBe('open');
    await chat.close();
  });
});
