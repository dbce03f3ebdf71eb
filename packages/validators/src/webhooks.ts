import { z } from 'zod';
import { uuid } from './ids';
import { pageInput } from './pagination';
import { safeText } from './safe';

/**
 * What a webhook can subscribe to. Conversation events carry the event's own fields;
 * `ping` is what `webhooks.test` sends. Adding a type here is all it takes for a durable
 * conversation event of that type to be delivered.
 */
export const WEBHOOK_EVENT_TYPES = [
  'message.created',
  'run.failed',
  'handoff.requested',
  'handoff.assigned',
  'session.ended',
  'alert.created',
  'ping',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const webhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

/** At most this many webhooks per person (`list` is not paged). */
export const MAX_WEBHOOKS = 50;
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/**
 * An absolute http(s) URL without credentials or a fragment. Whether its host resolves
 * to an address Parley may call is checked by the server (when created and on every send).
 */
export const webhookUrl = safeText()
  .trim()
  .max(MAX_WEBHOOK_URL_LENGTH)
  .superRefine((value, ctx) => {
    // The URL parser drops tabs and line breaks silently: refused, so what is stored is
    // what is called.
    if (hasControlCharacter(value)) {
      ctx.addIssue({ code: 'custom', message: 'must not contain control characters' });
      return;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an absolute http or https URL' });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      ctx.addIssue({ code: 'custom', message: 'must use http or https' });
    else if (url.username || url.password)
      ctx.addIssue({ code: 'custom', message: 'must not contain a user name or password' });
    else if (url.hash) ctx.addIssue({ code: 'custom', message: 'must not contain a #fragment' });
  });

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const webhookEvents = z
  .array(webhookEventType)
  .min(1, { error: 'must name at least one event' })
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((events) => [...new Set(events)]);

export const webhookCreateInput = z.object({
  url: webhookUrl,
  events: webhookEvents,
  description: safeText().trim().max(500).optional(),
});
export const webhookUpdateInput = z.object({
  id: uuid(),
  url: webhookUrl.optional(),
  events: webhookEvents.optional(),
  enabled: z.boolean().optional(),
  description: safeText().trim().max(500).nullish(),
});
export const webhookDeliveriesInput = pageInput.extend({ webhookId: uuid() });
export const webhookRedeliverInput = z.object({ deliveryId: uuid() });

export type WebhookCreateInput = z.input<typeof webhookCreateInput>;
export type WebhookUpdateInput = z.input<typeof webhookUpdateInput>;
export type WebhookDeliveriesInput = z.input<typeof webhookDeliveriesInput>;

export interface Webhook {
  id: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  enabled: boolean;
  createdAt: Date;
  lastDeliveryAt: Date | null;
  /** Set after repeated failed attempts; cleared by the next success. */
  failingSince: Date | null;
}

/** `webhooks.create`: the signing secret is shown this once. */
export interface CreatedWebhook {
  webhook: Webhook;
  secret: string;
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface Delivery {
  id: string;
  webhookId: string;
  event: WebhookEventType;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
}

/** The JSON body of every delivery (plain JSON: dates are ISO strings). */
export interface WebhookPayload<T = Record<string, unknown>> {
  /** The delivery id, also in the `Parley-Delivery` header; the same on every retry. */
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: T;
}
