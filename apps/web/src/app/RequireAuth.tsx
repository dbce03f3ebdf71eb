import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from '../features/auth/AuthProvider';
import { afterSignIn, redirectOf } from '../features/auth/redirect';
import { ErrorNotice, Loading } from '../ui/Status';

/**
 * Pages behind sign-in: wait for the silent refresh, send strangers (and guests) to
 * /signin (and back after).
 */
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
  if (auth.status === 'signed-out' || auth.status === 'guest')
    return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

/**
 * The chat: open to everyone. A visitor who is not signed in becomes a guest (once, on
 * arrival at `/chat`) and chats at once; signing up later keeps the conversations. A
 * link to one conversation asks a stranger to sign in, as before.
 */
export function RequireChat() {
  const { t } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  const [failed, setFailed] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const started = useRef(-1);
  const { status, startGuest } = auth;
  // A link to one conversation is someone's: signing in opens it. The chat itself is open.
  const link = location.pathname.replace(/\/$/, '') !== '/chat';
  useEffect(() => {
    if (status !== 'signed-out' || link || started.current === attempt) return;
    started.current = attempt;
    startGuest().catch((error: unknown) => setFailed(error));
  }, [status, startGuest, attempt, link]);
  if (status === 'signed-in' || status === 'guest') return <Outlet />;
  if (status === 'signed-out' && link)
    return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  if (status === 'unreachable')
    return (
      <div className="page">
        <ErrorNotice error={auth.error} title={t('auth.checkFailed')} onRetry={auth.retry} />
      </div>
    );
  if (failed != null)
    return (
      <div className="page">
        <ErrorNotice
          error={failed}
          title={t('auth.guestFailed')}
          onRetry={() => {
            setFailed(null);
            setAttempt((n) => n + 1);
          }}
        >
          <p>
            <Link to="/signin" state={{ from: location.pathname + location.search }}>
              {t('nav.signIn')}
            </Link>
          </p>
        </ErrorNotice>
      </div>
    );
  return <Loading label={status === 'loading' ? t('auth.signingIn') : t('auth.guestStarting')} />;
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
