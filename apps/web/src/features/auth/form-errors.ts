import { useEffect, useState } from 'react';
import { i18n } from '../../i18n/i18n';
import { errorDetails } from '../../lib/errors';
import { localFieldMessage } from '../../lib/field-messages';

export interface FormErrors {
  /** Messages per field, each a sentence naming the field, to show beside it. */
  fields: Record<string, string[]>;
  /** A message about the whole form (wrong password, server unreachable, ...). */
  form?: string;
  /** Seconds until another attempt is allowed, counting down; 0 when allowed. */
  retryIn: number;
}

/** Seconds left of a wait that started when `seconds` was set (re-arms on every new error). */
export function useCountdown(seconds: number | undefined, key: unknown): number {
  const [left, setLeft] = useState(seconds ?? 0);
  useEffect(() => {
    if (!seconds) {
      setLeft(0);
      return;
    }
    const until = Date.now() + seconds * 1000;
    setLeft(seconds);
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [seconds, key]);
  return left;
}

/**
 * Splits a failed auth call into field errors (zod's fieldErrors, a taken email) and a
 * form-level message, with the rate-limit wait counted down. `labels` names each field
 * as the form shows it, in the language on screen; `values` is what was sent, so an
 * empty field is said to be empty. Each field gets one message: the server may find
 * several faults in one value, and repeating the field's name in each is noise.
 */
export function useFormErrors(
  error: unknown,
  labels: Record<string, string>,
  values?: Record<string, unknown>,
): FormErrors {
  const details = error ? errorDetails(error) : undefined;
  const retryIn = useCountdown(details?.retryAfter, error);
  if (!details) return { fields: {}, retryIn: 0 };
  const fields: Record<string, string[]> = {};
  let unknownField = false;
  for (const [path, messages] of Object.entries(details.fieldErrors)) {
    const field = path.split('.')[0] ?? '';
    const label = labels[field];
    const first = messages[0];
    if (label === undefined || first === undefined) {
      unknownField = true;
      continue;
    }
    if (fields[field]) continue;
    const value = values?.[field];
    fields[field] = [
      localFieldMessage(label, first, typeof value === 'string' ? value : undefined),
    ];
  }
  if (details.code === 'CONFLICT' && labels.email !== undefined) {
    fields.email = [i18n.t('fieldErrors.emailTaken', { field: labels.email })];
    return { fields, retryIn };
  }
  if (details.code === 'TOO_MANY_REQUESTS') return { fields, retryIn, form: undefined };
  const hasFieldErrors = Object.keys(fields).length > 0;
  // A fault in something the form does not show (say, a stale guest token) has no field
  // to stand beside and its text is the server's English: say it generically instead.
  const form = hasFieldErrors
    ? undefined
    : unknownField || details.code === 'BAD_REQUEST'
      ? i18n.t('errors.generic')
      : details.message;
  return { fields, form, retryIn };
}
