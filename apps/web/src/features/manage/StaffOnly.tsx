import { useTranslation } from 'react-i18next';

/** What someone who is not an agent or an admin sees on the listing pages for staff. */
export function StaffOnly() {
  const { t } = useTranslation();
  return (
    <div className="page narrow">
      <h1>{t('manage.staffOnlyTitle')}</h1>
      <p>{t('manage.staffOnlyText')}</p>
    </div>
  );
}
