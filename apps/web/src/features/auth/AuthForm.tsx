import type { FormEvent, ReactNode } from 'react';
import type { FormErrors } from './form-errors';

/** The frame both account forms share: heading, messages, fields, submit. */
export function AuthForm({
  title,
  submitLabel,
  busy,
  errors,
  onSubmit,
  footer,
  children,
}: {
  title: string;
  submitLabel: string;
  busy: boolean;
  errors: FormErrors;
  onSubmit: (data: FormData) => void;
  footer: ReactNode;
  children: ReactNode;
}) {
  const rateLimited = errors.retryIn > 0;
  const handle = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(new FormData(event.currentTarget));
  };
  return (
    <section className="auth-card" aria-labelledby="auth-title">
      <h1 id="auth-title">{title}</h1>
      <form onSubmit={handle} noValidate>
        {errors.form && (
          <p className="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        {rateLimited && (
          <p className="notice notice-warn" role="alert">
            Too many attempts, try again in {errors.retryIn} s.
          </p>
        )}
        {children}
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={busy || rateLimited}
        >
          {busy ? 'Please wait…' : submitLabel}
        </button>
      </form>
      <p className="auth-footer">{footer}</p>
    </section>
  );
}
