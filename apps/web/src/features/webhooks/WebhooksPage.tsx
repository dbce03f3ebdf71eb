import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  type CreatedWebhook,
  type Delivery,
  type Webhook,
  type WebhookEventType,
} from '../../api';
import { errorDetails } from '../../lib/errors';
import { localFieldMessage } from '../../lib/field-messages';
import { useFormat } from '../../lib/format';
import { Field } from '../../ui/Field';
import { ErrorNotice, Loading } from '../../ui/Status';
import { Choices, CreateForm } from '../credentials/CreateForm';
import { Chips, ConfirmButton, CredentialRow, LastUsed } from '../credentials/CredentialRow';
import { CredentialsPage } from '../credentials/CredentialsPage';

/** The events a webhook can subscribe to, with their label's key (`webhooks.event.<key>`). */
export const EVENTS = [
  { value: 'message.created', key: 'messageCreated' },
  { value: 'run.failed', key: 'runFailed' },
  { value: 'handoff.requested', key: 'handoffRequested' },
  { value: 'handoff.assigned', key: 'handoffAssigned' },
  { value: 'session.ended', key: 'sessionEnded' },
  { value: 'alert.created', key: 'alertCreated' },
  { value: 'ping', key: 'ping' },
] as const satisfies readonly { value: WebhookEventType; key: string }[];

/** While a delivery is still being tried, its list is looked at again this often. */
const PENDING_REFRESH_MS = 3_000;

