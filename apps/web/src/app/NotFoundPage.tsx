import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../ui/useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.docTitle'));
  return (
    <div className="page narrow">
      <h1>{t('notFound.heading')}</h1>
      <p>
        <Trans
          i18nKey="notFound.text"
          components={{ listings: <Link to="/listings" />, chat: <Link to="/chat" /> }}
        />
      </p>
    </div>
  );
}
