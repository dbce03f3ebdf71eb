import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, useAlerts } from '../../api';
import { Icon } from '../../ui/icons';
import { Popover } from '../../ui/Popover';
import { AlertItem } from './AlertItem';
import './alerts.css';

/** The header's bell: the unread count, live, and the latest alerts in a panel. */
export function AlertsBell() {
  const { t } = useTranslation();
  const utils = api.useUtils();
  const { alerts, unread, markRead } = useAlerts({
    limit: 8,
    // A new alert changes its saved search's "last alert": the saved searches page (open
    // or visited later) reads them again, instead of saying "No alert yet" under a bell of 1.
    onAlert: () => void utils.searches.list.invalidate(),
  });
  return (
    <Popover
      className="alerts-bell"
      label={t('alerts.bell', { count: unread })}
      button={
        <>
          <Icon name="bell" size={20} />
          {unread > 0 && (
            <span className="badge" aria-hidden="true">
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </>
      }
    >
      {(close) => (
        <div className="alerts-panel">
          <div className="alerts-panel-head">
            <p className="popover-heading">{t('alerts.heading')}</p>
            {unread > 0 && (
              <button type="button" className="link-button" onClick={() => void markRead('all')}>
                {t('alerts.markAllRead')}
              </button>
            )}
          </div>
          {alerts.length === 0 ? (
            <p className="popover-note">{t('alerts.empty')}</p>
          ) : (
            <ul className="alert-list">
              {alerts.map((alert) => (
                <li key={alert.id}>
                  <AlertItem
                    alert={alert}
                    onOpen={() => {
                      if (!alert.read) void markRead([alert.id]);
                      close();
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
          <div className="alerts-panel-foot">
            <Link to="/alerts" onClick={close}>
              {t('alerts.all')}
            </Link>
            <Link to="/searches" onClick={close}>
              {t('searches.heading')}
            </Link>
          </div>
        </div>
      )}
    </Popover>
  );
}
