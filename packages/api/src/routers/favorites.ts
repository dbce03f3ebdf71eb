import { favoriteInput, pageInput } from '@parley/validators';
import type { ApiServices } from '../context';
import { addFavorite, type FavoritesDeps, listFavorites, removeFavorite } from '../favorites';
import { router, userOrGuestProcedure } from '../trpc';

/** A person's saved listings. */
export const favoritesRouter = router({
  add: userOrGuestProcedure
    .input(favoriteInput)
    .mutation(({ ctx, input }) => addFavorite(deps(ctx.services), ctx.identity.userId, input)),
  remove: userOrGuestProcedure
    .input(favoriteInput)
    .mutation(({ ctx, input }) => removeFavorite(deps(ctx.services), ctx.identity.userId, input)),
  list: userOrGuestProcedure
    .input(pageInput)
    .query(({ ctx, input }) => listFavorites(deps(ctx.services), ctx.identity.userId, input)),
});

function deps(services: Pick<ApiServices, 'db' | 'clock'>): FavoritesDeps {
  return { sequelize: services.db.sequelize, clock: services.clock };
}
