import { type RefObject, useCallback, useEffect, useRef } from 'react';

/** Calls `onReach` when the sentinel scrolls into view (no-op where IntersectionObserver is missing). */
export function useInfiniteScroll(
  sentinel: RefObject<HTMLElement | null>,
  onReach: () => void,
  enabled: boolean,
): void {
  useEffect(() => {
    const node = sentinel.current;
    if (!enabled || !node || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) onReach();
      },
      { rootMargin: '200px' },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [sentinel, onReach, enabled]);
}

/** The part of an infinite query (React Query) that paging through it needs. */
interface PagedQuery<T> {
  data?: { pages: { items: T[] }[] } | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * The items of an infinite query so far, the sentinel to put after them (when it scrolls
 * into view the next page is read) and `loadMore`, for a button that reads it at once.
 */
export function usePagedItems<T>(query: PagedQuery<T>) {
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const sentinel = useRef<HTMLDivElement>(null);
  useInfiniteScroll(sentinel, loadMore, hasNextPage);
  return { items: query.data?.pages.flatMap((page) => page.items) ?? [], sentinel, loadMore };
}
