import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type CreatedApiKey, type Scope } from '../../api';
import { errorDetails, fieldMessage } from '../../lib/errors';
import { Field } from '../../ui/Field';

/** Every scope, with its label's key (`keys.scope.<key>`: a scope's ':' would split a key). */
export const SCOPES = [
  { value: 'listings:read', key: 'listingsRead' },
  { value: 'listings:write', key: 'listingsWrite' },
  { value: 'conversations:read', key: 'conversationsRead' },
  { value: 'conversations:write', key: 'conversationsWrite' },
  { value: 'sessions:write', key: 'sessionsWrite' },
] as const satisfies readonly { value: Scope; key: string }[];

/** Name and scopes for a new key. */
export function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const { t } = useTranslation();
  const utils = api.useUtils();
  const [formKey, setFormKey] = useState(0);
  const create = api.auth.apiKeys.create.useMutation({
    onSuccess: (key) => {
      onCreated(key);
      setFormKey((k) => k + 1); // fresh, empty form
      void utils.auth.apiKeys.list.invalidate();
    },
  });
  const details = create.error ? errorDetails(create.error) : undefined;
  const fieldErrors = details?.fieldErrors ?? {};
  const scopeErrors = Object.entries(fieldErrors)
    .filter(([path]) => path.startsWith('scopes'))
    .flatMap(([, m]) => m);
  const other = details && Object.keys(fieldErrors).length === 0 ? details.message : undefined;
  const nameLabel = t('keys.name');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    create.mutate({
      name: String(data.get('name') ?? ''),
      scopes: data.getAll('scopes').map(String) as Scope[],
    });
  };

  return (
    <form
      key={formKey}
      className="card key-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="new-key-title"
    >
      <h2 id="new-key-title">{t('keys.createTitle')}</h2>
      {other && (
        <p className="notice notice-error" role="alert">
          {other}
        </p>
      )}
      <Field
        label={nameLabel}
        name="name"
        required
        maxLength={100}
        placeholder={t('keys.namePlaceholder')}
        errors={fieldErrors.name?.map((m) => fieldMessage(nameLabel, m))}
      />
      <fieldset aria-describedby={scopeErrors.length ? 'scopes-error' : undefined}>
        <legend>{t('keys.scopes')}</legend>
        <div className="scope-options">
          {SCOPES.map((s) => (
            <label key={s.value} className="checkbox">
              <input
                type="checkbox"
                name="scopes"
                value={s.value}
                defaultChecked={s.value === 'listings:read'}
              />
              <span>
                {t(`keys.scope.${s.key}`)} <code>{s.value}</code>
              </span>
            </label>
          ))}
        </div>
        {scopeErrors.length > 0 && (
          <p id="scopes-error" className="field-error">
            {t('keys.chooseScope')}
          </p>
        )}
      </fieldset>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? t('keys.creating') : t('keys.create')}
      </button>
    </form>
  );
}
