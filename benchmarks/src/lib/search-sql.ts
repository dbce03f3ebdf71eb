import { buildSearchSql, planSearch } from '@parley/api';
import { type ListingQuery, listingQuery } from '@parley/validators';

/**
 * The SQL Parley's listings.search runs for a query, built by Parley's own code, so the
 * plain-pg baseline runs exactly the same statements (uncached, first page).
 */
export async function searchStatements(inputs: ListingQuery[]) {
  return inputs.map((input) => {
    const plan = planSearch(listingQuery.parse(input));
    if (plan.matchesNothing) throw new Error(`query matches nothing: ${JSON.stringify(input)}`);
    return buildSearchSql(plan, null);
  });
}
