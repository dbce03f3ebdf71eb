import { type Migration, run } from './types';

/**
 * Integrations: widget sessions limited to the browser origins their integrator allowed,
 * and webhooks with their deliveries. A delivery keeps its body as the exact text that is
 * signed and sent, so every retry carries the same bytes; `ordering_key` (a conversation
 * id) keeps one conversation's deliveries to one endpoint in order.
 */
export const integrations: Migration = {
  name: '0011_integrations',
  up: (db) =>
    run(db, [
      // NULL: no browser origin restriction beyond the server's own CORS list.
      'ALTER TABLE sessions ADD COLUMN allowed_origins text[]',
      // A browser from another origin may open a socket when some live session allows it.
      `CREATE INDEX sessions_allowed_origins_idx ON sessions USING gin (allowed_origins)
        WHERE allowed_origins IS NOT NULL AND status = 'active'`,
      `CREATE TABLE webhooks (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        url text NOT NULL,
        events text[] NOT NULL,
        description text,
        secret text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        consecutive_failures integer NOT NULL DEFAULT 0,
        failing_since timestamptz,
        last_delivery_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX webhooks_user_idx ON webhooks (user_id, created_at DESC, id DESC)',
      'CREATE INDEX webhooks_events_idx ON webhooks USING gin (events) WHERE enabled',
      `CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        webhook_id uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event text NOT NULL,
        ordering_key text,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_status_code integer,
        last_error text,
        next_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX webhook_deliveries_webhook_idx
        ON webhook_deliveries (webhook_id, created_at DESC, id DESC)`,
      `CREATE INDEX webhook_deliveries_pending_idx
        ON webhook_deliveries (webhook_id, ordering_key, created_at, id) WHERE status = 'pending'`,
    ]),
  down: (db) =>
    run(db, [
      'DROP TABLE webhook_deliveries',
      'DROP TABLE webhooks',
      'ALTER TABLE sessions DROP COLUMN allowed_origins',
    ]),
};
