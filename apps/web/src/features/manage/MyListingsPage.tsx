import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Listing, type User } from '../../api';
import { useFormat } from '../../lib/format';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useMaybeAuth } from '../auth/AuthProvider';
import { isStaff } from './can-manage';
import { DeleteListing } from './DeleteListing';
import { StaffOnly } from './StaffOnly';
import './manage.css';

const PAGE = 20;

/** An agent's (or an admin's) own listings, newest first, to edit or delete; and a new one. */
export function MyListingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('manage.mineTitle'));
  const user = useMaybeAuth()?.user;
  if (!isStaff(user)) return <StaffOnly />;
  return <Mine user={user} />;
}

function Mine({ user }: { user: User }) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  const [said, setSaid] = useState('');
  const mine = api.listings.search.useInfiniteQuery(
    { agentId: user.id, sort: 'newest', limit: PAGE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const [gone, setGone] = useState<string[]>([]);
  const items = (mine.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (l) => !gone.includes(l.id),
  );
  const total = mine.data?.pages[0]?.total;
  // The row (and the focused button in it) is gone: focus goes to the heading, and the
  // status says what happened.
  const deleted = (listing: Listing) => {
    setGone((g) => [...g, listing.id]);
    setSaid(t('manage.deleted', { title: listing.title }));
    heading.current?.focus();
  };
  return (
    <div className="page manage-page">
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {t('manage.mineTitle')}
        </h1>
        <Link to="/my-listings/new" className="button button-primary button-small">
          {t('manage.newTitle')}
        </Link>
      </div>
      <p role="status" className="manage-status">
        {said}
      </p>
      {mine.isPending ? (
        <Loading label={t('manage.loading')} />
      ) : mine.isError ? (
        <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} />
      ) : items.length === 0 ? (
        <p>{t('manage.none')}</p>
      ) : (
        <>
          <p className="muted">
            {t('manage.count', { count: Math.max(0, (total ?? 0) - gone.length) })}
          </p>
          <ul className="manage-list">
            {items.map((l) => (
              <li key={l.id} className="manage-row">
                <div className="manage-row-text">
                  <Link to={`/listings/${l.id}`} state={{ from: '/my-listings' }}>
                    {l.title}
                  </Link>
                  <span className="muted small">
                    {format.place(l)} · {format.price(l)}
                  </span>
                </div>
                <div className="manage-row-actions">
                  <Link
                    to={`/my-listings/${l.id}/edit`}
                    className="button button-small"
                    aria-label={t('manage.editNamed', { title: l.title })}
                  >
                    {t('manage.edit')}
                  </Link>
                  <DeleteListing listing={l} onDeleted={() => deleted(l)} />
                </div>
              </li>
            ))}
          </ul>
          {mine.hasNextPage && (
            <button
              type="button"
              className="button button-block"
              aria-disabled={mine.isFetchingNextPage || undefined}
              onClick={() => !mine.isFetchingNextPage && void mine.fetchNextPage()}
            >
              {mine.isFetchingNextPage ? t('listings.loadingMore') : t('listings.loadMore')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
