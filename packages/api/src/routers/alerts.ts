import { alertEventsInput, alertListInput, alertMarkReadInput } from '@parley/validators';
import { alertEvents, listAlerts, markAlertsRead } from '../alerts';
import type { ApiServices } from '../context';
import { router, userProcedure } from '../trpc';

/** What a person's saved searches found: the list, read marks and the live stream. */
export const alertsRouter = router({
  list: userProcedure
    .input(alertListInput)
    .query(({ ctx, input }) => listAlerts(deps(ctx.services), ctx.identity.userId, input)),
  markRead: userProcedure
    .input(alertMarkReadInput)
    .mutation(({ ctx, input }) => markAlertsRead(deps(ctx.services), ctx.identity.userId, input)),
  events: userProcedure.input(alertEventsInput).subscription(({ ctx, input, signal }) =>
    alertEvents(
      {
        services: ctx.services,
        identity: ctx.identity,
        // userProcedure guarantees a credential was presented and verified.
        credential: ctx.credential!,
        connection: ctx.connection,
        signal: signal ?? new AbortController().signal,
      },
      input,
    ),
  ),
});

const deps = (services: Pick<ApiServices, 'db'>) => ({ sequelize: services.db.sequelize });
