import type { ApiServices } from '../context';
import { attemptDelivery } from './deliver';
import { DELIVER_TASK, DELIVERY_LANE } from './schedule';

/** `webhooks.deliver`: one attempt at one delivery (deliver.ts decides what comes next). */
export function defineWebhookTasks(services: ApiServices): void {
  services.jobs.define(
    DELIVER_TASK,
    ({ deliveryId }) =>
      attemptDelivery(
        {
          sequelize: services.db.sequelize,
          jobs: services.jobs,
          config: services.config.webhooks,
          clock: services.clock,
          log: services.logger,
        },
        deliveryId,
      ),
    { lane: DELIVERY_LANE },
  );
}
