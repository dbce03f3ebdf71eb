import type { SessionEvent } from '@parley/validators';
import { TRPCError, tracked } from '@trpc/server';
import type { Credential, Identity } from '../auth/credentials';
import { resolveIdentity } from '../auth/identity';
import { revocationChannel } from '../auth/service';
import type { ApiServices, Connection } from '../context';
import { readEvents } from './events';
import { decoded, joinFanout, type StreamItem, type Subscriber } from './fanout';
import { EventQueue } from './queue';
import { loadSession } from './sessions';

export interface StreamDeps {
  services: ApiServices;
  identity: Identity;
  credential: Credential;
  connection: Connection | null;
  signal: AbortSignal;
}

/** "12" and "12:3" (an ephemeral event after durable event 12) both resume after 12. */
function parseLastEventId(lastEventId: string | null | undefined): number | undefined {
  if (lastEventId == null) return undefined;
  const seq = Number(lastEventId.split(':')[0]);
  if (!Number.isSafeInteger(seq) || seq < 0) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'lastEventId: is not an event id this session sent',
    });
  }
  return seq;
}

/**
 * Holds one of the socket's subscription slots for the life of a stream: until it ends, or
 * as soon as it is stopped (its cleanup may still be waiting on the database).
 */
function takeSlot(connection: Connection | null, max: number, signal: AbortSignal): () => void {
  if (!connection) return () => {};
  if (connection.subscriptions >= max) {
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `At most ${max} subscriptions per connection`,
    });
  }
  connection.subscriptions += 1;
  let released = false;
  const release = () => {
    if (!released) connection.subscriptions -= 1;
    released = true;
    signal.removeEventListener('abort', release);
  };
  signal.addEventListener('abort', release);
  return release;
}

function fellBehind(): TRPCError {
  return new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: 'Subscriber fell behind; resume with lastEventId',
  });
}

/**
 * A session's live events. Listens first, then reads the durable backlog after
 * `lastEventId` (from the session's start when there is none), then yields live events,
 * skipping anything already sent, so a client that reconnects with its last id gets every
 * durable event exactly once. A gap in the live sequence (a lost bus message) is filled
 * from the database. When any of the user's credentials is revoked the caller's own
 * credential is re-checked and the stream ends if it no longer holds.
 *
 * Over WebSocket, once caught up, live events go from the session's fan-out straight to
 * the socket (fanout.ts) while this generator waits; the fan-out hands an event back here
 * whenever it needs deciding (a gap, a socket that fell behind, the session's end), and a
 * re-check pauses it. Either way each event is sent once, in order, by one of the two.
 */
export async function* sessionEvents(
  deps: StreamDeps,
  input: { sessionId: string; lastEventId?: string | null | undefined },
) {
  const { services, identity, signal } = deps;
  // The cap is checked before any database work, so a flood of refused streams is cheap.
  const release = takeSlot(deps.connection, services.config.maxSubscriptionsPerSocket, signal);
  let subscriber: Subscriber | undefined;
  let stopRechecks: (() => void) | undefined;
  try {
    const resumeAfter = parseLastEventId(input.lastEventId);
    const session = await loadSession(services, identity, input.sessionId);
    if (signal.aborted) return;
    const queue = new EventQueue<StreamItem>();
    // No lastEventId: the session's whole (short) history. A client that drops before its
    // first event resubscribes without an id, and must not lose what happened meanwhile.
    const s = joinFanout(services, session.id, {
      queue,
      signal,
      connection: deps.connection,
      lastSeq: resumeAfter ?? 0,
    });
    subscriber = s;
    stopRechecks = services.infra.bus.subscribe(revocationChannel(identity.userId), () =>
      queue.push({ kind: 'recheck' }),
    );
    let ended = false;
    const send = (id: string, event: SessionEvent) => {
      if (s.behind()) throw fellBehind();
      return tracked(id, s.tag(event));
    };
    const durable = (seq: number, event: SessionEvent) => {
      s.lastSeq = seq;
      s.ephemeralCount = 0;
      if (event.type === 'session.ended') ended = true;
      return send(String(seq), event);
    };
    for (const row of await readEvents(services, session.id, s.lastSeq)) {
      yield durable(row.seq, row.event);
      if (ended) return;
    }
    while (!signal.aborted) {
      // tRPC sends each yielded value before it asks for the next, so everything yielded so
      // far is on the socket: the fan-out may take over from here.
      s.goLiveIfIdle();
      const item = await queue.next(signal);
      if (!item) return;
      if (queue.overflowed || item.kind === 'behind') throw fellBehind();
      // session.ended went out live.
      if (item.kind === 'ended') return;
      if (item.kind === 'recheck') {
        s.pause();
        await resolveIdentity(services, deps.credential);
        continue;
      }
      if (item.kind === 'ephemeral') {
        const event = decoded(item.event);
        s.ephemeralCount += 1;
        yield send(`${s.lastSeq}:${s.ephemeralCount}`, event);
        if (event.type === 'session.ended') return;
        continue;
      }
      if (item.seq <= s.lastSeq) continue;
      if (item.seq === s.lastSeq + 1) {
        // The next event in order: the bus carries it whole, no database read needed.
        yield durable(item.seq, decoded(item.event));
        if (ended) return;
        continue;
      }
      // A gap (a bus message was lost): fill it from the database, in order.
      for (const row of await readEvents(services, session.id, s.lastSeq, item.seq)) {
        yield durable(row.seq, row.event);
        if (ended) return;
      }
    }
  } finally {
    stopRechecks?.();
    subscriber?.leave();
    release();
  }
}
