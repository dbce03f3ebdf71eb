import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from '../features/auth/AuthProvider';
import { ErrorNotice, Loading } from '../ui/Status';

/** Pages behind sign-in: wait for the silent refresh, send strangers to /signin. */
export function RequireAuth() {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === 'loading') return <Loading label="Signing you in…" />;
  if (auth.status === 'unreachable')
    return (
      <div className="page">
        <ErrorNotice error={auth.error} title="Could not check your sign-in" onRetry={auth.retry} />
      </div>
    );
  if (auth.status === 'signed-out')
    return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

/** Sign-in and sign-up pages: a signed-in visitor goes straight to the chat. */
export function GuestOnly() {
  const auth = useAuth();
  if (auth.status === 'signed-in') return <Navigate to="/chat" replace />;
  return <Outlet />;
}
