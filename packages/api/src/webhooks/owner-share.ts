import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { DeliveryJobs } from './schedule';
import { scheduleAttempt } from './schedule';

/**
 * Each owner's share of the senders. Deliveries go out through one lane of the job engine
 * (`WEBHOOK_CONCURRENCY` sends at once per instance); without a share, one owner's
 * receivers that answer slowly or never would hold every slot and delay every other
 * owner's deliveries. So a delivery is taken only while its owner has fewer than
 * `sendsPerOwner` sends in flight (on any instance); one due beyond that is parked, with
 * no job, and each of the owner's sends that ends hands its slot to the oldest parked one.
 *
 * Parking and handing on take one lock per owner (a transaction-scoped advisory lock), so
 * a delivery is never parked just after the last send that could have handed it on: the
 * one that parks counts the sends in flight under the lock, and the one that ends takes
 * the lock after it has given up its slot.
 */

/** SQL: the sends in flight of the owner of webhook `w` (a lease not yet run out). */
export const OWNER_SENDS_IN_FLIGHT = `(
  SELECT count(*) FROM webhook_deliveries f JOIN webhooks fw ON fw.id = f.webhook_id
   WHERE fw.user_id = w.user_id AND f.status = 'pending'
     AND f.locked_until IS NOT NULL AND f.locked_until > now())`;

interface ShareDeps {
  sequelize: Sequelize;
  jobs: DeliveryJobs;
}

const lockOwner = (deps: ShareDeps, ownerId: string, transaction: Transaction) =>
  deps.sequelize.query("SELECT pg_advisory_xact_lock(hashtext('parley:webhook-owner:' || $1))", {
    bind: [ownerId],
    type: QueryTypes.SELECT,
    transaction,
  });

/**
 * The delivery was due but not taken: when its owner's share is in use, it is parked
 * (true); when a slot has come free meanwhile, it is queued again at once (true). False
 * when the share is not why it was not taken.
 */
export async function parkIfOwnerBusy(
  deps: ShareDeps,
  deliveryId: string,
  sendsPerOwner: number,
  transaction: Transaction,
): Promise<boolean> {
  const [owner] = await deps.sequelize.query<{ owner_id: string }>(
    `SELECT w.user_id AS owner_id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
      WHERE d.id = $1`,
    { bind: [deliveryId], type: QueryTypes.SELECT, transaction },
  );
  if (!owner) return false;
  await lockOwner(deps, owner.owner_id, transaction);
  const [row] = await deps.sequelize.query<{ busy: boolean }>(
    `SELECT ${OWNER_SENDS_IN_FLIGHT} >= $2 AS busy
       FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
      WHERE d.id = $1 AND d.status = 'pending'
        AND (d.locked_until IS NULL OR d.locked_until <= now())
        AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= now())
        AND NOT EXISTS (
          SELECT 1 FROM webhook_deliveries o
           WHERE o.webhook_id = d.webhook_id AND o.ordering_key = d.ordering_key
             AND o.status = 'pending' AND o.seq < d.seq)`,
    { bind: [deliveryId, sendsPerOwner], type: QueryTypes.SELECT, transaction },
  );
  if (!row) return false;
  if (row.busy) {
    await deps.sequelize.query('UPDATE webhook_deliveries SET parked = true WHERE id = $1', {
      bind: [deliveryId],
      transaction,
    });
  } else {
    await scheduleAttempt(deps.jobs, deliveryId, undefined, transaction);
  }
  return true;
}

/** A send of `ownerId`'s has ended (its slot is given up in `transaction`): the oldest parked delivery goes. */
export async function handOnSlot(
  deps: ShareDeps,
  ownerId: string,
  transaction: Transaction,
): Promise<void> {
  await lockOwner(deps, ownerId, transaction);
  const [next] = await deps.sequelize.query<{ id: string }>(
    `UPDATE webhook_deliveries SET parked = false
      WHERE id = (
        SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
         WHERE w.user_id = $1 AND d.parked AND d.status = 'pending'
         ORDER BY d.seq LIMIT 1)
      RETURNING id`,
    { bind: [ownerId], type: QueryTypes.SELECT, transaction },
  );
  if (next) await scheduleAttempt(deps.jobs, next.id, undefined, transaction);
}
