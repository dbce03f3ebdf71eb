import { useTranslation } from 'react-i18next';
import { api, type CreatedApiKey, type Scope } from '../../api';
import { localFieldMessages } from '../../lib/field-messages';
import { Field } from '../../ui/Field';
import { Choices, CreateForm } from '../credentials/CreateForm';

/** Every scope, with its label's key (`keys.scope.<key>`: a scope's ':' would split a key). */
export const SCOPES = [
  { value: 'listings:read', key: 'listingsRead' },
  { value: 'listings:write', key: 'listingsWrite' },
  { value: 'conversations:read', key: 'conversationsRead' },
  { value: 'conversations:write', key: 'conversationsWrite' },
  { value: 'sessions:write', key: 'sessionsWrite' },
  { value: 'webhooks:write', key: 'webhooksWrite' },
] as const satisfies readonly { value: Scope; key: string }[];

/** Name and scopes for a new key. */
export function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const { t } = useTranslation();
  const utils = api.useUtils();
  const create = api.auth.apiKeys.create.useMutation({
    onSuccess: (key) => {
      onCreated(key);
      void utils.auth.apiKeys.list.invalidate();
    },
  });
  const nameLabel = t('keys.name');
  return (
    <CreateForm
      kind="keys"
      create={create}
      onSubmit={(data) =>
        create.mutate({
          name: String(data.get('name') ?? ''),
          scopes: data.getAll('scopes').map(String) as Scope[],
        })
      }
    >
      {(fieldErrors) => (
        <>
          <Field
            label={nameLabel}
            name="name"
            required
            maxLength={100}
            placeholder={t('keys.namePlaceholder')}
            errors={localFieldMessages(nameLabel, fieldErrors.name)}
          />
          <Choices
            legend={t('keys.scopes')}
            name="scopes"
            options={SCOPES.map((s) => ({ value: s.value, label: t(`keys.scope.${s.key}`) }))}
            checked="listings:read"
            fieldErrors={fieldErrors}
            error={t('keys.chooseScope')}
          />
        </>
      )}
    </CreateForm>
  );
}
