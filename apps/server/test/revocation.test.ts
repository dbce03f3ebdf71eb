import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { hasRedis } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from './events';
import { errorOf, httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

/**
 * Whether an access token's family is revoked is remembered in process for under a
 * second (packages/api/src/auth/revocations.ts). A logout must still be honoured: at once
 * on the instance that logged out, and on the others as soon as the bus tells them (or,
 * if that message is lost, when the memory runs out).
 */

let a: TestServer;
beforeAll(async () => {
  a = await startTestServer({ label: 'revocation' });
});
afterAll(() => a?.close());

/** A second instance on the same database; with `shareRedis`, on the same bus too. */
function secondInstance(shareRedis: boolean) {
  return startTestServer({
    db: a.db,
    env: {
      JWT_SECRET: a.env.JWT_SECRET!,
      REDIS_KEY_PREFIX: a.env.REDIS_KEY_PREFIX!,
      ...(shareRedis ? {} : { REDIS_URL: undefined }),
    },
  });
}

async function code(call: () => Promise<unknown>) {
  return (await errorOf(call)).data.code;
}

describe('on the instance that logged out', () => {
  it('the very next call with the token is refused, over HTTP and on an open WebSocket', async () => {
    const user = await signUp(httpClient(a.url), 'rev-local');
    const http = httpClient(a.url, user.accessToken);
    const socket = wsClient(a.url, user.accessToken);
    try {
      // Both paths have just been told the family is fine, so it is remembered.
      await http.auth.me.query();
      await socket.client.auth.me.query();
      await httpClient(a.url, user.accessToken).auth.logout.mutate({});
      expect(await code(() => http.auth.me.query())).toBe('UNAUTHORIZED');
      expect(await code(() => socket.client.auth.me.query())).toBe('UNAUTHORIZED');
    } finally {
      await socket.close();
    }
  });

  it('a token of another family of the same user keeps working', async () => {
    const user = await signUp(httpClient(a.url), 'rev-other');
    const other = await httpClient(a.url).auth.login.mutate({
      email: user.email,
      password: user.password,
    });
    const otherHttp = httpClient(a.url, other.accessToken);
    await otherHttp.auth.me.query();
    await httpClient(a.url, user.accessToken).auth.logout.mutate({});
    expect((await otherHttp.auth.me.query()).id).toBe(user.user.id);
    expect(await code(() => httpClient(a.url, user.accessToken).auth.me.query())).toBe(
      'UNAUTHORIZED',
    );
  });

  it('reusing a spent refresh token revokes the family at once', async () => {
    const user = await signUp(httpClient(a.url), 'rev-reuse');
    const http = httpClient(a.url, user.accessToken);
    await http.auth.me.query();
    const next = await httpClient(a.url).auth.refresh.mutate({ refreshToken: user.refreshToken });
    // The holder moved on (used the new token): the old one again is theft, even within
    // the few seconds in which a concurrent refresh would get the same pair.
    await httpClient(a.url).auth.refresh.mutate({ refreshToken: next.refreshToken });
    expect(
      await code(() => httpClient(a.url).auth.refresh.mutate({ refreshToken: user.refreshToken })),
    ).toBe('UNAUTHORIZED');
    expect(await code(() => http.auth.me.query())).toBe('UNAUTHORIZED');
  });
});

describe.runIf(hasRedis)('on another instance sharing the bus', () => {
  it('a logout ends its live subscriptions, and its next call is refused', async () => {
    const b = await secondInstance(true);
    try {
      const user = await signUp(httpClient(a.url), 'rev-remote');
      const { session } = await httpClient(a.url, user.accessToken).sessions.create.mutate({});
      const socket = wsClient(b.url, user.accessToken);
      try {
        const events = recordEvents(socket.client, session.id);
        await events.started();
        // B now remembers the family as not revoked.
        await socket.client.auth.me.query();
        await httpClient(a.url, user.accessToken).auth.logout.mutate({});
        // The subscription re-checked after the bus message: B had forgotten by then.
        await events.until(() => events.errors.length > 0, 5_000);
        expect((events.errors[0] as { data: { code: string } }).data.code).toBe('UNAUTHORIZED');
        expect(await code(() => socket.client.auth.me.query())).toBe('UNAUTHORIZED');
        expect(await code(() => httpClient(b.url, user.accessToken).auth.me.query())).toBe(
          'UNAUTHORIZED',
        );
      } finally {
        await socket.close();
      }
    } finally {
      await b.close();
    }
  });

  it('sends through the other instance stop too', async () => {
    const b = await secondInstance(true);
    try {
      const user = await signUp(httpClient(a.url), 'rev-send');
      const { session } = await httpClient(a.url, user.accessToken).sessions.create.mutate({});
      const viaB = httpClient(b.url, user.accessToken);
      const send = () =>
        viaB.sessions.send.mutate({
          sessionId: session.id,
          content: 'hello',
          clientMessageId: randomUUID(),
        });
      await send();
      const bus = b.parley.services.infra.bus;
      const heard = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no revocation notice on B')), 5_000);
        const stop = bus.subscribe('auth:revoked', () => {
          clearTimeout(timer);
          stop();
          resolve();
        });
      });
      // Wait until B listens for revocations over Redis, so the notice reaches it.
      while (bus.state().backend !== 'redis') await sleep(20);
      await httpClient(a.url, user.accessToken).auth.logout.mutate({});
      await heard;
      expect(await code(send)).toBe('UNAUTHORIZED');
    } finally {
      await b.close();
    }
  });
});

describe('on an instance that cannot hear the bus', () => {
  it('a logout elsewhere is honoured once the remembered answer runs out', async () => {
    const c = await secondInstance(false);
    try {
      const user = await signUp(httpClient(a.url), 'rev-deaf');
      const viaC = httpClient(c.url, user.accessToken);
      await viaC.auth.me.query();
      await httpClient(a.url, user.accessToken).auth.logout.mutate({});
      // Bounded: the memory keeps "not revoked" for under a second.
      let refused = false;
      const deadline = Date.now() + 5_000;
      while (!refused && Date.now() < deadline) {
        refused = await viaC.auth.me.query().then(
          () => false,
          () => true,
        );
        if (!refused) await sleep(100);
      }
      expect(refused).toBe(true);
    } finally {
      await c.close();
    }
  });
});
