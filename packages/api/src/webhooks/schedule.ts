import type { JobEngine } from '@parley/jobs';
import type { Transaction } from 'sequelize';

declare module '@parley/jobs' {
  interface JobPayloads {
    'webhooks.deliver': DeliverPayload;
  }
}

/** The job that sends one delivery (one attempt per run). */
export const DELIVER_TASK = 'webhooks.deliver';

/**
 * The job engine's lane for deliveries: its own runner and number of sends at once
 * (`WEBHOOK_CONCURRENCY`), so receivers that answer slowly or never can hold up only
 * deliveries, never the run watchdog, alerts or the session sweep.
 */
export const DELIVERY_LANE = 'outbound';

/**
 * Sends at once for one webhook owner: each owner's deliveries go through this many of
 * the engine's queues (one job at a time each), so one owner's slow receivers hold at
 * most this many of the lane's slots and every other owner's deliveries keep going.
 */
export const SENDS_PER_OWNER = 2;

export interface DeliverPayload {
  deliveryId: string;
}

/**
 * What webhooks need from the job engine: to enqueue an attempt inside the transaction
 * that made it due, so a delivery is never recorded without its job (or the reverse).
 */
export type DeliveryJobs = Pick<JobEngine, 'add'>;

/** A delivery as its attempt is queued: whose webhook it is, and what it is ordered by. */
export interface DeliveryToQueue {
  id: string;
  ownerId: string;
  /** Deliveries of one conversation share a queue (the table orders them anyway). */
  orderingKey: string | null;
}

/**
 * Enqueues the attempt of a delivery at `runAt`, in one of its owner's queues. One
 * pending job per delivery: adding again moves it, so a redelivery and a scheduled retry
 * never become two sends.
 */
export function scheduleAttempt(
  jobs: DeliveryJobs,
  delivery: DeliveryToQueue,
  runAt: Date | undefined,
  transaction: Transaction,
): Promise<unknown> {
  const spread = bucket(delivery.orderingKey ?? delivery.id, SENDS_PER_OWNER);
  return jobs.add(
    DELIVER_TASK,
    { deliveryId: delivery.id },
    {
      transaction,
      jobKey: `${DELIVER_TASK}:${delivery.id}`,
      queueName: `${DELIVER_TASK}:${delivery.ownerId}:${spread}`,
      ...(runAt ? { runAt } : {}),
    },
  );
}

/** A stable number below `n` for `key` (FNV-1a): the same conversation, the same queue. */
function bucket(key: string, n: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % n;
}
