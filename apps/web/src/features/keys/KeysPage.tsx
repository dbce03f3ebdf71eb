import { useState } from 'react';
import { type ApiKeySummary, api, type CreatedApiKey } from '../../api';
import { errorDetails } from '../../lib/errors';
import { dateTime, timeAgo } from '../../lib/format';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CreateKeyForm } from './CreateKeyForm';
import { NewKeyNotice } from './NewKeyNotice';

/** API keys: create (shown once), list with scopes and last use, revoke. */
export function KeysPage() {
  useDocumentTitle('API keys');
  const [created, setCreated] = useState<CreatedApiKey>();
  const keys = api.auth.apiKeys.list.useQuery();
  return (
    <div className="page keys-page">
      <h1>API keys</h1>
      <p className="muted">
        Keys let your own code call Parley as you, limited to the scopes you choose. Send one as{' '}
        <code>Authorization: Bearer pk_…</code>.
      </p>
      {created ? (
        <NewKeyNotice apiKey={created} onDismiss={() => setCreated(undefined)} />
      ) : (
        <CreateKeyForm onCreated={setCreated} />
      )}
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">Your keys</h2>
        {keys.isPending ? (
          <Loading label="Loading keys…" />
        ) : keys.isError ? (
          <ErrorNotice
            error={keys.error}
            title="Could not load your keys"
            onRetry={() => void keys.refetch()}
          />
        ) : keys.data.items.length === 0 ? (
          <p className="muted">No keys yet.</p>
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
  const utils = api.useUtils();
  const [confirming, setConfirming] = useState(false);
  const revoke = api.auth.apiKeys.revoke.useMutation({
    onSuccess: () => void utils.auth.apiKeys.list.invalidate(),
  });
  return (
    <li className="key-row" aria-labelledby={`key-${apiKey.id}`}>
      <div className="key-main">
        <h3 id={`key-${apiKey.id}`}>{apiKey.name}</h3>
        <ul className="chips" aria-label="Scopes">
          {apiKey.scopes.map((s) => (
            <li key={s} className="chip">
              {s}
            </li>
          ))}
        </ul>
        <p className="small muted">
          Created {dateTime(apiKey.createdAt)} ·{' '}
          {apiKey.lastUsedAt ? (
            <>
              Last used{' '}
              <time dateTime={apiKey.lastUsedAt.toISOString()}>{timeAgo(apiKey.lastUsedAt)}</time>
            </>
          ) : (
            'Never used'
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
              Confirm revoke
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-small button-danger-outline"
            aria-label={`Revoke ${apiKey.name}`}
            onClick={() => setConfirming(true)}
          >
            Revoke
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
