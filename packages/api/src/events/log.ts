import { prepared, runPrepared } from '@parley/db';
import { QueryTypes, type Transaction } from 'sequelize';
import superjson, { type SuperJSONResult } from 'superjson';
import type { ApiServices } from '../context';
import {
  ADMIN_WIDE_EVENT_TYPES,
  type ConversationHook,
  conversationHooksSql,
  recordConversationDeliveries,
  webhookTypesOf,
} from '../webhooks/events';
import { composeWire } from '../wire';
import {
  type BusEvent,
  conversationChannel,
  type DurableEvent,
  type EphemeralEvent,
} from './protocol';

type Services = Pick<ApiServices, 'db' | 'infra' | 'logger' | 'jobs' | 'config' | 'clock'>;

const APPEND_EVENTS = prepared(
  'append_events',
  `WITH c AS (
       UPDATE conversations SET event_seq = event_seq + $2 WHERE id = $1::uuid
       RETURNING id, event_seq - $2 AS first, event_seq AS last
     ), e AS (
       INSERT INTO conversation_events (conversation_id, seq, type, payload, session_id, created_at)
       SELECT c.id, c.first + i.n, i.type, i.payload, $5::uuid, now()
       FROM c, ROWS FROM (unnest($3::text[]), jsonb_array_elements($4::jsonb))
               WITH ORDINALITY AS i (type, payload, n)
     ), h AS (${conversationHooksSql('$1::uuid', '$6', '$7')})
     SELECT last,
            CASE WHEN cardinality($6::text[]) = 0 THEN '[]'::json
                 ELSE (SELECT coalesce(json_agg(h), '[]'::json) FROM h) END AS hooks,
            CASE WHEN $8::boolean THEN EXISTS (
              SELECT 1 FROM runs WHERE conversation_id = $1::uuid AND status = 'queued'
            ) END AS queued_runs
     FROM c`,
);

/** Durable events stored by `appendEvents`; `publish` sends them once the caller committed. */
export interface Appended {
  /** The sequence number of each event, in order. */
  seqs: number[];
  /** With `reportQueuedRuns`: whether a run of the conversation is queued. */
  queuedRuns?: boolean;
  publish: () => Promise<void>;
}

/**
 * Stores durable events in the conversation's log inside the caller's transaction, in
 * one statement. The conversation row's counter is bumped under its row lock, so ids are
 * gap-free and ordered within a conversation even when writers on several instances race.
 * Publish only after commit: a subscriber must never see an event that is rolled back.
 */
export async function appendEvents(
  services: Services,
  conversationId: string,
  events: DurableEvent[],
  transaction: Transaction,
  options: {
    sessionId?: string | null;
    /**
     * Also say whether a run of the conversation is queued (`Appended.queuedRuns`). Only
     * conclusive when the caller's transaction locked the conversation's row in an
     * earlier statement: this statement's snapshot then holds every run queued before it.
     */
    reportQueuedRuns?: boolean;
  } = {},
): Promise<Appended> {
  // Part by part: each part (a message, a run, a reply) keeps its form, so a response that
  // repeats it (`sessions.send` answers with the reply it just announced) is not walked again.
  const payloads = events.map((event) => composeWire(event));
  const stored = events.map((event, i) => ({
    type: event.type,
    json: payloads[i]!.json as Record<string, unknown>,
  }));
  // The webhooks that may want these events are found by the same statement.
  const hookTypes = webhookTypesOf(stored);
  const [row] = await runPrepared<{
    last: string;
    hooks: ConversationHook[];
    queued_runs: boolean | null;
  }>(
    services.db.sequelize,
    APPEND_EVENTS,
    [
      conversationId,
      events.length,
      events.map((e) => e.type),
      // One JSON array, not a jsonb[]: an array literal would escape every quote of every
      // payload (the listings of a reply) and PostgreSQL would unescape them again.
      JSON.stringify(payloads),
      options.sessionId ?? null,
      hookTypes,
      ADMIN_WIDE_EVENT_TYPES,
      options.reportQueuedRuns ?? false,
    ],
    transaction,
  );
  if (!row) throw new Error(`conversation ${conversationId} vanished while appending events`);
  const last = Number(row.last);
  const seqs = events.map((_, i) => last - events.length + 1 + i);
  // Webhooks hear of the events in the same transaction, still under the row lock.
  await recordConversationDeliveries(
    {
      sequelize: services.db.sequelize,
      jobs: services.jobs,
      config: services.config.webhooks,
    },
    conversationId,
    stored.map((event, i) => ({ ...event, seq: seqs[i]! })),
    row.hooks,
    services.clock(),
    transaction,
  );
  return {
    seqs,
    ...(row.queued_runs === null ? {} : { queuedRuns: row.queued_runs }),
    // As one bus message: one PUBLISH, one message for each instance to parse, and the
    // events reach every subscriber together and in order.
    publish: () =>
      services.infra.bus.publishAll<BusEvent>(
        conversationChannel(conversationId),
        payloads.map((event, i) => ({ kind: 'durable', seq: seqs[i]!, event })),
      ),
  };
}