/** Webhooks: create (secret shown once), list, their recent deliveries, redeliver. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const webhooks = api.webhooks.list.useQuery();
  return (
    <CredentialsPage<CreatedWebhook, Webhook>
      kind="webhooks"
      intro={<code>Parley-Signature</code>}
      form={(onCreated) => <CreateWebhookForm onCreated={onCreated} />}
      secret={(created) => ({
        heading: t('webhooks.secretHeading'),
        text: t('webhooks.secretText'),
        label: t('webhooks.secretLabel'),
        value: created.secret,
      })}
      list={webhooks}
      row={(webhook) => <WebhookRow key={webhook.id} webhook={webhook} />}
    />
  );
}

function CreateWebhookForm({ onCreated }: { onCreated: (created: CreatedWebhook) => void }) {
  const { t } = useTranslation();
  const utils = api.useUtils();
  const create = api.webhooks.create.useMutation({
    onSuccess: (created) => {
      onCreated(created);
      void utils.webhooks.list.invalidate();
    },
  });
  const urlLabel = t('webhooks.url');
  const descriptionLabel = t('webhooks.description');
  const submit = (data: FormData) => {
    const description = String(data.get('description') ?? '').trim();
    create.mutate({
      url: String(data.get('url') ?? '').trim(),
      events: data.getAll('events').map(String) as WebhookEventType[],
      ...(description ? { description } : {}),
    });
  };
  return (
    <CreateForm kind="webhooks" create={create} onSubmit={submit}>
      {(fieldErrors) => (
        <>
          <Field
            label={urlLabel}
            name="url"
            type="url"
            required
            placeholder="https://example.com/parley-webhook"
            errors={fieldErrors.url?.map((m) => localFieldMessage(urlLabel, m))}
          />
          <Field
            label={descriptionLabel}
            name="description"
            maxLength={500}
            placeholder={t('webhooks.descriptionPlaceholder')}
            errors={fieldErrors.description?.map((m) => localFieldMessage(descriptionLabel, m))}
          />
          <Choices
            legend={t('webhooks.events')}
            name="events"
            options={EVENTS.map((e) => ({ value: e.value, label: t(`webhooks.event.${e.key}`) }))}
            checked="message.created"
            fieldErrors={fieldErrors}
            error={t('webhooks.chooseEvent')}
          />
        </>
      )}
    </CreateForm>
  );
}

function WebhookRow({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const format = useFormat();
  const utils = api.useUtils();
  const [open, setOpen] = useState(false);
  const refresh = () => {
    void utils.webhooks.list.invalidate();
    void utils.webhooks.deliveries.invalidate({ webhookId: webhook.id });
  };
  const update = api.webhooks.update.useMutation({ onSuccess: refresh });
  const remove = api.webhooks.delete.useMutation({ onSuccess: refresh });
  const test = api.webhooks.test.useMutation({
    onSuccess: () => {
      setOpen(true);
      refresh();
    },
  });
  return (
    <CredentialRow
      id={`webhook-${webhook.id}`}
      title={webhook.url}
      titleClassName="webhook-url"
      className="webhook-row"
      actionsClassName="webhook-actions"
      error={update.error ?? remove.error ?? test.error}
      actions={
        <>
          <button
            type="button"
            className="button button-small"
            disabled={test.isPending}
            onClick={() => test.mutate({ id: webhook.id })}
          >
            {t('webhooks.sendTest')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={update.isPending}
            onClick={() => update.mutate({ id: webhook.id, enabled: !webhook.enabled })}
          >
            {webhook.enabled ? t('webhooks.disable') : t('webhooks.enable')}
          </button>
          <ConfirmButton
            label={t('common.delete')}
            accessibleLabel={t('webhooks.deleteUrl', { url: webhook.url })}
            confirmLabel={t('webhooks.confirmDelete')}
            pending={remove.isPending}
            onConfirm={() => remove.mutate({ id: webhook.id })}
          />
        </>
      }
      after={
        <details
          className="webhook-deliveries"
          open={open}
          onToggle={(e) => setOpen(e.currentTarget.open)}
        >
          <summary>{t('webhooks.recentDeliveries')}</summary>
          {open && <Deliveries webhookId={webhook.id} />}
        </details>
      }
    >
      {webhook.description && <p className="small">{webhook.description}</p>}
      <Chips label={t('webhooks.events')} items={webhook.events} />
      <p className="small muted">
        {!webhook.enabled ? (
          <span className="status-badge">{t('webhooks.disabled')}</span>
        ) : webhook.failingSince ? (
          <span className="status-badge status-failing">
            {t('webhooks.failingSince', { date: format.dateTime(webhook.failingSince) })}
          </span>
        ) : (
          <span className="status-badge status-ok">{t('webhooks.healthy')}</span>
        )}{' '}
        ·{' '}
        <LastUsed
          at={webhook.lastDeliveryAt}
          label={t('webhooks.lastDelivery')}
          never={t('webhooks.neverDelivered')}
        />
      </p>
    </CredentialRow>
  );
}

function Deliveries({ webhookId }: { webhookId: string }) {
  const { t } = useTranslation();
  const deliveries = api.webhooks.deliveries.useQuery(
    { webhookId, limit: 20 },
    {
      refetchInterval: (query) =>
        query.state.data?.items.some((d) => d.status === 'pending') ? PENDING_REFRESH_MS : false,
    },
  );
  const utils = api.useUtils();
  const settled = deliveries.data?.items.filter((d) => d.status !== 'pending').length ?? 0;
  // A delivery that settles changes the webhook's last delivery and failing mark.
  useEffect(() => {
    if (settled > 0) void utils.webhooks.list.invalidate();
  }, [settled, utils]);
  if (deliveries.isPending) return <Loading label={t('webhooks.loadingDeliveries')} />;
  if (deliveries.isError)
    return (
      <ErrorNotice
        error={deliveries.error}
        title={t('webhooks.couldNotLoadDeliveries')}
        onRetry={() => void deliveries.refetch()}
      />
    );
  if (deliveries.data.items.length === 0)
    return <p className="small muted">{t('webhooks.noDeliveries')}</p>;
  return (
    <ul className="delivery-list">
      {deliveries.data.items.map((delivery) => (
        <DeliveryRow key={delivery.id} delivery={delivery} />
      ))}
    </ul>
  );
}

function DeliveryRow({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const format = useFormat();
  const utils = api.useUtils();
  const redeliver = api.webhooks.redeliver.useMutation({
    onSuccess: () => void utils.webhooks.deliveries.invalidate({ webhookId: delivery.webhookId }),
  });
  return (
    <li className="delivery-row">
      <span className="delivery-event">
        <code>{delivery.event}</code>
        <span className="small muted">
          <time dateTime={delivery.createdAt.toISOString()}>
            {format.dateTime(delivery.createdAt)}
          </time>
        </span>
      </span>
      <span className={`status-badge status-${delivery.status}`}>
        {t(`webhooks.status.${delivery.status}`)}
      </span>
      <span className="small muted delivery-detail">
        {t('webhooks.attempts', { count: delivery.attempts })}
        {delivery.lastStatusCode !== null && ` · HTTP ${delivery.lastStatusCode}`}
        {delivery.nextAttemptAt && (
          <>
            {' · '}
            {t('webhooks.nextAttempt', { time: format.timeAgo(delivery.nextAttemptAt) })}
          </>
        )}
      </span>
      <button
        type="button"
        className="button button-small"
        disabled={redeliver.isPending}
        aria-label={t('webhooks.redeliverOne', { event: delivery.event })}
        onClick={() => redeliver.mutate({ deliveryId: delivery.id })}
      >
        {t('webhooks.redeliver')}
      </button>
      {redeliver.error && (
        <p className="field-error" role="alert">
          {errorDetails(redeliver.error).message}
        </p>
      )}
    </li>
  );
}
