import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormErrors } from './form-errors';

/** The frame both account forms share: heading, messages, fields, submit. */
export function AuthForm({
  title,
  submitLabel,
  busy,
  errors,
  onSubmit,
  note,
  footer,
  children,
}: {
  title: string;
  submitLabel: string;
  busy: boolean;
  errors: FormErrors;
  onSubmit: (data: FormData) => void | Promise<void>;
  /** Said above the form, e.g. the request the assistant will answer once signed in. */
  note?: ReactNode;
  footer: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const rateLimited = errors.retryIn > 0;
  const handle = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void onSubmit(new FormData(event.currentTarget));
  };
  return (
    <section className="auth-card" aria-labelledby="auth-title">
      <h1 id="auth-title">{title}</h1>
      {note}
      <form onSubmit={handle} noValidate>
        {errors.form && (
          <p className="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        {rateLimited && (
          <p className="notice notice-warn" role="alert">
            {t('auth.tooManyAttempts', { count: errors.retryIn })}
          </p>
        )}
        {children}
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={busy || rateLimited}
        >
          {busy ? t('auth.pleaseWait') : submitLabel}
        </button>
      </form>
      <p className="auth-footer">{footer}</p>
    </section>
  );
}

/** The request typed on the landing page, which the assistant answers once signed in. */
export function RequestNote({ request, text }: { request: string | undefined; text: string }) {
  if (!request) return null;
  return (
    <div className="notice request-note">
      <p>{text}</p>
      <blockquote>{request}</blockquote>
    </div>
  );
}
