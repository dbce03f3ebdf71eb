import {
  idInput,
  savedSearchCreateInput,
  savedSearchListInput,
  savedSearchUpdateInput,
} from '@parley/validators';
import {
  createSavedSearch,
  deleteSavedSearch,
  listSavedSearches,
  updateSavedSearch,
} from '../alerts';
import type { ApiServices } from '../context';
import { router, userProcedure } from '../trpc';

/** A person's saved searches: what Parley watches new listings and price drops for. */
export const searchesRouter = router({
  create: userProcedure
    .input(savedSearchCreateInput)
    .mutation(({ ctx, input }) =>
      createSavedSearch(deps(ctx.services), ctx.identity.userId, input),
    ),
  list: userProcedure
    .input(savedSearchListInput)
    .query(({ ctx, input }) => listSavedSearches(deps(ctx.services), ctx.identity.userId, input)),
  update: userProcedure
    .input(savedSearchUpdateInput)
    .mutation(({ ctx, input }) =>
      updateSavedSearch(deps(ctx.services), ctx.identity.userId, input),
    ),
  delete: userProcedure
    .input(idInput)
    .mutation(({ ctx, input }) =>
      deleteSavedSearch(deps(ctx.services), ctx.identity.userId, input),
    ),
});

const deps = (services: Pick<ApiServices, 'db' | 'config'>) => ({
  sequelize: services.db.sequelize,
  maxPerUser: services.config.savedSearchesPerUser,
});
