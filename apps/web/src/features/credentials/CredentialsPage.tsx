import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { SecretOnce, type SecretOnceText } from './SecretOnce';

/**
 * The developer pages that hand out credentials, by their translation namespace: each
 * has `docTitle`, `heading`, `intro`, `yours`, `loading`, `couldNotLoad` and `none`
 * (and, for `CreateForm`, `createTitle`, `create` and `creating`).
 */
export type CredentialKind = 'keys' | 'webhooks';

/** The states of a list query the page draws. */
export interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: { items: readonly T[] } | undefined;
  refetch(): unknown;
}

/**
 * A developer page that hands out credentials (API keys, webhooks): a heading and what it
 * is for, then either the create form or, right after a create, the secret the server
 * shows once until it is dismissed, then one's credentials (loading, failed with a
 * retry, none yet, or a row each).
 */
export function CredentialsPage<Created, Item extends { id: string }>({
  kind,
  intro,
  form,
  secret,
  list,
  row,
}: {
  kind: CredentialKind;
  /** After the namespace's `intro`: the header or signature to use, in code. */
  intro: ReactNode;
  /** The create form; it calls `onCreated` with what the server answered. */
  form: (onCreated: (created: Created) => void) => ReactNode;
  /** What to show once after a create. */
  secret: (created: Created) => SecretOnceText;
  list: ListQuery<Item>;
  row: (item: Item) => ReactNode;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t(`${kind}.docTitle`));
  const [shown, setShown] = useState<{ created: Created }>();
  const items = list.data?.items;
  const titleId = `${kind}-title`;
  return (
    <div className={`page ${kind}-page`}>
      <h1>{t(`${kind}.heading`)}</h1>
      <p className="muted">
        {t(`${kind}.intro`)} {intro}
      </p>
      {shown ? (
        <SecretOnce {...secret(shown.created)} onDismiss={() => setShown(undefined)} />
      ) : (
        form((created) => setShown({ created }))
      )}
      <section aria-labelledby={titleId}>
        <h2 id={titleId}>{t(`${kind}.yours`)}</h2>
        {list.isPending ? (
          <Loading label={t(`${kind}.loading`)} />
        ) : list.isError || !items ? (
          <ErrorNotice
            error={list.error}
            title={t(`${kind}.couldNotLoad`)}
            onRetry={() => void list.refetch()}
          />
        ) : items.length === 0 ? (
          <p className="muted">{t(`${kind}.none`)}</p>
        ) : (
          <ul className="key-list">{items.map(row)}</ul>
        )}
      </section>
    </div>
  );
}
