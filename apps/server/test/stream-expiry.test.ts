import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createParleyClient, type ParleyClient } from '@parley/sdk';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents, typeUntilSeen } from './events';
import { httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

/*
 * A live stream lasts no longer than the credential it was opened with: at an access
 * token's or client secret's expiry it ends with UNAUTHORIZED (revocation ends it sooner,
 * see live.test.ts), and the SDK renews the credential and resumes without losing an event.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ label: 'expiry', env: { SEED_DEMO_LISTINGS: '20' } });
});
afterAll(() => server?.close());

/** The user's own access token, re-signed to expire `seconds` from now. */
async function shortLived(accessToken: string, seconds: number) {
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString());
  const exp = Math.ceil(Date.now() / 1000) + seconds;
  const token = await new SignJWT({ ...claims, exp })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(server.env.JWT_SECRET));
  return { token, expiresAtMs: exp * 1000 };
}

const code = (error: unknown) => (error as { data?: { code?: string } }).data?.code;

describe('a stream ends when its credential expires', () => {
  for (const transport of ['ws', 'sse'] as const) {
    it(`an access token's expiry ends it with UNAUTHORIZED within a second (${transport})`, async () => {
      const user = await signUp(httpClient(server.url), 'expiry');
      const { session } = await httpClient(server.url, user.accessToken).sessions.create.mutate({});
      const { token, expiresAtMs } = await shortLived(user.accessToken, 2);
      const socket = transport === 'ws' ? wsClient(server.url, token) : undefined;
      try {
        const events = recordEvents(socket?.client ?? httpClient(server.url, token), session.id);
        await events.started();
        await typeUntilSeen(
          () =>
            httpClient(server.url, user.accessToken).sessions.typing.mutate({
              sessionId: session.id,
              typing: true,
            }),
          [events],
        );
        await events.until(() => events.errors.length > 0, 5_000);
        const endedAt = Date.now();
        expect(code(events.errors[0])).toBe('UNAUTHORIZED');
        expect(endedAt).toBeGreaterThanOrEqual(expiresAtMs);
        expect(endedAt - expiresAtMs).toBeLessThan(1_000);
      } finally {
        await socket?.close();
      }
    });
  }

  it("a client secret's expiry ends it with UNAUTHORIZED", async () => {
    const user = await signUp(httpClient(server.url), 'expiry');
    const created = await httpClient(server.url, user.accessToken).sessions.create.mutate({});
    await server.db.query(
      `UPDATE session_secrets SET expires_at = now() + interval '2 seconds' WHERE session_id = $1`,
      [created.session.id],
    );
    const socket = wsClient(server.url, created.clientSecret);
    try {
      const events = recordEvents(socket.client, created.session.id);
      await events.started();
      const opened = Date.now();
      await events.until(() => events.errors.length > 0, 5_000);
      expect(code(events.errors[0])).toBe('UNAUTHORIZED');
      expect(Date.now() - opened).toBeLessThan(3_000);
    } finally {
      await socket.close();
    }
  });

  it('an API key does not expire: its stream goes on', async () => {
    const user = await signUp(httpClient(server.url), 'expiry');
    const http = httpClient(server.url, user.accessToken);
    const { key } = await http.auth.apiKeys.create.mutate({
      name: 'stream',
      scopes: ['sessions:write'],
    });
    const { session } = await httpClient(server.url, key).sessions.create.mutate({});
    const socket = wsClient(server.url, key);
    try {
      const events = recordEvents(socket.client, session.id);
      await events.started();
      await sleep(1_500);
      await typeUntilSeen(
        () =>
          httpClient(server.url, key).sessions.typing.mutate({
            sessionId: session.id,
            typing: true,
          }),
        [events],
      );
      expect(events.errors).toEqual([]);
    } finally {
      await socket.close();
    }
  });
});

describe('the SDK renews and resumes', () => {
  let sdk: ParleyClient | undefined;
  afterAll(() => sdk?.close());

  it('refreshes the expired token, reconnects and delivers every durable event once', async () => {
    const user = await signUp(httpClient(server.url), 'expiry');
    const { token, expiresAtMs } = await shortLived(user.accessToken, 3);
    let renewed = 0;
    sdk = createParleyClient({
      url: server.url,
      token,
      refreshToken: user.refreshToken,
      onTokens: () => {
        renewed += 1;
      },
      retryDelayMs: () => 100,
    });
    const { session } = await sdk.sessions.create.mutate({});
    const ids: string[] = [];
    const errors: unknown[] = [];
    let started = false;
    const subscription = sdk.sessions.events.subscribe(
      { sessionId: session.id, lastEventId: null },
      {
        onStarted: () => {
          started = true;
        },
        onData: (data) => ids.push(data.id),
        onError: (error) => errors.push(error),
      },
    );
    try {
      const until = async (check: () => boolean, ms = 10_000) => {
        const deadline = Date.now() + ms;
        while (!check()) {
          if (Date.now() > deadline) throw new Error(`timed out; ids ${ids.join(',')}`);
          await sleep(20);
        }
      };
      await until(() => started);
      const other = httpClient(server.url, user.accessToken);
      const send = (content: string) =>
        other.sessions.send.mutate({
          sessionId: session.id,
          content,
          clientMessageId: randomUUID(),
        });
      await send('flat in Girne');
      // Messages keep coming while the token expires and the stream is renewed.
      while (Date.now() < expiresAtMs + 1_500) {
        await send('villa in Bellapais');
        await sleep(200);
      }
      await until(() => renewed >= 1);
      await send('studio in Famagusta');
      const durable = () => ids.filter((id) => !id.includes(':'));
      const [stored] = (await server.db.query(
        'SELECT count(*)::int AS n FROM conversation_events WHERE conversation_id = $1',
        [session.conversationId],
      )) as { n: number }[];
      await until(() => durable().length === stored!.n);
      await sleep(200);
      expect(durable()).toEqual(Array.from({ length: stored!.n }, (_, i) => String(i + 1)));
      expect(errors).toEqual([]);
    } finally {
      subscription.unsubscribe();
    }
  });
});
