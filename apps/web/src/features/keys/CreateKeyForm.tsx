import { type FormEvent, useState } from 'react';
import { api, type CreatedApiKey, type Scope } from '../../api';
import { errorDetails } from '../../lib/errors';
import { Field } from '../../ui/Field';

export const SCOPES: { value: Scope; label: string }[] = [
  { value: 'listings:read', label: 'Read listings' },
  { value: 'listings:write', label: 'Write listings' },
  { value: 'conversations:read', label: 'Read conversations' },
  { value: 'conversations:write', label: 'Write conversations' },
  { value: 'sessions:write', label: 'Start chat sessions' },
];

/** Name and scopes for a new key. */
export function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
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
      <h2 id="new-key-title">Create a key</h2>
      {other && (
        <p className="notice notice-error" role="alert">
          {other}
        </p>
      )}
      <Field
        label="Key name"
        name="name"
        required
        maxLength={100}
        placeholder="e.g. Website widget"
        errors={fieldErrors.name}
      />
      <fieldset aria-describedby={scopeErrors.length ? 'scopes-error' : undefined}>
        <legend>Scopes</legend>
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
                {s.label} <code>{s.value}</code>
              </span>
            </label>
          ))}
        </div>
        {scopeErrors.length > 0 && (
          <p id="scopes-error" className="field-error">
            Choose at least one scope.
          </p>
        )}
      </fieldset>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create key'}
      </button>
    </form>
  );
}
