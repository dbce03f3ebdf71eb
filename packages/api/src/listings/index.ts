import type { ApiServices } from '../context';
import type { ListingsWriteDeps } from './write';

export { type ListingsCache, listingsChanged } from './cache';
export { type CursorPosition, decodeCursor, type EffectiveSort, encodeCursor } from './cursor';
export {
  buildSearchSql,
  getListing,
  type ListingsDeps,
  planSearch,
  type SearchPlan,
  type SqlStatement,
  searchListings,
} from './search';
export { similarListings } from './similar';
export {
  createListing,
  deleteListing,
  type ListingActor,
  type ListingsWriteDeps,
  updateListing,
} from './write';

/** The narrow context the listing functions take, cut from the api's services. */
export function listingsDeps(
  services: Pick<ApiServices, 'db' | 'infra' | 'clock'>,
): ListingsWriteDeps {
  return {
    sequelize: services.db.sequelize,
    models: services.db.models,
    cache: services.infra.cache,
    clock: services.clock,
  };
}
