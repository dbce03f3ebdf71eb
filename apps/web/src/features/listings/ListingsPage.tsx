import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api';
import { factLabels } from '../../lib/format';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ListingCard } from './ListingCard';
import { ListingFilters } from './ListingFilters';
import {
  type ListingFilters as Filters,
  filtersFromParams,
  paramsFromFilters,
} from './search-params';

const PAGE = 12;

/** Browse listings; the filters live in the URL, so a search can be shared and reloaded. */
export function ListingsPage() {
  useDocumentTitle('Listings');
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // The query string is the identity: same string, same filters object.
  const filters = useMemo(() => filtersFromParams(params), [key]);
  const [showFilters, setShowFilters] = useState(false);
  const search = api.listings.search.useInfiniteQuery(
    { ...filters, limit: PAGE },
    {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      placeholderData: (previous) => previous,
    },
  );
  const items = search.data?.pages.flatMap((p) => p.items) ?? [];
  const total = search.data?.pages[0]?.total;
  const apply = (next: Filters) => setParams(paramsFromFilters(next));
  const active = factLabels(filters);

  return (
    <div className="page listings-page">
      <div className="page-head">
        <h1>Listings</h1>
        <button
          type="button"
          className="button button-small filters-toggle"
          aria-expanded={showFilters}
          aria-controls="listing-filters"
          onClick={() => setShowFilters((s) => !s)}
        >
          {showFilters ? 'Hide filters' : `Filters${active.length ? ` (${active.length})` : ''}`}
        </button>
      </div>
      <div className="listings-layout">
        <div id="listing-filters" className={`filters-panel${showFilters ? ' is-open' : ''}`}>
          <ListingFilters filters={filters} onChange={apply} />
        </div>
        <section className="results" aria-labelledby="results-title" aria-busy={search.isFetching}>
          <h2 id="results-title" className="results-title" aria-live="polite">
            {search.isPending
              ? 'Searching…'
              : total === undefined
                ? 'Results'
                : `${total} ${total === 1 ? 'listing' : 'listings'}`}
          </h2>
          {search.isPending ? (
            <Loading label="Loading listings…" />
          ) : search.isError && items.length === 0 ? (
            <ErrorNotice
              error={search.error}
              title="Could not load listings"
              onRetry={() => void search.refetch()}
            />
          ) : items.length === 0 ? (
            <div className="empty">
              <p>No listing matches these filters.</p>
              <button type="button" className="button" onClick={() => apply({})}>
                Clear filters
              </button>
            </div>
          ) : (
            <div className="listing-grid">
              {items.map((listing) => (
                <ListingCard key={listing.id} listing={listing} />
              ))}
            </div>
          )}
          {search.isFetchNextPageError && (
            <ErrorNotice
              error={search.error}
              title="Could not load more"
              onRetry={() => void search.fetchNextPage()}
            />
          )}
          {search.hasNextPage && (
            <button
              type="button"
              className="button button-block load-more"
              onClick={() => void search.fetchNextPage()}
              disabled={search.isFetchingNextPage}
            >
              {search.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </section>
      </div>
    </div>
  );
}
