import { type ListingQuery, listingQuery } from '@parley/validators';

interface Statement {
  text: string;
  values: unknown[];
}
interface SearchSqlModule {
  planSearch(query: unknown): { matchesNothing: boolean };
  buildSearchSql(plan: unknown, cursor: null): { page: Statement; count: Statement | null };
}

/**
 * The SQL Parley's listings.search runs for a query, built by Parley's own code so the
 * plain-pg baseline runs exactly the same statements. `@parley/api` does not export the
 * builder (yet), so it is loaded from its module file.
 */
export async function searchStatements(inputs: ListingQuery[]) {
  const api = (await import('@parley/api')) as unknown as Partial<SearchSqlModule>;
  const mod: SearchSqlModule =
    api.buildSearchSql && api.planSearch
      ? (api as SearchSqlModule)
      : ((await import('../../../packages/api/src/listings/search')) as unknown as SearchSqlModule);
  return inputs.map((input) => {
    const plan = mod.planSearch(listingQuery.parse(input));
    if (plan.matchesNothing) throw new Error(`query matches nothing: ${JSON.stringify(input)}`);
    return mod.buildSearchSql(plan, null);
  });
}
