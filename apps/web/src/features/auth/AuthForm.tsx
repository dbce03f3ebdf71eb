import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';
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
  requiredNote = false,
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
  /** Says once what the "*" on the fields' labels means (for fields with `markRequired`). */
  requiredNote?: boolean;
  footer: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const rateLimited = errors.retryIn > 0;
  const form = useRef<HTMLFormElement>(null);
  const submitted = useRef(false);
  const handle = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The button is only aria-disabled (a disabled button would drop focus to the page).
    if (busy || rateLimited) return;
    submitted.current = true;
    void onSubmit(new FormData(event.currentTarget));
  };
  // A submit that came back with field errors: focus the first field in error, which
  // reads out its message (aria-describedby). Otherwise focus stays on the button, and
  // the form's message is announced (role=alert).
  useEffect(() => {
    if (busy || !submitted.current) return;
    submitted.current = false;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [busy]);
  return (
    <section className="auth-card" aria-labelledby="auth-title">
      <h1 id="auth-title">{title}</h1>
      {note}
      <form ref={form} onSubmit={handle} noValidate>
        {errors.form && (
          <p className="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        {rateLimited && (
          <p className="notice notice-warn" role="alert">
            {errors.retryIn > 90
              ? t('auth.tooManyAttemptsMinutes', { count: Math.ceil(errors.retryIn / 60) })
              : t('auth.tooManyAttempts', { count: errors.retryIn })}
          </p>
        )}
        {requiredNote && <p className="form-note">{t('forms.requiredNote')}</p>}
        {children}
        <button
          type="submit"
          className="button button-primary button-block"
          aria-disabled={busy || rateLimited || undefined}
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

/**
 * Why the form is asked for, when a button sent the person here: "Save this search"
 * needs an account (its alerts go to it), and a guest should not meet a bare sign-in.
 */
export function ReasonNote({
  reason,
  form,
  signUp,
}: {
  reason: 'saveSearch' | undefined;
  form: 'signin' | 'signup';
  /** The way to the other form, kept with where the person was going. */
  signUp?: ReactNode;
}) {
  const { t } = useTranslation();
  if (reason !== 'saveSearch') return null;
  return (
    <div className="notice request-note" role="note">
      <p>{form === 'signin' ? t('auth.saveSearchReason') : t('auth.saveSearchReasonSignUp')}</p>
      {signUp && <p>{signUp}</p>}
    </div>
  );
}
