import { type InboxEvent, STAFF_ROLES } from '@parley/validators';
import { TRPCError, tracked } from '@trpc/server';
import superjson from 'superjson';
import type { Credential, Identity } from '../auth/credentials';
import { resolveIdentity } from '../auth/identity';
import { currentRole } from '../auth/roles';
import { revocationChannel } from '../auth/service';
import type { ApiServices, Connection } from '../context';
import { onSocketClose } from '../events/fanout';
import { EventQueue } from '../events/queue';
import { aheadOfLatest, fellBehind, takeSlot } from '../events/stream';
import { INBOX_CHANNEL, type InboxBusMessage, inboxHead, readInboxEvents } from './log';
import { INBOX_RETENTION_HOURS, inboxPrunedSeq } from './prune';

/** The presence group of agents watching the inbox ("is an agent online?"). */
export const INBOX_PRESENCE = 'inbox';

export interface InboxStreamDeps {
  services: ApiServices;
  identity: Extract<Identity, { kind: 'user' }>;
  credential: Credential;
  connection: Connection | null;
  signal: AbortSignal;
}

type Item = InboxBusMessage | { kind: 'recheck' } | { kind: 'resync' };

function badResume(): TRPCError {
  return new TRPCError({
    code: 'BAD_REQUEST',
    message: 'lastEventId: is not an event id this stream sent',
  });
}

/**
 * Events after the resume point were pruned: the same answer as for an id the stream never
 * sent (it cannot resume from it), never a silent gap. The client lists the inbox again
 * and subscribes without an id.
 */
function prunedResume(): TRPCError {
  return new TRPCError({
    code: 'BAD_REQUEST',
    message: `lastEventId: is older than the inbox keeps (${INBOX_RETENTION_HOURS} hours); list the inbox again and subscribe without it`,
  });
}

function notStaff(): TRPCError {
  return new TRPCError({ code: 'FORBIDDEN', message: 'Only agents and admins see the inbox' });
}

/**
 * `inbox.events`: what happens in the agents' inbox, on every instance, in order. Resumes
 * after `lastEventId` with every event missed, exactly once (within the retention: an id
 * whose successors were pruned is BAD_REQUEST); without one it starts from now (list
 * first with `inbox.list`, or keep the last id). While it is open its agent
 * counts as online. The caller's role is read before every event (believed a second at
 * most) and its credential re-checked whenever one of its user's is revoked or their role
 * changed: an agent made a plain user gets nothing more, and the stream ends FORBIDDEN.
 *
 * The stream listens (bus, presence) and fixes "now" before it is returned, so when tRPC
 * tells the client it has started, it is listening: a console that reads its lists once
 * started misses nothing. (Inside the generator, that would happen only after "started".)
 */
export async function inboxEvents(
  deps: InboxStreamDeps,
  input: { lastEventId?: string | null | undefined },
) {
  const { services, identity, signal } = deps;
  let lastSeq: number | undefined;
  if (input.lastEventId != null) {
    lastSeq = Number(input.lastEventId);
    if (!/^\d+$/.test(input.lastEventId) || !Number.isSafeInteger(lastSeq)) throw badResume();
  }
  const release = takeSlot(deps.connection, services.config.maxSubscriptionsPerSocket, signal);
  const queue = new EventQueue<Item>();
  const stops: (() => void)[] = [release];
  // Whichever comes first: the generator's end, the call's abort, or its socket's close
  // (tRPC never iterates a stream returned to a socket that just closed).
  const stop = () => {
    for (const each of stops.splice(0)) each();
  };
  let seq: number;
  try {
    // Listen first, then read: nothing committed in between is missed.
    stops.push(
      services.infra.bus.subscribe<InboxBusMessage>(
        INBOX_CHANNEL,
        (m) => queue.push(m),
        // Redis was away: other instances' inbox events are read from the log.
        () => queue.push({ kind: 'resync' }),
      ),
    );
    stops.push(
      services.infra.bus.subscribe(revocationChannel(identity.userId), () =>
        queue.push({ kind: 'recheck' }),
      ),
    );
    stops.push(services.infra.presence.join(INBOX_PRESENCE));
    const head = await inboxHead(services);
    if (lastSeq !== undefined && lastSeq > head) throw aheadOfLatest();
    seq = lastSeq ?? head;
  } catch (error) {
    stop();
    throw error;
  }
  const onAbort = () => stop();
  signal.addEventListener('abort', onAbort, { once: true });
  stops.push(() => signal.removeEventListener('abort', onAbort));
  stops.push(onSocketClose(deps.connection, stop));
  if (signal.aborted) stop();
  return streamInbox({ deps, queue, lastSeq, seq, stop });
}

async function* streamInbox(opened: {
  deps: InboxStreamDeps;
  queue: EventQueue<Item>;
  lastSeq: number | undefined;
  seq: number;
  stop: () => void;
}) {
  const { deps, queue, lastSeq, stop } = opened;
  const { services, identity, signal } = deps;
  let seq = opened.seq;
  try {
    const staff = async () => {
      const role = await currentRole(services, identity.userId);
      if (!role || !STAFF_ROLES.includes(role)) throw notStaff();
    };
    const send = (at: number, event: InboxEvent) => {
      seq = at;
      return tracked(String(at), event);
    };
    // The backlog a resuming client missed, in pages.
    for (;;) {
      const from = seq;
      const rows = await readInboxEvents(services, seq);
      // The prune mark is written before rows are deleted: read after the page, a mark
      // at or below `from` proves nothing this page needed was gone.
      if (lastSeq !== undefined && (await inboxPrunedSeq(services)) > from) throw prunedResume();
      for (const row of rows) {
        await staff();
        yield send(row.seq, row.event);
      }
      if (rows.length < 500 || signal.aborted) break;
    }
    while (!signal.aborted) {
      const item = await queue.next(signal);
      if (!item) return;
      if (queue.overflowed) throw fellBehind();
      if ('kind' in item && item.kind === 'resync') {
        for (;;) {
          const rows = await readInboxEvents(services, seq);
          for (const row of rows) {
            await staff();
            yield send(row.seq, row.event);
          }
          if (rows.length < 500 || signal.aborted) break;
        }
        continue;
      }
      if ('kind' in item) {
        await resolveIdentity(services, deps.credential);
        await staff();
        continue;
      }
      if (item.seq <= seq) continue;
      await staff();
      if (item.seq === seq + 1) {
        yield send(item.seq, superjson.deserialize<InboxEvent>(item.event));
        continue;
      }
      // A gap (a bus message lost): filled from the database, in order.
      for (const row of await readInboxEvents(services, seq, item.seq)) {
        yield send(row.seq, row.event);
      }
      seq = Math.max(seq, item.seq);
    }
  } finally {
    stop();
  }
}
