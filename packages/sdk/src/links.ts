import type { Operation, TRPCLink } from '@trpc/client';
import { observable, type Unsubscribable } from '@trpc/server/observable';
import { fromTrpcState, type SubscriptionStates, type TrpcConnectionState } from './connection';
import type { CredentialStore } from './credentials';
import { ParleyError, type ParleyErrorCode } from './errors';
import type { ParleyRouter } from './generated/router';

/** Outermost link: whatever fails, the caller gets a ParleyError; a closed client refuses calls. */
export function errorLink(isClosed: () => boolean): TRPCLink<ParleyRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        if (isClosed()) {
          observer.error(
            new ParleyError('This Parley client is closed', { code: 'CLIENT_CLOSED_REQUEST' }),
          );
          return;
        }
        const subscription = next(op).subscribe({
          next: (envelope) => observer.next(envelope),
          error: (error) => observer.error(ParleyError.from(error)),
          complete: () => observer.complete(),
        });
        return () => subscription.unsubscribe();
      });
}

/** Transport trouble worth waiting out for a subscription: it resumes from its last event. */
const TRANSIENT: ReadonlySet<ParleyErrorCode> = new Set<ParleyErrorCode>([
  'NETWORK_ERROR',
  'SERVICE_UNAVAILABLE',
  'BAD_GATEWAY',
  'GATEWAY_TIMEOUT',
  'TIMEOUT',
]);
/** "Subscriber fell behind; resume with lastEventId": retried, but not forever. */
const MAX_TOO_MANY = 5;

/**
 * Reconnect and resume delays: at once, then about 0.5 s, 1 s, 2 s, ... up to 10 s, with
 * some jitter so that the clients of a restarted server do not all come back together.
 */
export const defaultRetryDelayMs = (attempt: number): number =>
  attempt === 0 ? 0 : Math.min(500 * 2 ** (attempt - 1), 10_000) * (0.8 + Math.random() * 0.4);

export interface RecoveryOptions {
  credentials: CredentialStore;
  /** Per-subscription connection state, for transports without one shared connection (SSE). */
  sseStates: SubscriptionStates | null;
  retryDelayMs: (attempt: number) => number;
  /** Live subscriptions register here so `close()` can end them (and their timers). */
  active: Set<() => void>;
}

function withLastEventId(op: Operation, lastEventId: string | undefined): Operation {
  if (lastEventId === undefined || typeof op.input !== 'object' || op.input === null) return op;
  return { ...op, input: { ...(op.input as object), lastEventId } };
}

let nextSubscriptionId = 0;

/**
 * - UNAUTHORIZED: get a new credential once (a refresh shared by concurrent calls) and
 *   retry the call.
 * - a subscription whose transport failed: retry with backoff, from the last event id it
 *   received (the server replays every durable event after it).
 */
export function recoveryLink(options: RecoveryOptions): TRPCLink<ParleyRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        const isSubscription = op.type === 'subscription';
        const id = ++nextSubscriptionId;
        let lastEventId: string | undefined;
        let authRetried = false;
        let attempts = 0;
        let tooMany = 0;
        let current: Unsubscribable | null = null;
        let timer: ReturnType<typeof setTimeout> | undefined;
        let stopped = false;

        const stop = () => {
          if (stopped) return;
          stopped = true;
          clearTimeout(timer);
          current?.unsubscribe();
          current = null;
          options.active.delete(end);
          options.sseStates?.update(id, null);
        };
        const end = () => {
          stop();
          observer.complete();
        };
        if (isSubscription) options.active.add(end);

        const attempt = () => {
          if (stopped) return;
          const used = options.credentials.snapshot();
          current = next(withLastEventId(op, lastEventId)).subscribe({
            next(envelope) {
              const result = envelope.result as {
                type?: string;
                id?: string;
              } & Partial<TrpcConnectionState>;
              if (isSubscription) {
                if (result.type === 'state') {
                  options.sseStates?.update(id, fromTrpcState(result as TrpcConnectionState));
                } else if (result.type === undefined || result.type === 'data') {
                  if (result.id) lastEventId = result.id;
                  attempts = 0;
                  tooMany = 0;
                  authRetried = false;
                }
              }
              observer.next(envelope);
            },
            error(cause) {
              current = null;
              if (stopped) return;
              const error = ParleyError.from(cause);
              if (
                error.code === 'UNAUTHORIZED' &&
                !authRetried &&
                options.credentials.canRecover(op.path)
              ) {
                authRetried = true;
                options.credentials.recover(used).then(
                  (recovered) => {
                    if (stopped) return;
                    if (recovered) attempt();
                    else fail(error);
                  },
                  () => fail(error),
                );
                return;
              }
              const retry =
                isSubscription &&
                (TRANSIENT.has(error.code) ||
                  (error.code === 'TOO_MANY_REQUESTS' && ++tooMany <= MAX_TOO_MANY));
              if (retry) {
                options.sseStates?.update(id, 'reconnecting');
                const delay = Math.max(
                  options.retryDelayMs(attempts++),
                  (error.retryAfter ?? 0) * 1000,
                );
                timer = setTimeout(attempt, delay);
                return;
              }
              fail(error);
            },
            complete() {
              if (stopped) return;
              stop();
              observer.complete();
            },
          });
        };
        const fail = (error: ParleyError) => {
          if (stopped) return;
          stop();
          observer.error(error);
        };

        attempt();
        return stop;
      });
}

/** The subscription link for `transport: 'http'`: there is no streaming transport to use. */
export function noSubscriptionsLink(): TRPCLink<ParleyRouter> {
  return () => () =>
    observable((observer) => {
      observer.error(
        new ParleyError(
          "Subscriptions need transport 'ws' or 'sse'; this client was created with transport 'http'",
          { code: 'METHOD_NOT_SUPPORTED' },
        ),
      );
    });
}
