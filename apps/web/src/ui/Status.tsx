import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useInRouterContext, useLocation } from 'react-router';
import { errorDetails, isAuthError } from '../lib/errors';

/** A loading placeholder announced politely to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/**
 * A failed query: what went wrong, and a way to try again; an expired or revoked sign-in
 * cannot pass on a second try, so it offers "Sign in" (and back here after) instead.
 */
export function ErrorNotice({
  error,
  title,
  onRetry,
  children,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const details = errorDetails(error);
  const signInAgain = isAuthError(error) && details.message === t('errors.signedOut');
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{title ?? t('common.couldNotLoad')}.</strong> {details.message}
      </p>
      {children}
      {signInAgain ? (
        <SignInLink />
      ) : (
        onRetry && (
          <button type="button" className="button button-small" onClick={onRetry}>
            {t('common.tryAgain')}
          </button>
        )
      )}
      {details.requestId && (
        <p className="muted small">{t('common.reference', { id: details.requestId })}</p>
      )}
    </div>
  );
}

/** "Sign in", coming back to this page after; a plain link outside a router. */
function SignInLink() {
  const { t } = useTranslation();
  if (!useInRouterContext()) {
    return (
      <a className="button button-small button-primary" href="/signin">
        {t('nav.signIn')}
      </a>
    );
  }
  return <RouterSignInLink />;
}

function RouterSignInLink() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Link
      className="button button-small button-primary"
      to="/signin"
      state={{ from: location.pathname + location.search }}
    >
      {t('nav.signIn')}
    </Link>
  );
}
