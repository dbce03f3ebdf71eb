import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../api';
import { Icon } from '../ui/icons';
import { Popover } from '../ui/Popover';

/**
 * The signed-in person's menu: who they are, their saved searches and alerts, the staff
 * and developer pages, sign out.
 */
export function AccountMenu({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const { t } = useTranslation();
  const developers = useId();
  const yours = useId();
  return (
    <Popover
      className="account-menu"
      label={t('account.button', { name: user.name })}
      button={
        <>
          <span className="avatar" aria-hidden="true">
            {user.name.trim().charAt(0).toUpperCase() || '?'}
          </span>
          <span className="account-name">{user.name}</span>
          <Icon name="chevronDown" size={16} />
        </>
      }
    >
      {(close) => (
        <>
          <p className="popover-note">
            {/* A long address is cut with an ellipsis, never broken mid-word (title: all of it). */}
            <Trans
              i18nKey="account.signedInAs"
              values={{ email: user.email }}
              components={{ email: <span className="account-email" title={user.email} /> }}
            />
          </p>
          {/* What the person keeps for themselves: easy to find again, not only by the bell. */}
          <p className="popover-heading" id={yours}>
            {t('account.yours')}
          </p>
          <ul className="popover-list" aria-labelledby={yours}>
            <li>
              <Link to="/searches" className="popover-item" onClick={close}>
                {t('account.savedSearches')}
              </Link>
            </li>
            <li>
              <Link to="/alerts" className="popover-item" onClick={close}>
                {t('account.alerts')}
              </Link>
            </li>
          </ul>
          {(user.role === 'agent' || user.role === 'admin') && (
            <StaffLinks isAdmin={user.role === 'admin'} onNavigate={close} />
          )}
          <p className="popover-heading" id={developers}>
            {t('account.developers')}
          </p>
          <ul className="popover-list" aria-labelledby={developers}>
            <li>
              <Link to="/keys" className="popover-item" onClick={close}>
                {t('account.apiKeys')}
              </Link>
            </li>
            <li>
              <Link to="/webhooks" className="popover-item" onClick={close}>
                {t('account.webhooks')}
              </Link>
            </li>
          </ul>
          <hr />
          <button
            type="button"
            className="popover-item"
            onClick={() => {
              close();
              onSignOut();
            }}
          >
            {t('account.signOut')}
          </button>
        </>
      )}
    </Popover>
  );
}

/**
 * The pages only staff see, under their own heading: the inbox and the people page are
 * the staff's daily work, not developer tools.
 */
function StaffLinks({ isAdmin, onNavigate }: { isAdmin: boolean; onNavigate: () => void }) {
  const { t } = useTranslation();
  const heading = useId();
  return (
    <>
      <p className="popover-heading" id={heading}>
        {t('account.staff')}
      </p>
      <ul className="popover-list" aria-labelledby={heading}>
        <li>
          <Link to="/inbox" className="popover-item" onClick={onNavigate}>
            {t('account.inbox')}
          </Link>
        </li>
        <li>
          <Link to="/my-listings" className="popover-item" onClick={onNavigate}>
            {t('account.myListings')}
          </Link>
        </li>
        {isAdmin && (
          <li>
            <Link to="/admin" className="popover-item" onClick={onNavigate}>
              {t('account.admin')}
            </Link>
          </li>
        )}
      </ul>
    </>
  );
}
