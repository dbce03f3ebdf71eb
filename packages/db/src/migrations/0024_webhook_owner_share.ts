import { type Migration, run } from './types';

/**
 * `parked`: a delivery that was due while its owner already had their share of sends in
 * flight (`WEBHOOK_SENDS_PER_OWNER`). It has no job while parked; each of the owner's
 * sends that ends hands its slot to the oldest parked one (webhooks/deliver.ts), so one
 * owner's slow receivers hold at most their share of the senders, never everyone's.
 */
export const webhookOwnerShare: Migration = {
  name: '0024_webhook_owner_share',
  up: (db) =>
    run(db, [
      'ALTER TABLE webhook_deliveries ADD COLUMN parked boolean NOT NULL DEFAULT false',
      `CREATE INDEX webhook_deliveries_parked_idx
         ON webhook_deliveries (webhook_id, seq) WHERE parked`,
      // An owner's sends in flight are counted at every claim.
      `CREATE INDEX webhook_deliveries_in_flight_idx
         ON webhook_deliveries (webhook_id) WHERE status = 'pending' AND locked_until IS NOT NULL`,
    ]),
  down: (db) =>
    run(db, [
      'DROP INDEX IF EXISTS webhook_deliveries_in_flight_idx',
      'DROP INDEX IF EXISTS webhook_deliveries_parked_idx',
      'ALTER TABLE webhook_deliveries DROP COLUMN IF EXISTS parked',
    ]),
};
