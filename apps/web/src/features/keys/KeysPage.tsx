import { useTranslation } from 'react-i18next';
import { type ApiKeySummary, api, type CreatedApiKey } from '../../api';
import { useFormat } from '../../lib/format';
import { Chips, ConfirmButton, CredentialRow, LastUsed } from '../credentials/CredentialRow';
import { CredentialsPage } from '../credentials/CredentialsPage';
import { CreateKeyForm } from './CreateKeyForm';

/** API keys: create (shown once), list with scopes and last use, revoke. */
export function KeysPage() {
  const { t } = useTranslation();
  const keys = api.auth.apiKeys.list.useQuery();
  return (
    <CredentialsPage<CreatedApiKey, ApiKeySummary>
      kind="keys"
      intro={<code>Authorization: Bearer pk_…</code>}
      form={(onCreated) => <CreateKeyForm onCreated={onCreated} />}
      secret={(key) => ({
        heading: t('keys.newKeyHeading', { name: key.name }),
        text: t('keys.newKeyText'),
        label: t('keys.newKeyLabel'),
        value: key.key,
      })}
      list={keys}
      row={(key) => <KeyRow key={key.id} apiKey={key} />}
    />
  );
}

function KeyRow({ apiKey }: { apiKey: ApiKeySummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const utils = api.useUtils();
  const revoke = api.auth.apiKeys.revoke.useMutation({
    onSuccess: () => void utils.auth.apiKeys.list.invalidate(),
  });
  return (
    <CredentialRow
      id={`key-${apiKey.id}`}
      title={apiKey.name}
      error={revoke.error}
      actions={
        <ConfirmButton
          label={t('keys.revoke')}
          accessibleLabel={t('keys.revokeName', { name: apiKey.name })}
          confirmLabel={t('keys.confirmRevoke')}
          pending={revoke.isPending}
          onConfirm={() => revoke.mutate({ id: apiKey.id })}
        />
      }
    >
      <Chips label={t('keys.scopes')} items={apiKey.scopes} />
      <p className="small muted">
        {t('keys.created', { date: format.dateTime(apiKey.createdAt) })} ·{' '}
        <LastUsed at={apiKey.lastUsedAt} label={t('keys.lastUsed')} never={t('keys.neverUsed')} />
      </p>
    </CredentialRow>
  );
}