/** Streamed pieces and typing: published, never stored, never replayed. Never rejects. */
export async function publishEphemeral(
  services: Services,
  conversationId: string,
  afterSeq: number,
  event: EphemeralEvent,
): Promise<void> {
  // Typing and delta events hold only strings and booleans, for which superjson's result is
  // exactly `{ json }`: built directly, without walking the event for Dates and the like.
  const message: BusEvent = { kind: 'ephemeral', afterSeq, event: { json: event } };
  await services.infra.bus
    .publish(conversationChannel(conversationId), message)
    .catch((error: unknown) => {
      services.logger.warn({ err: error, conversationId }, 'could not publish a live event');
    });
}

/**
 * A notice that is not stored (the conversation it belongs to is being deleted), sent to
 * the conversation's live subscribers after commit.
 */
export function publishNotice(
  services: Pick<ApiServices, 'infra'>,
  conversationId: string,
  event: DurableEvent,
): Promise<void> {
  const message: BusEvent = {
    kind: 'ephemeral',
    afterSeq: Number.MAX_SAFE_INTEGER,
    event: superjson.serialize(event),
  };
  return services.infra.bus.publish(conversationChannel(conversationId), message);
}

/**
 * A resuming stream's backlog: the durable events after `afterSeq`, the conversation's
 * latest sequence number and whether a run of it is being written, in one statement.
 * `latest` below `afterSeq` means the client holds an id this conversation never sent
 * (another conversation's, or an older database's).
 */
export async function readBacklog(
  services: Pick<ApiServices, 'db'>,
  conversationId: string,
  afterSeq: number,
): Promise<{ latest: number; running: boolean; events: { seq: number; event: DurableEvent }[] }> {
  const rows = await services.db.sequelize.query<{
    latest: string;
    running: boolean;
    seq: string | null;
    payload: SuperJSONResult | null;
  }>(
    `SELECT c.event_seq AS latest,
            EXISTS (SELECT 1 FROM runs r
                     WHERE r.conversation_id = c.id AND r.status = 'running') AS running,
            e.seq, e.payload
     FROM conversations c
     LEFT JOIN conversation_events e ON e.conversation_id = c.id AND e.seq > :afterSeq
     WHERE c.id = :conversationId
     ORDER BY e.seq`,
    { replacements: { conversationId, afterSeq }, type: QueryTypes.SELECT },
  );
  const events: { seq: number; event: DurableEvent }[] = [];
  for (const r of rows) {
    if (r.seq === null || r.payload === null) continue;
    events.push({ seq: Number(r.seq), event: superjson.deserialize<DurableEvent>(r.payload) });
  }
  const first = rows[0];
  return { latest: first ? Number(first.latest) : 0, running: first?.running ?? false, events };
}

/** Durable events after `afterSeq`, in order (the backlog a resuming client missed). */
export async function readEvents(
  services: Pick<ApiServices, 'db'>,
  conversationId: string,
  afterSeq: number,
  uptoSeq = Number.MAX_SAFE_INTEGER,
): Promise<{ seq: number; event: DurableEvent }[]> {
  const rows = await services.db.sequelize.query<{ seq: string; payload: SuperJSONResult }>(
    `SELECT seq, payload FROM conversation_events
     WHERE conversation_id = :conversationId AND seq > :afterSeq AND seq <= :uptoSeq ORDER BY seq`,
    { replacements: { conversationId, afterSeq, uptoSeq }, type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    event: superjson.deserialize<DurableEvent>(r.payload),
  }));
}
