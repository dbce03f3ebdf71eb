import type { SessionEvent } from '@parley/validators';
import { QueryTypes, type Transaction } from 'sequelize';
import superjson, { type SuperJSONResult } from 'superjson';
import type { ApiServices } from '../context';

type Services = Pick<ApiServices, 'db' | 'infra' | 'logger'>;
export type DurableEvent = Extract<
  SessionEvent,
  { type: 'message.created' | 'assistant.completed' | 'session.ended' }
>;
export type EphemeralEvent = Extract<SessionEvent, { type: 'assistant.delta' | 'typing' }>;

/** What travels on the bus: durable events carry their sequence number. */
export type BusEvent =
  | { kind: 'durable'; seq: number; event: SuperJSONResult }
  | { kind: 'ephemeral'; afterSeq: number; event: SuperJSONResult };

export const sessionChannel = (sessionId: string) => `session:${sessionId}`;

/**
 * Persists a durable event inside the caller's transaction, in one statement. The
 * session row's counter is bumped under its row lock, so ids are gap-free and ordered
 * within a session even when two writers race.
 */
export async function appendEvent(
  services: Services,
  sessionId: string,
  event: DurableEvent,
  transaction: Transaction,
): Promise<{ seq: number; publish: () => Promise<void> }> {
  const durable = durableEvent(event);
  const [row] = await services.db.sequelize.query<{ seq: string }>(
    `WITH s AS (
       UPDATE sessions SET event_seq = event_seq + 1 WHERE id = $1::uuid RETURNING id, event_seq)
     INSERT INTO session_events (session_id, seq, type, payload, created_at)
     SELECT id, event_seq, $2::text, $3::jsonb, now() FROM s
     RETURNING seq`,
    {
      bind: [sessionId, event.type, JSON.stringify(durable.payload)],
      type: QueryTypes.SELECT,
      raw: true,
      transaction,
    },
  );
  if (!row) throw new Error(`session ${sessionId} vanished while appending an event`);
  const seq = Number(row.seq);
  // Publish only after commit: a subscriber must never see an event that is later rolled back.
  return { seq, publish: () => durable.publish(services, sessionId, seq) };
}

/**
 * A durable event serialised once: the same payload is stored (by the caller's SQL) and,
 * after commit, published with the sequence number it was stored under.
 */
export function durableEvent(event: DurableEvent): {
  payload: SuperJSONResult;
  publish: (services: Services, sessionId: string, seq: number) => Promise<void>;
} {
  const payload = superjson.serialize(event);
  return {
    payload,
    publish: (services, sessionId, seq) => publishDurable(services, sessionId, seq, payload),
  };
}

function publishDurable(
  services: Services,
  sessionId: string,
  seq: number,
  event: SuperJSONResult,
): Promise<void> {
  const message: BusEvent = { kind: 'durable', seq, event };
  return services.infra.bus.publish(sessionChannel(sessionId), message);
}

/** Streamed pieces and typing: published, never stored, never replayed. Never rejects. */
export async function publishEphemeral(
  services: Services,
  sessionId: string,
  afterSeq: number,
  event: EphemeralEvent,
): Promise<void> {
  // Typing and delta events hold only strings and booleans, for which superjson's result is
  // exactly `{ json }`: built directly, without walking the event for Dates and the like.
  const message: BusEvent = { kind: 'ephemeral', afterSeq, event: { json: event } };
  await services.infra.bus.publish(sessionChannel(sessionId), message).catch((error: unknown) => {
    services.logger.warn({ err: error, sessionId }, 'could not publish a live event');
  });
}

/** Durable events after `afterSeq`, in order (the backlog a resuming client missed). */
export async function readEvents(
  services: Services,
  sessionId: string,
  afterSeq: number,
  uptoSeq = Number.MAX_SAFE_INTEGER,
): Promise<{ seq: number; event: DurableEvent }[]> {
  const rows = await services.db.sequelize.query<{ seq: string; payload: SuperJSONResult }>(
    `SELECT seq, payload FROM session_events
     WHERE session_id = :sessionId AND seq > :afterSeq AND seq <= :uptoSeq ORDER BY seq`,
    { replacements: { sessionId, afterSeq, uptoSeq }, type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    event: superjson.deserialize<DurableEvent>(r.payload),
  }));
}
