import type { ListingPage, ParsedListingQuery } from '@parley/validators';
import type { ApiServices } from './context';
import { listingsDeps, searchListings } from './listings';

/**
 * The listing search the assistant is given: an in-process call, never HTTP
 * (docs/design.md, in-process callers), through the same cache as `listings.search`.
 */
export function searchListingsFor(
  services: ApiServices,
): (query: ParsedListingQuery) => Promise<ListingPage> {
  const deps = listingsDeps(services);
  return (query) => searchListings(deps, query);
}
