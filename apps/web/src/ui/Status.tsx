import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorDetails } from '../lib/errors';

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

/** A failed query: what went wrong, and a way to try again. */
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
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{title ?? t('common.couldNotLoad')}.</strong> {details.message}
      </p>
      {children}
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
      {details.requestId && (
        <p className="muted small">{t('common.reference', { id: details.requestId })}</p>
      )}
    </div>
  );
}
