import type { ConversationEvent } from '@parley/validators';
import { TRPCError, tracked } from '@trpc/server';
import type { Credential, Identity } from '../auth/credentials';
import { credentialExpiresAt, resolveIdentity } from '../auth/identity';
import { revocationChannel } from '../auth/service';
import type { ApiServices, Connection } from '../context';
import { decoded, joinFanout, type StreamItem, type Subscriber } from './fanout';
import { readBacklog, readEvents } from './log';
import { CATCH_UP_CHANNEL, endsStream, parseLastEventId } from './protocol';
import { EventQueue } from './queue';

export interface StreamDeps {
  services: ApiServices;
  identity: Identity;
  credential: Credential;
  connection: Connection | null;
  signal: AbortSignal;
}

export function resumePoint(lastEventId: string | null | undefined): number | undefined {
  const seq = parseLastEventId(lastEventId);
  if (Number.isNaN(seq)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'lastEventId: is not an event id this stream sent',
    });
  }
  return seq;
}

/**
 * A resume point past the stream's latest event. Every id a stream sends is at most its latest
 * (events are published after they commit), so such an id was never sent by this stream (it
 * is another stream's, or an older database's), and resuming from it would silently skip what
 * comes next: refused, never a quiet gap.
 */
export function aheadOfLatest(): TRPCError {
  return new TRPCError({
    code: 'BAD_REQUEST',
    message: "lastEventId: is ahead of this stream's latest event",
  });
}

/** Whose events a stream carries, once access is checked (the caller's `open`). */
export interface StreamTarget {
  conversationId: string;
  /** The session the stream was opened through: its `session.ended` ends the stream. */
  sessionId?: string | undefined;
}

/**
 * Holds one of the socket's subscription slots for the life of a stream (and one of the
 * wider count's it is `within`, if any): until it ends, or as soon as it is stopped (its
 * cleanup may still be waiting on the database).
 */
export function takeSlot(
  connection: Connection | null,
  max: number,
  signal: AbortSignal,
): () => void {
  if (!connection) return () => {};
  const counts = connection.within ? [connection, connection.within] : [connection];
  for (const count of counts) {
    const cap = count.maxSubscriptions ?? max;
    if (count.subscriptions >= cap) {
      // A socket counts its own subscriptions; an SSE client (one credential from one
      // address, each stream its own request) counts its streams, within its address's.
      const what =
        count !== connection
          ? `At most ${cap} live streams from one address`
          : connection.within
            ? `At most ${cap} live streams per client (one credential from one address)`
            : `At most ${cap} subscriptions per connection`;
      throw limited(`${what}: end one first`, SLOT_RETRY_AFTER_SECONDS);
    }
  }
  for (const count of counts) count.subscriptions += 1;
  let released = false;
  const release = () => {
    if (!released) for (const count of counts) count.subscriptions -= 1;
    released = true;
    signal.removeEventListener('abort', release);
  };
  signal.addEventListener('abort', release);
  return release;
}

/** A re-check just after the expiry instant, so it sees the credential as expired. */
const EXPIRY_SLACK_MS = 20;
/** setTimeout's limit (~24.8 days); a longer-lived credential is re-checked then, and holds. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * How long a refused stream waits before trying again, in `data.retryAfter` as every limit
 * answers: a slot frees as soon as one of the client's streams ends, which a client cannot
 * see coming, so a few seconds; a subscriber cut off for falling behind resumes at once
 * (the second is for whatever made it slow to drain).
 */
const SLOT_RETRY_AFTER_SECONDS = 5;
const BEHIND_RETRY_AFTER_SECONDS = 1;

function limited(message: string, retryAfter: number): TRPCError {
  // The error formatter sends `retryAfter` of any error that carries one.
  return Object.assign(new TRPCError({ code: 'TOO_MANY_REQUESTS', message }), { retryAfter });
}

export function fellBehind(): TRPCError {
  return limited('Subscriber fell behind; resume with lastEventId', BEHIND_RETRY_AFTER_SECONDS);
}

/**
 * A conversation's live events, for a stream opened through one of its sessions or on the
 * conversation itself. `open` checks access and names the conversation. Listens first,
 * then reads the durable backlog after `lastEventId` (from the conversation's start when
 * there is none), then yields live events,
 * skipping anything already sent, so a client that reconnects with its last id gets every
 * durable event exactly once. A gap in the live sequence (a lost bus message) is filled
 * from the database. When any of the user's credentials is revoked the caller's own
 * credential is re-checked and the stream ends if it no longer holds.
 *
 * Over WebSocket, once caught up, live events go from the conversation's fan-out straight
 * to the socket (fanout.ts) while this generator waits; the fan-out hands an event back
 * here whenever it needs deciding (a gap, a socket that fell behind, the end), and a
 * re-check pauses it. Either way each event is sent once, in order, by one of the two.
 */
