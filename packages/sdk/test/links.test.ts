/**
 * The recovery link alone, over a scripted terminal link: a subscription that fails
 * mid-stream is retried from its last event id; UNAUTHORIZED gets one refresh, shared by
 * concurrent calls; the answers end as ParleyErrors.
 */
import { createTRPCClient, type Operation, TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { describe, expect, it } from 'vitest';
import { ConnectionTracker, SubscriptionStates } from '../src/connection';
import { CredentialStore } from '../src/credentials';
import { isParleyError } from '../src/errors';
import type { AuthResult, ParleyRouter } from '../src/generated/router';
import { errorLink, recoveryLink } from '../src/links';

function unauthorized() {
  return TRPCClientError.from({
    error: {
      code: -32001,
      message: 'expired',
      data: { code: 'UNAUTHORIZED', httpStatus: 401, requestId: 'r' },
    },
  });
}

interface Observer {
  next: (envelope: unknown) => void;
  error: (error: unknown) => void;
  complete: () => void;
}

function setup(
  script: (op: Operation, attempt: number, observer: Observer) => void,
  refreshes = { count: 0 },
) {
  const ops: Operation[] = [];
  const headers: (string | undefined)[] = [];
  const credentials = new CredentialStore(
    { token: 'old', refreshToken: 'r1' },
    async (): Promise<AuthResult> => {
      refreshes.count += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return {
        accessToken: `new${refreshes.count}`,
        refreshToken: `r${refreshes.count + 1}`,
        accessTokenExpiresAt: new Date(),
        user: { id: 'u', email: 'e', name: 'n', role: 'user', createdAt: new Date() },
      };
    },
  );
  const terminal: TRPCLink<ParleyRouter> =
    () =>
    ({ op }) =>
      observable((observer) => {
        ops.push(op);
        headers.push(credentials.snapshot());
        script(op, ops.length, observer as Observer);
      });
  const tracker = new ConnectionTracker('sse');
  const active = new Set<() => void>();
  const client = createTRPCClient<ParleyRouter>({
    links: [
      errorLink(() => false),
      recoveryLink({
        credentials,
        sseStates: new SubscriptionStates(tracker),
        retryDelayMs: () => 5,
        active,
      }),
      terminal,
    ],
  });
  return { client, ops, headers, refreshes, tracker, active };
}

describe('recoveryLink', () => {
  it('resumes a failed subscription from the last event id it delivered', async () => {
    const { client, ops, tracker, active } = setup((_op, attempt, observer) => {
      observer.next({ result: { type: 'started' } });
      observer.next({ result: { type: 'state', state: 'pending', error: null } });
      if (attempt === 1) {
        observer.next({ result: { id: '4', data: { id: '4', data: 'a' } } });
        observer.next({ result: { id: '5', data: { id: '5', data: 'b' } } });
        observer.error(TRPCClientError.from(new TypeError('network down')));
      } else {
        observer.next({ result: { id: '6', data: { id: '6', data: 'c' } } });
      }
    });
    const ids: string[] = [];
    const states: string[] = [];
    tracker.subscribe((s) => states.push(s));
    const sub = client.sessions.events.subscribe(
      { sessionId: 's', lastEventId: '3' },
      { onData: ({ id }) => ids.push(id) },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ids).toEqual(['4', '5', '6']);
    expect(ops.map((op) => (op.input as { lastEventId: string }).lastEventId)).toEqual(['3', '5']);
    expect(states).toEqual(['open', 'reconnecting', 'open']);
    expect(active.size).toBe(1);
    sub.unsubscribe();
    expect(active.size).toBe(0);
    expect(tracker.state).toBe('idle');
  });

  it('does not retry a subscription refused for good (NOT_FOUND)', async () => {
    const { client, ops } = setup((_op, _attempt, observer) =>
      observer.error(
        TRPCClientError.from({
          error: {
            code: -32004,
            message: 'nope',
            data: { code: 'NOT_FOUND', httpStatus: 404, requestId: 'x' },
          },
        }),
      ),
    );
    const error = await new Promise((resolve) =>
      client.sessions.events.subscribe({ sessionId: 's' }, { onError: resolve }),
    );
    expect(isParleyError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'NOT_FOUND', requestId: 'x' });
    expect(ops).toHaveLength(1);
  });

  it('refreshes once for concurrent UNAUTHORIZED calls and retries each once with the new token', async () => {
    const { client, headers, refreshes } = setup((op, attempt, observer) => {
      if (headers[attempt - 1] === 'old') observer.error(unauthorized());
      else {
        observer.next({ result: { type: 'data', data: { path: op.path } } });
        observer.complete();
      }
    });
    const results = await Promise.all([
      client.auth.me.query(),
      client.conversations.list.query({}),
      client.sessions.get.query({ id: 'x' }),
    ]);
    expect(results).toHaveLength(3);
    expect(refreshes.count).toBe(1);
    expect(headers).toEqual(['old', 'old', 'old', 'new1', 'new1', 'new1']);
  });

  it('gives up after one retry when the new token is refused too', async () => {
    const { client, ops, refreshes } = setup((_op, _attempt, observer) =>
      observer.error(unauthorized()),
    );
    await expect(client.auth.me.query()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(refreshes.count).toBe(1);
    expect(ops).toHaveLength(2);
  });

  it('never refreshes for login, register or refresh', async () => {
    const { client, ops, refreshes } = setup((_op, _attempt, observer) =>
      observer.error(unauthorized()),
    );
    await expect(
      client.auth.login.mutate({ email: 'a@b.c', password: 'wrong password' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(refreshes.count).toBe(0);
    expect(ops).toHaveLength(1);
  });
});
