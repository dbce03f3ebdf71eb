import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from '../features/auth/AuthProvider';
import { afterSignIn, redirectOf } from '../features/auth/redirect';
import { ErrorNotice, Loading } from '../ui/Status';

/** Pages behind sign-in: wait for the silent refresh, send strangers to /signin (and back after). */
export function RequireAuth() {
  const { t } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === 'loading') return <Loading label={t('auth.signingIn')} />;
  if (auth.status === 'unreachable')
    return (
      <div className="page">
        <ErrorNotice error={auth.error} title={t('auth.checkFailed')} onRetry={auth.retry} />
      </div>
    );
  if (auth.status === 'signed-out')
    return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

/** Sign-in and sign-up pages: a signed-in visitor goes where they were going (the chat by default). */
export function GuestOnly() {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === 'signed-in') {
    const next = afterSignIn(redirectOf(location.state));
    return <Navigate to={next.to} state={next.state} replace />;
  }
  return <Outlet />;
}