export async function conversationEvents(
  deps: StreamDeps,
  input: { lastEventId?: string | null | undefined },
  open: () => Promise<StreamTarget>,
) {
  // Refusals (the cap, a bad resume point, no access) come before the stream is returned:
  // tRPC reports a stream "started" once it has it, so they are the subscription's answer,
  // never an error after a start. The cap is checked before any database work, so a flood
  // of refused streams is cheap.
  const release = takeSlot(
    deps.connection,
    deps.services.config.maxSubscriptionsPerSocket,
    deps.signal,
  );
  try {
    const resumeAfter = resumePoint(input.lastEventId);
    const target = await open();
    // A stream returned but never iterated (its caller left) gives its slot back on abort.
    return followConversation(deps, resumeAfter, target, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function* followConversation(
  deps: StreamDeps,
  resumeAfter: number | undefined,
  target: StreamTarget,
  release: () => void,
) {
  const { services, identity, signal } = deps;
  let subscriber: Subscriber | undefined;
  let stopRechecks: (() => void) | undefined;
  let expiryTimer: NodeJS.Timeout | undefined;
  try {
    if (signal.aborted) return;
    const queue = new EventQueue<StreamItem>();
    const ends = (event: ConversationEvent) => endsStream(event, target.sessionId);
    // No lastEventId: the conversation's whole history. A client that drops before its
    // first event resubscribes without an id, and must not lose what happened meanwhile.
    const s = joinFanout(services, target.conversationId, {
      queue,
      signal,
      connection: deps.connection,
      lastSeq: resumeAfter ?? 0,
      endsOn: ends,
    });
    subscriber = s;
    stopRechecks = services.infra.bus.subscribe(revocationChannel(identity.userId), () =>
      queue.push({ kind: 'recheck' }),
    );
    // At the credential's own expiry the same re-check ends the stream (UNAUTHORIZED);
    // a client renews its credential and resumes with its last event id.
    const expiresAt = await credentialExpiresAt(services, deps.credential);
    if (expiresAt) {
      const ms = Math.max(0, expiresAt.getTime() - services.clock().getTime()) + EXPIRY_SLACK_MS;
      expiryTimer = setTimeout(() => queue.push({ kind: 'recheck' }), Math.min(ms, MAX_TIMER_MS));
    }
    let ended = false;
    const send = (id: string, event: ConversationEvent) => {
      if (s.behind()) throw fellBehind();
      return tracked(id, s.tag(event));
    };
    const durable = (seq: number, event: ConversationEvent) => {
      s.lastSeq = seq;
      s.ephemeralCount = 0;
      if (ends(event)) ended = true;
      return send(String(seq), event);
    };
    const backlog = await readBacklog(services, target.conversationId, s.lastSeq);
    if (backlog.latest < s.lastSeq) throw aheadOfLatest();
    // A reply being written: its pieces so far went out before this stream listened. The
    // instance writing it sends them again as one piece at offset 0 (executor.ts).
    if (backlog.running) {
      void services.infra.bus
        .publish(CATCH_UP_CHANNEL, { conversationId: target.conversationId })
        .catch(() => {}); // without it the stored reply still arrives whole
    }
    for (const row of backlog.events) {
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
      // The stream's session.ended went out live.
      if (item.kind === 'ended') return;
      if (item.kind === 'recheck') {
        s.pause();
        await resolveIdentity(services, deps.credential);
        continue;
      }
      if (item.kind === 'resync') {
        for (const row of await readEvents(services, target.conversationId, s.lastSeq)) {
          yield durable(row.seq, row.event);
          if (ended) return;
        }
        continue;
      }
      if (item.kind === 'ephemeral') {
        const event = decoded(item.event);
        s.ephemeralCount += 1;
        yield send(`${s.lastSeq}:${s.ephemeralCount}`, event);
        if (ends(event)) return;
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
      for (const row of await readEvents(services, target.conversationId, s.lastSeq, item.seq)) {
        yield durable(row.seq, row.event);
        if (ended) return;
      }
    }
  } finally {
    clearTimeout(expiryTimer);
    stopRechecks?.();
    subscriber?.leave();
    release();
  }
}
