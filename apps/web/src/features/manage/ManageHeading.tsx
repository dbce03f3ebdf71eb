import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A listing form's page top: the way back to "My listings", then its heading. */
export function ManageHeading({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="listing-back">
        <Link to="/my-listings">
          <span aria-hidden="true">← </span>
          {t('manage.backToMine')}
        </Link>
      </p>
      <h1>{title}</h1>
    </>
  );
}
