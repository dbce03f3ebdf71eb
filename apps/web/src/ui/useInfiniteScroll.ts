import { type RefObject, useEffect } from 'react';

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
