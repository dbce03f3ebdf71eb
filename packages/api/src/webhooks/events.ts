import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@parley/validators';
import { QueryTypes, type Transaction } from 'sequelize';
import { insertDeliveries, type NewDelivery, type WebhookDeps } from './manage';

/**
 * Conversation events a webhook can subscribe to: every durable event whose type is a
 * webhook event type is delivered with its own fields (`ping` and `alert.created` are
 * not conversation events). A new event type becomes deliverable by adding it to
 * WEBHOOK_EVENT_TYPES; an event that reaches webhooks under another name goes in DERIVED.
 */
const CONVERSATION_EVENT_TYPES: ReadonlySet<string> = new Set(
  WEBHOOK_EVENT_TYPES.filter((t) => t !== 'ping' && t !== 'alert.created'),
);

type Fields = Record<string, unknown>;

/** Webhook events made from conversation events of another type. */
const DERIVED: Record<string, (fields: Fields) => { type: WebhookEventType; data: Fields }[]> = {
  // A completed reply is stored with assistant.completed; to a webhook it is a
  // message.created like every other stored message.
  'assistant.completed': (fields) => [
    { type: 'message.created', data: { message: fields.message } },
  ],
};

/** What webhooks hear of one conversation event (nothing, itself, or events made from it). */
function webhookEventsOf(type: string, fields: Fields): { type: string; data: Fields }[] {
  if (CONVERSATION_EVENT_TYPES.has(type)) return [{ type, data: fields }];
  return DERIVED[type]?.(fields) ?? [];
}

/** Events an admin's webhook receives for every conversation, not only its owner's. */
export const ADMIN_WIDE_EVENT_TYPES: readonly WebhookEventType[] = ['handoff.requested'];

/** A stored conversation event, in its plain JSON form (dates as ISO strings). */
export interface StoredEvent {
  seq: number;
  type: string;
  json: Record<string, unknown>;
}

export const isWebhookEvent = (type: string) =>
  CONVERSATION_EVENT_TYPES.has(type) || type in DERIVED;

/** The webhook event types conversation events may reach webhooks as (none: skip the lookup). */
export function webhookTypesOf(events: Pick<StoredEvent, 'type' | 'json'>[]): string[] {
  const types = events.flatMap((event) => {
    const { type, ...fields } = event.json;
    return webhookEventsOf(event.type, fields).map((w) => w.type);
  });
  return [...new Set(types)];
}

/** An enabled webhook that may want a conversation's events; `own`: its owner's. */
export interface ConversationHook {
  id: string;
  events: string[];
  own: boolean;
}

/**
 * The SELECT of the enabled webhooks that may want events of types `typesParam` of
 * conversation `conversationParam` (both SQL placeholders): the owner's, and every
 * admin's subscribed to ADMIN_WIDE_EVENT_TYPES (`adminTypesParam`). The event log embeds
 * it in the statement that appends the events, so a turn pays no extra round trip.
 */
export function conversationHooksSql(
  conversationParam: string,
  typesParam: string,
  adminTypesParam: string,
): string {
  return `SELECT w.id, w.events, w.user_id = c.user_id AS own
       FROM conversations c
       JOIN webhooks w ON w.enabled AND w.events && ${typesParam}::text[]
        AND (w.user_id = c.user_id
             OR (w.events && ${adminTypesParam}::text[]
                 AND w.user_id IN (SELECT id FROM users WHERE role = 'admin')))
      WHERE c.id = ${conversationParam}`;
}

/**
 * Records a delivery of each event to every webhook of `hooks` subscribed to it (found
 * with `conversationHooksSql`): the conversation owner's, and for ADMIN_WIDE_EVENT_TYPES
 * also every admin's. Runs in the transaction that stores the events, so a delivery
 * exists exactly when its event does, and under the conversation's row lock, so
 * deliveries are recorded in event order.
 *
 * `data` is the event without its `type`, plus `conversationId` and `eventId` (the
 * event's id in the conversation's stream).
 */
export async function recordConversationDeliveries(
  deps: Pick<WebhookDeps, 'sequelize' | 'jobs' | 'config'>,
  conversationId: string,
  events: StoredEvent[],
  hooks: ConversationHook[],
  now: Date,
  transaction: Transaction,
): Promise<void> {
  if (!hooks.length) return;
  // By id: deliveries of one event are recorded in a stable order.
  const sorted = [...hooks].sort((a, b) => (a.id < b.id ? -1 : 1));
  const deliveries: NewDelivery[] = [];
  for (const event of events) {
    const { type, ...fields } = event.json;
    for (const wanted of webhookEventsOf(event.type, fields)) {
      const data = { conversationId, eventId: String(event.seq), ...wanted.data };
      const adminWide = (ADMIN_WIDE_EVENT_TYPES as readonly string[]).includes(wanted.type);
      for (const hook of sorted) {
        // An admin's webhook gets only the admin-wide events of other people's chats.
        if (!hook.events.includes(wanted.type) || !(hook.own || adminWide)) continue;
        deliveries.push({
          webhookId: hook.id,
          event: wanted.type,
          orderingKey: conversationId,
          data,
        });
      }
    }
  }
  await insertDeliveries(deps, deliveries, now, transaction);
}

/**
 * Records deliveries of events that belong to a person rather than a conversation
 * (`alert.created`) to that person's enabled webhooks subscribed to them, in the caller's
 * transaction. One person's events of one type are delivered in the order given.
 */
export async function recordUserDeliveries(
  deps: Pick<WebhookDeps, 'sequelize' | 'jobs' | 'config'>,
  events: { userId: string; type: WebhookEventType; data: Fields }[],
  now: Date,
  transaction: Transaction,
): Promise<void> {
  if (!events.length) return;
  const hooks = await deps.sequelize.query<{ id: string; user_id: string; events: string[] }>(
    `SELECT w.id, w.user_id, w.events FROM webhooks w
      WHERE w.enabled AND w.user_id = ANY($1::uuid[]) AND w.events && $2::text[]
      ORDER BY w.id`,
    {
      bind: [[...new Set(events.map((e) => e.userId))], [...new Set(events.map((e) => e.type))]],
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  const deliveries: NewDelivery[] = [];
  for (const event of events)
    for (const hook of hooks)
      if (hook.user_id === event.userId && hook.events.includes(event.type))
        deliveries.push({
          webhookId: hook.id,
          event: event.type,
          orderingKey: `${event.type}:${event.userId}`,
          data: event.data,
        });
  await insertDeliveries(deps, deliveries, now, transaction);
}
