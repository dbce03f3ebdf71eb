import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from './events';
import { errorOf, httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

/**
 * sessions.refreshSecret retires the secrets issued before it, and revoking an API key
 * ends the live streams opened with it (from outside, over WebSocket).
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ label: 'retire' });
});
afterAll(() => server?.close());

describe('credentials that are replaced or revoked', () => {
  it('refreshSecret: the old secret stops working at once, the new one works', async () => {
    const person = await signUp(httpClient(server.url), 'retire');
    const owner = httpClient(server.url, person.accessToken);
    const { session, clientSecret: old } = await owner.sessions.create.mutate({});
    expect((await httpClient(server.url, old).sessions.get.query({ id: session.id })).id).toBe(
      session.id,
    );
    const renewed = await owner.sessions.refreshSecret.mutate({ id: session.id });
    const refused = await errorOf(() =>
      httpClient(server.url, old).sessions.get.query({ id: session.id }),
    );
    expect(refused.data.code).toBe('UNAUTHORIZED');
    const byNew = httpClient(server.url, renewed.clientSecret);
    expect((await byNew.sessions.get.query({ id: session.id })).id).toBe(session.id);
  });

  it('a stream opened with an API key ends with UNAUTHORIZED soon after the key is revoked', async () => {
    const person = await signUp(httpClient(server.url), 'revoke');
    const owner = httpClient(server.url, person.accessToken);
    const key = await owner.auth.apiKeys.create.mutate({ name: 'k', scopes: ['sessions:write'] });
    // The key's own session: one it did not make it may not reach (no conversations:read).
    const { session } = await httpClient(server.url, key.key).sessions.create.mutate({});
    const socket = wsClient(server.url, key.key);
    try {
      const events = recordEvents(socket.client, session.id);
      await events.started();
      const revokedAt = Date.now();
      await owner.auth.apiKeys.revoke.mutate({ id: key.id });
      await events.until(() => events.errors.length > 0, 3_000);
      expect(Date.now() - revokedAt).toBeLessThan(1_500);
      expect((events.errors[0] as { data?: { code?: string } }).data?.code).toBe('UNAUTHORIZED');
      events.stop();
    } finally {
      await socket.close();
    }
  });
});
