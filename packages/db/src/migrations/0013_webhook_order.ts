import { type Migration, run } from './types';

/**
 * What sending webhook deliveries needs beyond 0011:
 * - `seq`, the order deliveries were recorded in. A conversation's deliveries are recorded
 *   under its row lock (with its events), so `seq` follows the conversation's event order;
 *   `created_at` (a transaction's start time) may not when two writers race.
 * - `locked_until`, the lease of the attempt in flight: another worker (or a job run
 *   twice) does not send the same delivery while it is held, and a crashed sender's
 *   lease simply runs out.
 * - `retry_until`, when retrying stops and the delivery is `failed` (a redelivery starts
 *   a new window).
 */
export const webhookOrder: Migration = {
  name: '0013_webhook_order',
  up: (db) =>
    run(db, [
      'ALTER TABLE webhook_deliveries ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY',
      'ALTER TABLE webhook_deliveries ADD COLUMN locked_until timestamptz',
      'ALTER TABLE webhook_deliveries ADD COLUMN retry_until timestamptz',
      'DROP INDEX webhook_deliveries_pending_idx',
      `CREATE INDEX webhook_deliveries_pending_idx
        ON webhook_deliveries (webhook_id, ordering_key, seq) WHERE status = 'pending'`,
    ]),
  down: (db) =>
    run(db, [
      'DROP INDEX webhook_deliveries_pending_idx',
      'ALTER TABLE webhook_deliveries DROP COLUMN retry_until',
      'ALTER TABLE webhook_deliveries DROP COLUMN locked_until',
      'ALTER TABLE webhook_deliveries DROP COLUMN seq',
      `CREATE INDEX webhook_deliveries_pending_idx
        ON webhook_deliveries (webhook_id, ordering_key, created_at, id) WHERE status = 'pending'`,
    ]),
};
