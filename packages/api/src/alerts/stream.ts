import type { Alert, AlertEvent } from '@parley/validators';
import { tracked } from '@trpc/server';
import superjson, { type SuperJSONResult } from 'superjson';
import type { Credential, Identity } from '../auth/credentials';
import { resolveIdentity } from '../auth/identity';
import { revocationChannel } from '../auth/service';
import type { ApiServices, Connection } from '../context';
import { EventQueue } from '../events/queue';
import { aheadOfLatest, fellBehind, resumePoint, takeSlot } from '../events/stream';
import { feedPosition, readAlertsAfter } from './alerts';

/** The bus channel a person's new alerts are announced on, to every instance. */
export const alertChannel = (userId: string) => `alerts:${userId}`;

/**
 * What travels on the bus: an alert with its place in the person's feed, or (after an
 * import) only the feed's new position, which a stream reads up to from the database.
 */
export interface AlertBusMessage {
  seq: number;
  alert?: SuperJSONResult;
}

/** A person's feed moved to `seq`; their new alerts are read from the database. */
export interface FeedAdvance {
  userId: string;
  seq: number;
}

/** Announces stored alerts (after their transaction committed). Never rejects. */
export async function publishAlerts(
  services: Pick<ApiServices, 'infra' | 'logger'>,
  alerts: { userId: string; seq: number; alert: Alert }[],
  advances: FeedAdvance[] = [],
): Promise<void> {
  // Sent back to back (in order, on one connection), not one round trip at a time: an
  // import announces one position to each of thousands of people.
  const messages: [string, AlertBusMessage][] = [
    ...alerts.map(({ userId, seq, alert }): [string, AlertBusMessage] => [
      userId,
      { seq, alert: superjson.serialize(alert) },
    ]),
    ...advances.map(({ userId, seq }): [string, AlertBusMessage] => [userId, { seq }]),
  ];
  let failed = 0;
  await Promise.all(
    messages.map(([userId, message]) =>
      services.infra.bus.publish(alertChannel(userId), message).catch(() => {
        failed += 1;
      }),
    ),
  );
  // Stored already: a subscriber fills the gap from the database on the next alert.
  if (failed) services.logger.warn({ failed }, 'could not publish some alerts');
}

type Item = AlertBusMessage | { kind: 'recheck' } | { kind: 'resync' };

export interface AlertStreamDeps {
  services: ApiServices;
  identity: Identity;
  credential: Credential;
  connection: Connection | null;
  signal: AbortSignal;
}

/**
 * A person's new alerts, live and resumable like a conversation's stream: listens first,
 * then sends what is stored after `lastEventId`, then live alerts, each exactly once and
 * in order (ids are the feed's gap-free sequence numbers). A gap in the live sequence (a
 * lost bus message, or an import announcing only the feed's new position) is filled from
 * the database. Without `lastEventId` the stream starts at the present: `alerts.list`
 * answers the position to resume from (`lastEventId`).
 * Ends with UNAUTHORIZED when the credential it was opened with is revoked.
 */
export async function alertEvents(
  deps: AlertStreamDeps,
  input: { lastEventId?: string | null | undefined },
) {
  // The cap and a bad resume point refuse the subscription itself, before tRPC reports it
  // started (as a conversation's stream does).
  const { services, signal } = deps;
  const release = takeSlot(deps.connection, services.config.maxSubscriptionsPerSocket, signal);
  try {
    return followAlerts(deps, resumePoint(input.lastEventId), release);
  } catch (error) {
    release();
    throw error;
  }
}

async function* followAlerts(
  deps: AlertStreamDeps,
  resumeAfter: number | undefined,
  release: () => void,
) {
  const { services, identity, signal } = deps;
  const stops: (() => void)[] = [];
  try {
    if (signal.aborted) return;
    const queue = new EventQueue<Item>();
    stops.push(
      services.infra.bus.subscribe<AlertBusMessage>(
        alertChannel(identity.userId),
        (message) => queue.push(message),
        // Redis was away: alerts made on other instances are read from the feed.
        () => queue.push({ kind: 'resync' }),
      ),
      services.infra.bus.subscribe(revocationChannel(identity.userId), () =>
        queue.push({ kind: 'recheck' }),
      ),
    );
    const db = { sequelize: services.db.sequelize };
    const position = await feedPosition(db, identity.userId);
    if (resumeAfter !== undefined && resumeAfter > position) throw aheadOfLatest();
    let lastSeq = resumeAfter ?? position;
    const send = (seq: number, alert: Alert) => {
      lastSeq = seq;
      const event: AlertEvent = { type: 'alert.created', alert };
      return tracked(String(seq), event);
    };
    // The backlog, and any gap, in bounded reads.
    async function* fill(until?: number) {
      for (;;) {
        const rows = await readAlertsAfter(db, identity.userId, lastSeq, until);
        for (const row of rows) yield send(row.seq, row.alert);
        if (rows.length < 200) return;
      }
    }
    yield* fill();
    while (!signal.aborted) {
      const item = await queue.next(signal);
      if (!item) return;
      if (queue.overflowed) throw fellBehind();
      if ('kind' in item && item.kind === 'resync') {
        yield* fill();
        continue;
      }
      if ('kind' in item) {
        await resolveIdentity(services, deps.credential);
        continue;
      }
      if (item.seq <= lastSeq) continue;
      if (item.seq === lastSeq + 1 && item.alert) {
        yield send(item.seq, superjson.deserialize<Alert>(item.alert));
        continue;
      }
      yield* fill(item.seq);
      // Alerts deleted with their search leave holes: the stream still moves past them.
      lastSeq = Math.max(lastSeq, item.seq);
    }
  } finally {
    for (const stop of stops) stop();
    release();
  }
}
