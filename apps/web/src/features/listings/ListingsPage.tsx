import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api';
import { useFormat } from '../../lib/format';
import { Icon } from '../../ui/icons';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { SaveSearchButton } from '../alerts/SaveSearchButton';
import { ListingCard } from './ListingCard';
import './listings.css';
import { ListingFilters, useRangeMessage } from './ListingFilters';
import {
  type ListingFilters as Filters,
  filtersFromParams,
  invertedRanges,
  paramsFromFilters,
} from './search-params';

const PAGE = 12;

// Leaflet and the island's outline load only when someone opens the map.
const ResultsMap = lazy(() => import('../map/ResultsMap'));

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
  const onMap = params.get('view') === 'map';
  // The view is not a filter: it stays when the filters change. A new search drops
  // the map box, so the map fits the new results.
  const go = (next: Filters, map = onMap) => {
    const p = paramsFromFilters(next);
    if (map) p.set('view', 'map');
    setParams(p);
  };
  const apply = (next: Filters) => go({ ...next, bounds: undefined });
  const active = format.facts(filters);
  const rangeMessage = useRangeMessage();
  const inverted = invertedRanges(filters);
  const viewToggle = (
    <fieldset className="view-toggle" aria-label={t('listings.view')}>
      <button
        type="button"
        className="button button-small"
        aria-pressed={!onMap}
        onClick={() => go(filters, false)}
      >
        <Icon name="list" size={16} /> {t('listings.viewList')}
      </button>
      <button
        type="button"
        className="button button-small"
        aria-pressed={onMap}
        onClick={() => go(filters, true)}
      >
        <Icon name="map" size={16} /> {t('listings.viewMap')}
      </button>
    </fieldset>
  );

  return (
    <div className={`page listings-page${onMap ? ' on-map' : ''}`}>
      <div className="page-head">
        <h1>{t('listings.heading')}</h1>
        {viewToggle}
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
      <div className={`listings-layout${onMap ? ' with-map' : ''}`}>
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
          {inverted.length > 0 ? (
            // Upside-down ranges (from a typed URL): nothing to save, and the field is named.
            <p className="notice notice-warn" role="alert">
              {inverted.map(rangeMessage).join(' ')}
            </p>
          ) : (
            <SaveSearchButton key={key} filters={filters} />
          )}
          {filters.bounds && (
            <p className="area-chip">
              {t('map.inArea')}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => go({ ...filters, bounds: undefined })}
              >
                {t('map.anywhere')}
              </button>
            </p>
          )}
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
        {onMap && (
          <div className="map-column">
            <Suspense fallback={<Loading label={t('map.loading')} />}>
              <ResultsMap filters={filters} onSearchArea={(bounds) => go({ ...filters, bounds })} />
            </Suspense>
          </div>
        )}
      </div>
    </div>
  );
}
