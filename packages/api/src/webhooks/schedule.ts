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

/**
 * Enqueues the attempt of `deliveryId` at `runAt`. One pending job per delivery: adding
 * again moves it, so a redelivery and a scheduled retry never become two sends.
 */
export function scheduleAttempt(
  jobs: DeliveryJobs,
  deliveryId: string,
  runAt: Date | undefined,
  transaction: Transaction,
): Promise<unknown> {
  return jobs.add(
    DELIVER_TASK,
    { deliveryId },
    { transaction, jobKey: `${DELIVER_TASK}:${deliveryId}`, ...(runAt ? { runAt } : {}) },
  );
}
