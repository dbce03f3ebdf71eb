/**
 * - `idle`: nothing needs a live connection yet (no subscription), or the transport has none
 * - `connecting`: the first connection is being opened
 * - `open`: connected; subscriptions receive events
 * - `reconnecting`: the connection dropped; retrying, subscriptions resume from their last event
 * - `closed`: `client.close()` was called
 */
export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Where subscriptions travel. Queries and mutations always go over HTTP, batched. */
export type ParleyTransport = 'ws' | 'sse' | 'http';

export interface ParleyConnection {
  readonly transport: ParleyTransport;
  readonly state: ConnectionState;
  /** Calls `listener` on every change of `state`; returns the unsubscribe function. */
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

/** A state holder with listeners; the transports push into it. */
export class ConnectionTracker implements ParleyConnection {
  private current: ConnectionState = 'idle';
  private readonly listeners = new Set<(state: ConnectionState) => void>();

  constructor(readonly transport: ParleyTransport) {}

  get state(): ConnectionState {
    return this.current;
  }

  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  set(state: ConnectionState): void {
    // Once closed, a client stays closed.
    if (this.current === 'closed' || state === this.current) return;
    this.current = state;
    for (const listener of [...this.listeners]) {
      try {
        listener(state);
      } catch {
        // A listener's bug must not break the transport.
      }
    }
  }
}

/** The shape of tRPC's own connection state (wsClient.connectionState, subscription envelopes). */
export interface TrpcConnectionState {
  state: 'idle' | 'connecting' | 'pending';
  error: unknown;
}

/**
 * tRPC reports `idle`, `connecting` (with the error that caused it when it is a
 * reconnect) and `pending` (connected). Parley names them for people.
 */
export function fromTrpcState(state: TrpcConnectionState): ConnectionState {
  if (state.state === 'pending') return 'open';
  if (state.state === 'idle') return 'idle';
  return state.error ? 'reconnecting' : 'connecting';
}

/**
 * SSE has one stream per subscription: the client is `open` when all of them are,
 * `reconnecting` when any is, `idle` when there are none.
 */
export class SubscriptionStates {
  private readonly states = new Map<number, ConnectionState>();

  constructor(private readonly tracker: ConnectionTracker) {}

  update(id: number, state: ConnectionState | null): void {
    if (state === null || state === 'idle' || state === 'closed') this.states.delete(id);
    else this.states.set(id, state);
    const all = [...this.states.values()];
    this.tracker.set(
      all.length === 0
        ? 'idle'
        : all.includes('reconnecting')
          ? 'reconnecting'
          : all.includes('connecting')
            ? 'connecting'
            : 'open',
    );
  }
}
