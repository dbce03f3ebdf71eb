import type { SessionEvent } from '@parley/validators';
import { TRPCError, tracked } from '@trpc/server';
import superjson, { type SuperJSONResult } from 'superjson';
import type { Credential, Identity } from '../auth/credentials';
import { resolveIdentity } from '../auth/identity';
import { revocationChannel } from '../auth/service';
import type { ApiServices, Connection } from '../context';
import { type BusEvent, readEvents, sessionChannel } from './events';
import { EventQueue } from './queue';
import { loadSession } from './sessions';

export interface StreamDeps {
  services: ApiServices;
  identity: Identity;
  credential: Credential;
  connection: Connection | null;
  signal: AbortSignal;
}

type Item = BusEvent | { kind: 'recheck' };

// The bus hands every local subscriber the same payload object: decode it once per instance.
const decodedEvents = new WeakMap<object, SessionEvent>();
function decoded(payload: SuperJSONResult): SessionEvent {
  let event = decodedEvents.get(payload);
  if (!event) {
    event = superjson.deserialize<SessionEvent>(payload);
    decodedEvents.set(payload, event);
  }
  return event;
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

/** Holds one of the socket's subscription slots for the life of a stream. */
function takeSlot(connection: Connection | null, max: number): () => void {
  if (!connection) return () => {};
  if (connection.subscriptions >= max) {
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `At most ${max} subscriptions per connection`,
    });
  }
  connection.subscriptions += 1;
  let released = false;
  return () => {
    if (!released) connection.subscriptions -= 1;
    released = true;
  };
}

/**
 * A session's live events. Listens first, then reads the durable backlog after
 * `lastEventId` (from the session's start when there is none), then yields live events, skipping anything already sent, so a client
 * that reconnects with its last id gets every durable event exactly once. A gap in the
 * live sequence (a lost bus message) is filled from the database. When any of the
 * user's credentials is revoked the caller's own credential is re-checked and the
 * stream ends if it no longer holds.
 */
export async function* sessionEvents(
  deps: StreamDeps,
  input: { sessionId: string; lastEventId?: string | null | undefined },
) {
  const { services, identity, signal } = deps;
  // The cap is checked before any database work, so a flood of refused streams is cheap.
  const release = takeSlot(deps.connection, services.config.maxSubscriptionsPerSocket);
  const unsubscribers: (() => void)[] = [];
  try {
    const resumeAfter = parseLastEventId(input.lastEventId);
    const session = await loadSession(services, identity, input.sessionId);
    const queue = new EventQueue<Item>();
    unsubscribers.push(
      services.infra.bus.subscribe<BusEvent>(sessionChannel(session.id), (message) =>
        queue.push(message),
      ),
      services.infra.bus.subscribe(revocationChannel(identity.userId), () =>
        queue.push({ kind: 'recheck' }),
      ),
    );
    // No lastEventId: the session's whole (short) history. A client that drops before its
    // first event resubscribes without an id, and must not lose what happened meanwhile.
    let lastSeq = resumeAfter ?? 0;
    let ephemeralCount = 0;
    let ended = false;
    const durable = (seq: number, event: SessionEvent) => {
      lastSeq = seq;
      ephemeralCount = 0;
      if (event.type === 'session.ended') ended = true;
      return tracked(String(seq), event);
    };
    for (const row of await readEvents(services, session.id, lastSeq)) {
      yield durable(row.seq, row.event);
      if (ended) return;
    }
    while (!signal.aborted) {
      const item = await queue.next(signal);
      if (!item) return;
      if (queue.overflowed) {
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: 'Subscriber fell behind; resume with lastEventId',
        });
      }
      if (item.kind === 'recheck') {
        await resolveIdentity(services, deps.credential);
        continue;
      }
      if (item.kind === 'ephemeral') {
        const event = decoded(item.event);
        ephemeralCount += 1;
        yield tracked(`${lastSeq}:${ephemeralCount}`, event);
        if (event.type === 'session.ended') return;
        continue;
      }
      if (item.seq <= lastSeq) continue;
      if (item.seq === lastSeq + 1) {
        // The next event in order: the bus carries it whole, no database read needed.
        yield durable(item.seq, decoded(item.event));
        if (ended) return;
        continue;
      }
      // A gap (a bus message was lost): fill it from the database, in order.
      for (const row of await readEvents(services, session.id, lastSeq, item.seq)) {
        yield durable(row.seq, row.event);
        if (ended) return;
      }
    }
  } finally {
    for (const unsubscribe of unsubscribers) unsubscribe();
    release();
  }
}
