import { useTranslation } from 'react-i18next';
import { api, type Bounds, type ListingQuery } from '../../api';
import ListingsMap from './ListingsMap';

/** Pins per request: the most a search answers at once. */
const PINS = 100;

/**
 * A search's results on the map, read in pages of their own (far larger than the list's):
 * the map says how many of the results it shows, and offers the next ones.
 */
export default function ResultsMap({
  filters,
  onSearchArea,
}: {
  filters: ListingQuery;
  onSearchArea: (bounds: Bounds) => void;
}) {
  const { t } = useTranslation();
  const pins = api.listings.search.useInfiniteQuery(
    { ...filters, limit: PINS },
    {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      placeholderData: (previous) => previous,
    },
  );
  const listings = pins.data?.pages.flatMap((p) => p.items) ?? [];
  const total = pins.data?.pages[0]?.total ?? 0;
  const more = Math.min(PINS, total - listings.length);
  const footer = pins.data && listings.length < total && (
    <p className="map-count">
      <span role="status">{t('map.shownOf', { shown: listings.length, count: total })}</span>{' '}
      {pins.hasNextPage && (
        <button
          type="button"
          className="link-button"
          aria-disabled={pins.isFetchingNextPage || undefined}
          onClick={() => !pins.isFetchingNextPage && void pins.fetchNextPage()}
        >
          {pins.isFetchingNextPage ? t('listings.loadingMore') : t('map.showMore', { count: more })}
        </button>
      )}
    </p>
  );
  return (
    <ListingsMap
      listings={listings}
      bounds={filters.bounds}
      onSearchArea={onSearchArea}
      footer={footer || undefined}
    />
  );
}
