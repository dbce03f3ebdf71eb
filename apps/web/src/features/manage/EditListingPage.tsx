import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, skipToken } from '../../api';
import { isNotFound } from '../../lib/errors';
import { isUuid } from '../../lib/ids';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useMaybeAuth } from '../auth/AuthProvider';
import { OwnerPhotos } from '../listings/OwnerPhotos';
import { canManage } from './can-manage';
import { ListingForm } from './ListingForm';
import { draftOf } from './listing-draft';
import { ManageHeading } from './ManageHeading';
import { StaffOnly } from './StaffOnly';
import './manage.css';

/** A listing's fields and photos, at /my-listings/:id/edit, for its agent or an admin. */
export function EditListingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('manage.editTitle'));
  const { id } = useParams();
  const valid = isUuid(id);
  const user = useMaybeAuth()?.user;
  const navigate = useNavigate();
  const utils = api.useUtils();
  const listing = api.listings.get.useQuery(valid ? { id } : skipToken, {
    retry: (n, e) => !isNotFound(e) && n < 2,
  });
  const update = api.listings.update.useMutation();
  if (!valid || (listing.isError && isNotFound(listing.error)))
    return (
      <div className="page narrow">
        <h1>{t('listing.notFoundTitle')}</h1>
        <p>
          <Link to="/my-listings">{t('manage.backToMine')}</Link>
        </p>
      </div>
    );
  if (listing.isPending) return <Loading label={t('listing.loading')} />;
  if (listing.isError)
    return (
      <div className="page narrow">
        <ErrorNotice error={listing.error} onRetry={() => void listing.refetch()} />
      </div>
    );
  const l = listing.data;
  if (!canManage(user, l)) return <StaffOnly />;
  return (
    <div className="page narrow manage-page">
      <ManageHeading title={t('manage.editTitle')} />
      <p className="muted">
        <Link to={`/listings/${l.id}`} state={{ from: '/my-listings' }}>
          {l.title}
        </Link>
      </p>
      <ListingForm
        key={l.id}
        initial={draftOf(l)}
        submitLabel={t('manage.saveChanges')}
        onSubmit={async (fields) => {
          await update.mutateAsync({ id: l.id, ...fields });
          await Promise.all([
            utils.listings.get.invalidate({ id: l.id }),
            utils.listings.search.invalidate(),
          ]);
          // Saved: back where the edit was opened from (the listing, or "My listings").
          if (window.history.state?.idx > 0) navigate(-1);
          else navigate(`/listings/${l.id}`, { replace: true });
        }}
      />
      <OwnerPhotos listing={l} />
    </div>
  );
}
