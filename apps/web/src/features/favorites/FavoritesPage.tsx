import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from '../auth/AuthProvider';
import { ListingCard } from '../listings/ListingCard';

const PAGE = 24;

/**
 * The listings a person saved, newest saved first: a signed-in person's or a guest's (who
 * is asked to sign up to keep them). A visitor who has saved nothing is neither, and sees
 * the empty page.
 */
export function FavoritesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('favorites.docTitle'));
  const auth = useAuth();
  const known = auth.status === 'signed-in' || auth.status === 'guest';
  const list = api.favorites.list.useInfiniteQuery(
    { limit: PAGE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined, enabled: known },
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="page favorites-page">
      <h1>{t('favorites.heading')}</h1>
      {auth.status === 'guest' && (
        <p className="notice">
          {t('favorites.guestNote')}{' '}
          <Link to="/signup" state={{ from: '/favorites' }}>
            {t('nav.signUp')}
          </Link>
        </p>
      )}
      {auth.status === 'unreachable' ? (
        <ErrorNotice error={auth.error} title={t('auth.checkFailed')} onRetry={auth.retry} />
      ) : auth.status === 'loading' ? (
        <Loading label={t('auth.signingIn')} />
      ) : known && list.isPending ? (
        <Loading label={t('favorites.loading')} />
      ) : list.isError && items.length === 0 ? (
        <ErrorNotice
          error={list.error}
          title={t('favorites.couldNotLoad')}
          onRetry={() => void list.refetch()}
        />
      ) : items.length === 0 ? (
        <div className="empty">
          <p>{t('favorites.empty')}</p>
          <Link to="/listings" className="button button-primary">
            {t('favorites.browse')}
          </Link>
        </div>
      ) : (
        <>
          <p className="muted">{t('favorites.count', { count: items.length })}</p>
          <div className="listing-grid">
            {items.map((listing) => (
              <ListingCard key={listing.id} listing={listing} headingLevel={2} />
            ))}
          </div>
        </>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="button button-block load-more"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? t('listings.loadingMore') : t('listings.loadMore')}
        </button>
      )}
    </div>
  );
}
