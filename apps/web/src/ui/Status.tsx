import type { ReactNode } from 'react';
import { errorDetails } from '../lib/errors';

/** A loading placeholder announced politely to screen readers. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** A failed query: what went wrong, and a way to try again. */
export function ErrorNotice({
  error,
  title = 'Could not load this',
  onRetry,
  children,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const details = errorDetails(error);
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{title}.</strong> {details.message}
      </p>
      {children}
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          Try again
        </button>
      )}
      {details.requestId && <p className="muted small">Reference: {details.requestId}</p>}
    </div>
  );
}
