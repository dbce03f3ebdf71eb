import type { InboxEvent, InboxEventType } from '@parley/validators';
import { QueryTypes, type Transaction } from 'sequelize';
import superjson, { type SuperJSONResult } from 'superjson';
import type { ApiServices } from '../context';
import { inboxItems } from './items';

/*
 * The agents' inbox has one ordered event log, shared by every instance: whatever appends
 * an inbox event goes through here. Ids are numbered under the lock of the single
 * `inbox_state` row, so they are gap-free and in commit order (a subscriber that saw 7
 * never later meets a 6), like a conversation's events. Taken last in a transaction, so
 * it is held only for the insert.
 */

type Services = Pick<ApiServices, 'db' | 'infra' | 'clock' | 'logger'>;

/** The bus channel of inbox events. */
export const INBOX_CHANNEL = 'inbox';

/** What travels on the bus: the stored event with its sequence number. */
export interface InboxBusMessage {
  seq: number;
  event: SuperJSONResult;
}

/**
 * Stores inbox events about conversations (each with the conversation's item as it is now,
 * inside `transaction`); `publish` sends them once the caller has committed.
 */
export async function appendInboxEvents(
  services: Services,
  entries: { type: InboxEventType; conversationId: string }[],
  transaction: Transaction,
): Promise<{ publish: () => Promise<void> }> {
  if (entries.length === 0) return { publish: async () => {} };
  const ids = [...new Set(entries.map((e) => e.conversationId))];
  const items = new Map(
    (await inboxItems(services, ids, transaction)).map((item) => [item.conversation.id, item]),
  );
  const events: InboxEvent[] = entries.flatMap((e) => {
    const item = items.get(e.conversationId);
    return item ? [{ type: e.type, conversationId: e.conversationId, item }] : [];
  });
  if (events.length === 0) return { publish: async () => {} };
  const payloads = events.map((event) => superjson.serialize(event));
  const [row] = await services.db.sequelize.query<{ last: string }>(
    `WITH s AS (
       UPDATE inbox_state SET event_seq = event_seq + $1 RETURNING event_seq - $1 AS first, event_seq AS last
     ), e AS (
       INSERT INTO inbox_events (seq, conversation_id, type, payload, created_at)
       SELECT s.first + i.n, i.conversation_id, i.type, i.payload, now()
       FROM s, unnest($2::uuid[], $3::text[], $4::jsonb[]) WITH ORDINALITY
         AS i (conversation_id, type, payload, n)
     )
     SELECT last FROM s`,
    {
      bind: [
        events.length,
        events.map((e) => e.conversationId),
        events.map((e) => e.type),
        payloads.map((p) => JSON.stringify(p)),
      ],
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  const last = Number(row!.last);
  return {
    publish: async () => {
      for (const [i, event] of payloads.entries()) {
        const message: InboxBusMessage = { seq: last - payloads.length + 1 + i, event };
        await services.infra.bus.publish(INBOX_CHANNEL, message).catch((error: unknown) => {
          // Stored: a subscriber fills the gap from the database at the next event.
          services.logger.warn({ err: error }, 'could not publish an inbox event');
        });
      }
    },
  };
}

/** Inbox events after `afterSeq` (up to `uptoSeq`), in order, at most `limit`. */
export async function readInboxEvents(
  services: Pick<ApiServices, 'db'>,
  afterSeq: number,
  uptoSeq = Number.MAX_SAFE_INTEGER,
  limit = 500,
): Promise<{ seq: number; event: InboxEvent }[]> {
  const rows = await services.db.sequelize.query<{ seq: string; payload: SuperJSONResult }>(
    `SELECT seq, payload FROM inbox_events WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
    { bind: [afterSeq, uptoSeq, limit], type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    event: superjson.deserialize<InboxEvent>(r.payload),
  }));
}

/** The id of the latest inbox event (0 when there is none). */
export async function inboxHead(services: Pick<ApiServices, 'db'>): Promise<number> {
  const [row] = await services.db.sequelize.query<{ event_seq: string }>(
    'SELECT event_seq FROM inbox_state',
    { type: QueryTypes.SELECT },
  );
  return Number(row?.event_seq ?? 0);
}
