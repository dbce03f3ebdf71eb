import { NavLink, Outlet } from 'react-router';
import { useAuth } from '../features/auth/AuthProvider';

/** Header with the main navigation, and the page in a <main> landmark. */
export function Layout() {
  const auth = useAuth();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" aria-label="Parley home">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="brand-name">Parley</span>
        </NavLink>
        <nav aria-label="Main" className="main-nav">
          <ul>
            <li>
              <NavLink to="/chat">Chat</NavLink>
            </li>
            <li>
              <NavLink to="/listings">Listings</NavLink>
            </li>
            {auth.status === 'signed-in' && (
              <li>
                <NavLink to="/keys">API keys</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="account">
          {auth.status === 'signed-in' ? (
            <>
              <span className="account-name" title={auth.user?.email}>
                {auth.user?.name}
              </span>
              <button
                type="button"
                className="button button-small"
                onClick={() => void auth.signOut()}
              >
                Sign out
              </button>
            </>
          ) : auth.status === 'signed-out' ? (
            <>
              <NavLink to="/signin" className="button button-small">
                Sign in
              </NavLink>
              <NavLink to="/signup" className="button button-small button-primary hide-narrow">
                Sign up
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
