import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api';
import { useFormat } from '../../lib/format';
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
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('listings.docTitle'));
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
  const active = format.facts(filters);

  return (
    <div className="page listings-page">
      <div className="page-head">
        <h1>{t('listings.heading')}</h1>
        <button
          type="button"
          className="button button-small filters-toggle"
          aria-expanded={showFilters}
          aria-controls="listing-filters"
          onClick={() => setShowFilters((s) => !s)}
        >
          {showFilters
            ? t('listings.hideFilters')
            : active.length
              ? t('listings.filtersCount', { count: active.length })
              : t('listings.filters')}
        </button>
      </div>
      <div className="listings-layout">
        <div id="listing-filters" className={`filters-panel${showFilters ? ' is-open' : ''}`}>
          <ListingFilters filters={filters} onChange={apply} />
        </div>
        <section className="results" aria-labelledby="results-title" aria-busy={search.isFetching}>
          <h2 id="results-title" className="results-title" aria-live="polite">
            {search.isPending
              ? t('listings.searching')
              : total === undefined
                ? t('listings.results')
                : t('listings.count', { count: total })}
          </h2>
          {search.isPending ? (
            <Loading label={t('listings.loading')} />
          ) : search.isError && items.length === 0 ? (
            <ErrorNotice
              error={search.error}
              title={t('listings.couldNotLoad')}
              onRetry={() => void search.refetch()}
            />
          ) : items.length === 0 ? (
            <div className="empty">
              <p>{t('listings.noMatch')}</p>
              <button type="button" className="button" onClick={() => apply({})}>
                {t('listings.clearFilters')}
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
              title={t('listings.couldNotLoadMore')}
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
              {search.isFetchingNextPage ? t('listings.loadingMore') : t('listings.loadMore')}
            </button>
          )}
        </section>
      </div>
    </div>
  );
}
