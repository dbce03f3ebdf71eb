import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiKeySummary, api, type CreatedApiKey } from '../../api';
import { errorDetails } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CreateKeyForm } from './CreateKeyForm';
import { NewKeyNotice } from './NewKeyNotice';

/** API keys: create (shown once), list with scopes and last use, revoke. */
export function KeysPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('keys.docTitle'));
  const [created, setCreated] = useState<CreatedApiKey>();
  const keys = api.auth.apiKeys.list.useQuery();
  return (
    <div className="page keys-page">
      <h1>{t('keys.heading')}</h1>
      <p className="muted">
        {t('keys.intro')} <code>Authorization: Bearer pk_…</code>
      </p>
      {created ? (
        <NewKeyNotice apiKey={created} onDismiss={() => setCreated(undefined)} />
      ) : (
        <CreateKeyForm onCreated={setCreated} />
      )}
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">{t('keys.yours')}</h2>
        {keys.isPending ? (
          <Loading label={t('keys.loading')} />
        ) : keys.isError ? (
          <ErrorNotice
            error={keys.error}
            title={t('keys.couldNotLoad')}
            onRetry={() => void keys.refetch()}
          />
        ) : keys.data.items.length === 0 ? (
          <p className="muted">{t('keys.none')}</p>
        ) : (
          <ul className="key-list">
            {keys.data.items.map((key) => (
              <KeyRow key={key.id} apiKey={key} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function KeyRow({ apiKey }: { apiKey: ApiKeySummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const utils = api.useUtils();
  const [confirming, setConfirming] = useState(false);
  const revoke = api.auth.apiKeys.revoke.useMutation({
    onSuccess: () => void utils.auth.apiKeys.list.invalidate(),
  });
  return (
    <li className="key-row" aria-labelledby={`key-${apiKey.id}`}>
      <div className="key-main">
        <h3 id={`key-${apiKey.id}`}>{apiKey.name}</h3>
        <ul className="chips" aria-label={t('keys.scopes')}>
          {apiKey.scopes.map((s) => (
            <li key={s} className="chip">
              {s}
            </li>
          ))}
        </ul>
        <p className="small muted">
          {t('keys.created', { date: format.dateTime(apiKey.createdAt) })} ·{' '}
          {apiKey.lastUsedAt ? (
            <>
              {t('keys.lastUsed')}{' '}
              <time dateTime={apiKey.lastUsedAt.toISOString()}>
                {format.timeAgo(apiKey.lastUsedAt)}
              </time>
            </>
          ) : (
            t('keys.neverUsed')
          )}
        </p>
      </div>
      <div className="key-actions">
        {confirming ? (
          <>
            <button
              type="button"
              className="button button-small button-danger"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate({ id: apiKey.id })}
            >
              {t('keys.confirmRevoke')}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => setConfirming(false)}
            >
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-small button-danger-outline"
            aria-label={t('keys.revokeName', { name: apiKey.name })}
            onClick={() => setConfirming(true)}
          >
            {t('keys.revoke')}
          </button>
        )}
      </div>
      {revoke.error && (
        <p className="field-error" role="alert">
          {errorDetails(revoke.error).message}
        </p>
      )}
    </li>
  );
}
