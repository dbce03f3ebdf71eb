import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorDetails } from '../../lib/errors';
import { useFormat } from '../../lib/format';

/**
 * One credential in a `CredentialList`: a list item named by its title, what it is
 * beside it, its buttons, and the error of the last thing a button tried.
 */
export function CredentialRow({
  id,
  title,
  titleClassName,
  className,
  actions,
  actionsClassName,
  error,
  children,
  after,
}: {
  id: string;
  title: string;
  titleClassName?: string;
  className?: string;
  actions: ReactNode;
  actionsClassName?: string;
  error?: unknown;
  /** Below the title: its chips and when it was last used. */
  children: ReactNode;
  /** Under the whole row (a webhook's deliveries). */
  after?: ReactNode;
}) {
  return (
    <li className={`key-row${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <div className="key-main">
        <h3 id={id} className={titleClassName}>
          {title}
        </h3>
        {children}
      </div>
      <div className={`key-actions${actionsClassName ? ` ${actionsClassName}` : ''}`}>
        {actions}
      </div>
      {error != null && (
        <p className="field-error" role="alert">
          {errorDetails(error).message}
        </p>
      )}
      {after}
    </li>
  );
}

/** The scopes or events of a credential, as chips in a list named `label`. */
export function Chips({ label, items }: { label: string; items: readonly string[] }) {
  return (
    <ul className="chips" aria-label={label}>
      {items.map((item) => (
        <li key={item} className="chip">
          {item}
        </li>
      ))}
    </ul>
  );
}

/** "Last used 3 minutes ago", or what to say when it never was. */
export function LastUsed({ at, label, never }: { at: Date | null; label: string; never: string }) {
  const format = useFormat();
  if (!at) return <>{never}</>;
  return (
    <>
      {label} <time dateTime={at.toISOString()}>{format.timeAgo(at)}</time>
    </>
  );
}

/** A button that removes for good only when pressed a second time ("Confirm"), or cancelled. */
export function ConfirmButton({
  label,
  accessibleLabel,
  confirmLabel,
  pending,
  onConfirm,
}: {
  label: string;
  /** The first button's name for screen readers, saying which one it removes. */
  accessibleLabel: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button
        type="button"
        className="button button-small button-danger-outline"
        aria-label={accessibleLabel}
        onClick={() => setConfirming(true)}
      >
        {label}
      </button>
    );
  return (
    <>
      <button
        type="button"
        className="button button-small button-danger"
        disabled={pending}
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
        {t('common.cancel')}
      </button>
    </>
  );
}
