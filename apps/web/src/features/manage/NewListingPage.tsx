import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { focusNextPageHeading } from '../../app/page-focus';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useMaybeAuth } from '../auth/AuthProvider';
import { isStaff } from './can-manage';
import { ListingForm } from './ListingForm';
import { EMPTY_DRAFT } from './listing-draft';
import { ManageHeading } from './ManageHeading';
import { StaffOnly } from './StaffOnly';
import './manage.css';

/** A new listing, at /my-listings/new; once saved, its page (where photos are added). */
export function NewListingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('manage.newTitle'));
  const user = useMaybeAuth()?.user;
  const navigate = useNavigate();
  const utils = api.useUtils();
  const create = api.listings.create.useMutation();
  if (!isStaff(user)) return <StaffOnly />;
  return (
    <div className="page narrow manage-page">
      <ManageHeading title={t('manage.newTitle')} />
      <ListingForm
        initial={EMPTY_DRAFT}
        submitLabel={t('manage.create')}
        onSubmit={async (fields) => {
          const listing = await create.mutateAsync(fields);
          await utils.listings.search.invalidate();
          // The pressed button leaves with the form: focus goes to the new listing's h1.
          focusNextPageHeading();
          // In place of the form: Back on the listing leads to "My listings", not the form.
          navigate(`/listings/${listing.id}`, { replace: true, state: { from: '/my-listings' } });
        }}
      />
    </div>
  );
}
