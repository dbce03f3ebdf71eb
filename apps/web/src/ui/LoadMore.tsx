/**
 * After a list read page by page: a button that reads the next page at once (the list's
 * sentinel reads it on scrolling), there while there is one. Not `disabled` while it
 * reads, so the pressed button keeps focus; `onLoad` ignores a press meanwhile.
 */
export function LoadMore({
  query,
  onLoad,
  label,
  loadingLabel,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean };
  onLoad: () => void;
  label: string;
  loadingLabel: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      className="button button-small button-block"
      onClick={onLoad}
      aria-disabled={query.isFetchingNextPage || undefined}
    >
      {query.isFetchingNextPage ? loadingLabel : label}
    </button>
  );
}
