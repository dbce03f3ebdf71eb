import {
  idInput,
  webhookCreateInput,
  webhookDeliveriesInput,
  webhookRedeliverInput,
  webhookUpdateInput,
} from '@parley/validators';
import type { ApiServices } from '../context';
import { router, scopedProcedure } from '../trpc';
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  pingWebhook,
  redeliver,
  updateWebhook,
  type WebhookDeps,
} from '../webhooks';

/** A signed-in person, or an API key with `webhooks:write`: their own webhooks only. */
const owner = scopedProcedure('webhooks:write');

/** Signed HTTP callbacks for a person's conversations (docs/integrations.md). */
export const webhooksRouter = router({
  create: owner
    .input(webhookCreateInput)
    .mutation(({ ctx, input }) => createWebhook(deps(ctx.services), ctx.identity.userId, input)),
  list: owner.query(({ ctx }) => listWebhooks(deps(ctx.services), ctx.identity.userId)),
  update: owner
    .input(webhookUpdateInput)
    .mutation(({ ctx, input }) => updateWebhook(deps(ctx.services), ctx.identity.userId, input)),
  delete: owner
    .input(idInput)
    .mutation(({ ctx, input }) => deleteWebhook(deps(ctx.services), ctx.identity.userId, input.id)),
  deliveries: owner
    .input(webhookDeliveriesInput)
    .query(({ ctx, input }) => listDeliveries(deps(ctx.services), ctx.identity.userId, input)),
  redeliver: owner
    .input(webhookRedeliverInput)
    .mutation(({ ctx, input }) =>
      redeliver(deps(ctx.services), ctx.identity.userId, input.deliveryId),
    ),
  test: owner
    .input(idInput)
    .mutation(({ ctx, input }) =>
      pingWebhook(deps(ctx.services), ctx.identity.userId, input.id, ctx.services.clock()),
    ),
});

function deps(services: Pick<ApiServices, 'db' | 'jobs' | 'config'>): WebhookDeps {
  return {
    sequelize: services.db.sequelize,
    jobs: services.jobs,
    config: services.config.webhooks,
  };
}
