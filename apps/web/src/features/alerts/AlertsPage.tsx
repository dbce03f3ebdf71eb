import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAlerts } from '../../api';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { AlertItem } from './AlertItem';
import './alerts.css';

/** Everything the person's saved searches found, newest first, live. */
export function AlertsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('alerts.docTitle'));
  const { alerts, unread, status, error, markRead } = useAlerts({ limit: 100 });
  return (
    <div className="page alerts-page">
      <div className="page-head">
        <h1>{t('alerts.heading')}</h1>
        {unread > 0 && (
          <button
            type="button"
            className="button button-small"
            onClick={() => void markRead('all')}
          >
            {t('alerts.markAllRead')}
          </button>
        )}
      </div>
      {status === 'loading' ? (
        <Loading label={t('alerts.loading')} />
      ) : status === 'error' && alerts.length === 0 ? (
        <ErrorNotice error={error} title={t('alerts.couldNotLoad')} />
      ) : alerts.length === 0 ? (
        <div className="empty">
          <p>{t('alerts.emptyPage')}</p>
          <Link to="/listings" className="button button-primary">
            {t('favorites.browse')}
          </Link>
        </div>
      ) : (
        <>
          <p className="muted">{t('alerts.unread', { count: unread })}</p>
          <ul className="alert-list">
            {alerts.map((alert) => (
              <li key={alert.id}>
                <AlertItem
                  alert={alert}
                  onOpen={() => (alert.read ? undefined : void markRead([alert.id]))}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to="/searches">{t('searches.manage')}</Link>
      </p>
    </div>
  );
}
