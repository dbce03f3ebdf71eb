import type { Delivery, DeliveryStatus, Webhook, WebhookEventType } from '@parley/validators';

/** Columns of a webhook as the API shows it (never its secret). */
export const WEBHOOK_COLUMNS = `w.id, w.url, w.events, w.description, w.enabled, w.created_at,
  w.last_delivery_at, w.failing_since`;

export interface WebhookRow {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: boolean;
  created_at: Date;
  last_delivery_at: Date | null;
  failing_since: Date | null;
}

export function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[],
    description: row.description,
    enabled: row.enabled,
    createdAt: row.created_at,
    lastDeliveryAt: row.last_delivery_at,
    failingSince: row.failing_since,
  };
}

export const DELIVERY_COLUMNS = `d.id, d.webhook_id, d.event, d.status, d.attempts,
  d.last_status_code, d.next_attempt_at, d.created_at`;

export interface DeliveryRow {
  id: string;
  webhook_id: string;
  event: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  next_attempt_at: Date | null;
  created_at: Date;
}

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    event: row.event as WebhookEventType,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    // Only a pending delivery has a next attempt.
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    createdAt: row.created_at,
  };
}
