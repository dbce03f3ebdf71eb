import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { AlertsBell } from '../features/alerts/AlertsBell';
import { useAuth } from '../features/auth/AuthProvider';
import { Icon } from '../ui/icons';
import { AccountMenu } from './AccountMenu';
import './header.css';
import { LanguageMenu } from './LanguageMenu';
import { usePageFocus } from './page-focus';

/** Header with the main navigation, the language switch and the account, and the page in a <main> landmark. */
export function Layout() {
  const { t } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  usePageFocus(main);
  // A guest signing up or in comes back to where it was (its conversation, now kept).
  const back = auth.status === 'guest' ? { from: location.pathname + location.search } : undefined;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" aria-label={t('nav.home')}>
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="brand-name">Parley</span>
        </NavLink>
        <nav aria-label={t('nav.main')} className="main-nav">
          <ul>
            <li>
              <NavLink to="/chat">{t('nav.chat')}</NavLink>
            </li>
            <li>
              <NavLink to="/listings">{t('nav.listings')}</NavLink>
            </li>
            {/* Staff spend their day in the inbox: one click from every page. */}
            {auth.status === 'signed-in' &&
              (auth.user?.role === 'agent' || auth.user?.role === 'admin') && (
                <li>
                  {/* On the smallest phones the tray alone (header.css): the name is its label. */}
                  <NavLink to="/inbox" aria-label={t('nav.inbox')} className="nav-inbox">
                    <InboxIcon />
                    <span className="nav-inbox-label">{t('nav.inbox')}</span>
                  </NavLink>
                </li>
              )}
            {(auth.status === 'signed-in' || auth.status === 'guest') && (
              <li>
                <NavLink to="/favorites" aria-label={t('nav.favorites')} className="nav-favorites">
                  <Icon name="heart" size={18} />
                  <span className="hide-narrow">{t('nav.favorites')}</span>
                </NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="account">
          <LanguageMenu />
          {auth.status === 'signed-in' && auth.user && auth.user.role !== 'guest' && <AlertsBell />}
          {auth.status === 'signed-in' && auth.user ? (
            <AccountMenu user={auth.user} onSignOut={() => void auth.signOut()} />
          ) : auth.status === 'signed-out' || auth.status === 'guest' ? (
            <>
              <NavLink to="/signin" state={back} className="button button-small">
                {t('nav.signIn')}
              </NavLink>
              <NavLink
                to="/signup"
                state={back}
                // Hidden only where there is no room for it (header.css): a laptop at
                // 200% zoom is 640 wide, and a guest's way to sign up stays in view.
                className="button button-small button-primary signup-link"
              >
                {t('nav.signUp')}
              </NavLink>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
    </div>
  );
}

/** An inbox tray, drawn as the other header icons are (ui/icons). */
function InboxIcon() {
  return (
    <svg
      width={18}
      height={18}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M3 13l3-8h12l3 8M3 13v6h18v-6M3 13h5l1 3h6l1-3h5" />
    </svg>
  );
}
