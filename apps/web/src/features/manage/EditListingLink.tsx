import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Listing } from '../../api';
import { useMaybeAuth } from '../auth/AuthProvider';
import { canManage } from './can-manage';

/** "Edit listing", on a listing's page, for the agent who listed it or an admin. */
export function EditListingLink({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const user = useMaybeAuth()?.user;
  if (!canManage(user, listing)) return null;
  return (
    <Link to={`/my-listings/${listing.id}/edit`} className="button">
      {t('manage.edit')}
    </Link>
  );
}
