import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Alert } from '../../api';
import { useFormat } from '../../lib/format';

/** One alert: what happened (new, or a lower price), the listing, and when. */
export function AlertItem({ alert, onOpen }: { alert: Alert; onOpen?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { listing } = alert;
  const was =
    alert.previousPrice === null
      ? null
      : format.money(Number(alert.previousPrice), listing.currency);
  return (
    <Link
      to={`/listings/${listing.id}`}
      className={`alert-item${alert.read ? '' : ' is-unread'}`}
      onClick={onOpen}
    >
      <span className="alert-reason">
        {alert.reason === 'new' ? t('alerts.new') : t('alerts.priceDrop', { was: was ?? '' })}
      </span>
      <span className="alert-title">{listing.title}</span>
      <span className="alert-meta">
        {format.price(listing)} · {format.place(listing)} · {format.timeAgo(alert.createdAt)}
      </span>
    </Link>
  );
}
