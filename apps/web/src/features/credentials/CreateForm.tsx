import { type FormEvent, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { errorDetails } from '../../lib/errors';
import type { CredentialKind } from './CredentialsPage';

type FieldErrors = Record<string, string[]>;

/**
 * The frame of a create form on a developer page: its title, the server's refusal when
 * it names no field, the fields (given the field errors to show beside them) and the
 * submit button.
 */
export function CreateForm({
  kind,
  create,
  onSubmit,
  children,
}: {
  kind: CredentialKind;
  /** The create mutation. */
  create: { error: unknown; isPending: boolean };
  onSubmit: (data: FormData) => void;
  children: (fieldErrors: FieldErrors) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const details = create.error ? errorDetails(create.error) : undefined;
  const fieldErrors = details?.fieldErrors ?? {};
  const other = details && Object.keys(fieldErrors).length === 0 ? details.message : undefined;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(new FormData(event.currentTarget));
  };
  return (
    <form className="card key-form" onSubmit={submit} noValidate aria-labelledby={id}>
      <h2 id={id}>{t(`${kind}.createTitle`)}</h2>
      {other && (
        <p className="notice notice-error" role="alert">
          {other}
        </p>
      )}
      {children(fieldErrors)}
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? t(`${kind}.creating`) : t(`${kind}.create`)}
      </button>
    </form>
  );
}

/**
 * Checkboxes named `name` (scopes, events), each a label and its value in code; `error`
 * shows under them when the server refused any of `name`'s paths.
 */
export function Choices({
  legend,
  name,
  options,
  checked,
  fieldErrors,
  error,
}: {
  legend: string;
  name: string;
  options: readonly { value: string; label: string }[];
  /** Ticked at first. */
  checked: string;
  fieldErrors: FieldErrors;
  error: string;
}) {
  const id = useId();
  const refused = Object.keys(fieldErrors).some((path) => path.startsWith(name));
  return (
    <fieldset aria-describedby={refused ? id : undefined}>
      <legend>{legend}</legend>
      <div className="scope-options">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={o.value === checked}
            />
            <span>
              {o.label} <code>{o.value}</code>
            </span>
          </label>
        ))}
      </div>
      {refused && (
        <p id={id} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
