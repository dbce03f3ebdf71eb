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

export interface DeliverPayload {
  deliveryId: string;
}

/**
 * What webhooks need from the job engine: to enqueue an attempt inside the transaction
 * that made it due, so a delivery is never recorded without its job (or the reverse).
 */
export type DeliveryJobs = Pick<JobEngine, 'add'>;

/** The job key of a delivery's attempts: at most one pending attempt per delivery. */
export const attemptKey = (deliveryId: string) => `${DELIVER_TASK}:${deliveryId}`;

/**
 * Enqueues the attempt of `deliveryId` at `runAt`. One pending job per delivery: adding
 * again moves it, so a redelivery and a scheduled retry never become two sends. While an
 * attempt executes, its own job is locked and adding makes a new pending one beside it
 * (graphile-worker's rule for a key whose job is locked): that is how an attempt leaves a
 * copy of itself for the case its process dies (deliver.ts).
 */
export function scheduleAttempt(
  jobs: DeliveryJobs,
  deliveryId: string,
  runAt: Date | undefined,
  transaction: Transaction | null,
): Promise<unknown> {
  return jobs.add(
    DELIVER_TASK,
    { deliveryId },
    { transaction, jobKey: attemptKey(deliveryId), ...(runAt ? { runAt } : {}) },
  );
}
