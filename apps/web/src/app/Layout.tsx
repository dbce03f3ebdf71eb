import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useAuth } from '../features/auth/AuthProvider';
import { AccountMenu } from './AccountMenu';
import { LanguageMenu } from './LanguageMenu';

/** Header with the main navigation, the language switch and the account, and the page in a <main> landmark. */
export function Layout() {
  const { t } = useTranslation();
  const auth = useAuth();
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
          </ul>
        </nav>
        <div className="account">
          <LanguageMenu />
          {auth.status === 'signed-in' && auth.user ? (
            <AccountMenu user={auth.user} onSignOut={() => void auth.signOut()} />
          ) : auth.status === 'signed-out' ? (
            <>
              <NavLink to="/signin" className="button button-small">
                {t('nav.signIn')}
              </NavLink>
              <NavLink to="/signup" className="button button-small button-primary hide-narrow">
                {t('nav.signUp')}
              </NavLink>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
