import { newId, withTransaction } from '@parley/db';
import {
  type CreatedWebhook,
  type Delivery,
  MAX_WEBHOOKS,
  type Page,
  type Webhook,
  type WebhookCreateInput,
  type WebhookDeliveriesInput,
  type WebhookUpdateInput,
  webhookCreateInput,
  webhookDeliveriesInput,
  webhookUpdateInput,
} from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { decodeCursor, toPage } from '../chat/cursor';
import type { WebhookConfig } from '../config';
import { fieldError, notFound } from '../errors';
import { checkHost, RefusedAddressError } from './address';
import {
  DELIVERY_COLUMNS,
  type DeliveryRow,
  toDelivery,
  toWebhook,
  WEBHOOK_COLUMNS,
  type WebhookRow,
} from './records';
import { type DeliveryJobs, scheduleAttempt } from './schedule';
import { sealSecret } from './sealing';
import { newWebhookSecret } from './signing';

/** What managing webhooks needs: the database, the job engine and the sending rules. */
export interface WebhookDeps {
  sequelize: Sequelize;
  jobs: DeliveryJobs;
  config: WebhookConfig;
}

/**
 * Refuses a URL whose host does not resolve, or resolves to an address webhooks may not
 * reach; BAD_REQUEST naming `url`. Sending checks again, against the address it uses.
 */
async function checkUrl(config: WebhookConfig, raw: string): Promise<void> {
  const host = new URL(raw).hostname;
  try {
    await checkHost(host, config.allowPrivate);
  } catch (error) {
    if (error instanceof RefusedAddressError)
      throw fieldError('url', `${error.message}; webhooks must reach a public address`);
    throw fieldError('url', `the host ${host} does not resolve`);
  }
}

export async function createWebhook(
  deps: WebhookDeps,
  userId: string,
  raw: WebhookCreateInput,
): Promise<CreatedWebhook> {
  const input = webhookCreateInput.parse(raw);
  await checkUrl(deps.config, input.url);
  const id = newId();
  const secret = newWebhookSecret();
  // Only its sealed form is stored; the plaintext leaves in this answer and nowhere else.
  const sealed = sealSecret(deps.config.secretsKey, id, secret);
  const row = await withTransaction(deps.sequelize, async (transaction) => {
    // The owner's row is locked so two creates at once cannot both pass the count.
    await deps.sequelize.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', {
      bind: [userId],
      transaction,
    });
    const [count] = await deps.sequelize.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM webhooks WHERE user_id = $1',
      { bind: [userId], type: QueryTypes.SELECT, transaction },
    );
    if ((count?.n ?? 0) >= MAX_WEBHOOKS) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `At most ${MAX_WEBHOOKS} webhooks per user: delete one first`,
      });
    }
    const [created] = await deps.sequelize.query<WebhookRow>(
      `INSERT INTO webhooks AS w (id, user_id, url, events, description, secret_sealed)
       VALUES ($1, $2, $3, $4::text[], $5, $6)
       RETURNING ${WEBHOOK_COLUMNS}`,
      {
        bind: [id, userId, input.url, input.events, input.description ?? null, sealed],
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    return created!;
  });
  // The secret is returned this once; it signs every delivery from now on.
  return { webhook: toWebhook(row), secret };
}

export async function listWebhooks(
  deps: Pick<WebhookDeps, 'sequelize'>,
  userId: string,
): Promise<{ items: Webhook[] }> {
  const rows = await deps.sequelize.query<WebhookRow>(
    `SELECT ${WEBHOOK_COLUMNS} FROM webhooks w WHERE w.user_id = $1
     ORDER BY w.created_at DESC, w.id DESC`,
    { bind: [userId], type: QueryTypes.SELECT },
  );
  return { items: rows.map(toWebhook) };
}

export async function updateWebhook(
  deps: WebhookDeps,
  userId: string,
  raw: WebhookUpdateInput,
): Promise<Webhook> {
  const input = webhookUpdateInput.parse(raw);
  if (input.url !== undefined) await checkUrl(deps.config, input.url);
  const [row] = await withTransaction(deps.sequelize, (transaction) =>
    deps.sequelize.query<WebhookRow>(
      `UPDATE webhooks w SET
         url = COALESCE($3, w.url),
         events = COALESCE($4::text[], w.events),
         enabled = COALESCE($5, w.enabled),
         description = CASE WHEN $6 THEN $7 ELSE w.description END,
         -- Switched back on: judged afresh from its next attempts.
         consecutive_failures = CASE WHEN $5 AND NOT w.enabled THEN 0 ELSE w.consecutive_failures END,
         failing_since = CASE WHEN $5 AND NOT w.enabled THEN NULL ELSE w.failing_since END,
         updated_at = now()
       WHERE w.id = $1 AND w.user_id = $2
       RETURNING ${WEBHOOK_COLUMNS}`,
      {
        bind: [
          input.id,
          userId,
          input.url ?? null,
          input.events ?? null,
          input.enabled ?? null,
          input.description !== undefined,
          input.description ?? null,
        ],
        type: QueryTypes.SELECT,
        transaction,
      },
    ),
  );
  if (!row) throw notFound('Webhook');
  return toWebhook(row);
}

export async function deleteWebhook(
  deps: Pick<WebhookDeps, 'sequelize'>,
  userId: string,
  id: string,
): Promise<{ ok: true }> {
  // Its deliveries go with it; a job still queued for one finds nothing and ends.
  const [rows] = await withTransaction(deps.sequelize, (transaction) =>
    deps.sequelize.query('DELETE FROM webhooks WHERE id = $1 AND user_id = $2 RETURNING id', {
      bind: [id, userId],
      transaction,
    }),
  );
  if (!(rows as unknown[]).length) throw notFound('Webhook');
  return { ok: true };
}

/** A webhook's deliveries, newest first, in keyset pages. */
export async function listDeliveries(
  deps: Pick<WebhookDeps, 'sequelize'>,
  userId: string,
  raw: WebhookDeliveriesInput,
): Promise<Page<Delivery>> {
  const input = webhookDeliveriesInput.parse(raw);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const owned = await deps.sequelize.query(
    'SELECT 1 FROM webhooks WHERE id = $1 AND user_id = $2',
    { bind: [input.webhookId, userId], type: QueryTypes.SELECT },
  );
  if (!owned.length) throw notFound('Webhook');
  const bind: unknown[] = [input.webhookId, input.limit + 1];
  let keyset = '';
  if (after) {
    bind.push(after.at, after.id);
    keyset = 'AND (d.created_at, d.id) < ($3::timestamptz, $4::uuid)';
  }
  const rows = await deps.sequelize.query<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d
     WHERE d.webhook_id = $1 ${keyset}
     ORDER BY d.created_at DESC, d.id DESC LIMIT $2`,
    { bind, type: QueryTypes.SELECT },
  );
  return toPage(rows, input.limit, toDelivery, (row) => [row.created_at, row.id]);
}

/**
 * Sends a delivery again, with its id and body unchanged (a receiver that deduplicates on
 * `Parley-Delivery` sees it as the same event). It is pending again, with a new retry
 * window, and its next attempt is now.
 */
export async function redeliver(
  deps: WebhookDeps,
  userId: string,
  deliveryId: string,
): Promise<Delivery> {
  return withTransaction(deps.sequelize, async (transaction) => {
    const [row] = await deps.sequelize.query<DeliveryRow>(
      `UPDATE webhook_deliveries d
          SET status = 'pending', next_attempt_at = now(),
              retry_until = now() + make_interval(secs => $3::double precision / 1000),
              updated_at = now()
         FROM webhooks w
        WHERE d.id = $1 AND w.id = d.webhook_id AND w.user_id = $2
        RETURNING ${DELIVERY_COLUMNS}`,
      {
        bind: [deliveryId, userId, deps.config.retryWindowMs],
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    if (!row) throw notFound('Delivery');
    await scheduleAttempt(deps.jobs, row.id, undefined, transaction);
    return toDelivery(row);
  });
}

/** `webhooks.test`: a `ping` delivery to the webhook, sent like any other. */
export async function pingWebhook(
  deps: WebhookDeps,
  userId: string,
  webhookId: string,
  now: Date,
): Promise<Delivery> {
  return withTransaction(deps.sequelize, async (transaction) => {
    const owned = await deps.sequelize.query<{ id: string }>(
      'SELECT id FROM webhooks WHERE id = $1 AND user_id = $2',
      { bind: [webhookId, userId], type: QueryTypes.SELECT, transaction },
    );
    if (!owned.length) throw notFound('Webhook');
    const [row] = await insertDeliveries(
      deps,
      [{ webhookId, event: 'ping', orderingKey: null, data: { webhookId } }],
      now,
      transaction,
    );
    return toDelivery(row!);
  });
}

export interface NewDelivery {
  webhookId: string;
  event: string;
  /** Deliveries with the same key (a conversation id) to one webhook are sent in order. */
  orderingKey: string | null;
  data: Record<string, unknown>;
}

/**
 * Records deliveries and enqueues their first attempts, in the caller's transaction, in
 * the order given. The body is fixed here: every attempt sends exactly these bytes.
 */
export async function insertDeliveries(
  deps: Pick<WebhookDeps, 'sequelize' | 'jobs' | 'config'>,
  deliveries: NewDelivery[],
  now: Date,
  transaction: Transaction,
): Promise<DeliveryRow[]> {
  if (!deliveries.length) return [];
  const ids = deliveries.map(() => newId());
  const bodies = deliveries.map((d, i) =>
    JSON.stringify({ id: ids[i], type: d.event, createdAt: now.toISOString(), data: d.data }),
  );
  const rows = await deps.sequelize.query<DeliveryRow>(
    `INSERT INTO webhook_deliveries AS d
       (id, webhook_id, event, ordering_key, body, next_attempt_at, retry_until, created_at)
     SELECT i.id, i.webhook_id, i.event, i.ordering_key, i.body, now(),
            now() + make_interval(secs => $6::double precision / 1000), now()
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[])
            WITH ORDINALITY AS i (id, webhook_id, event, ordering_key, body, n)
      ORDER BY i.n
     RETURNING ${DELIVERY_COLUMNS}`,
    {
      bind: [
        ids,
        deliveries.map((d) => d.webhookId),
        deliveries.map((d) => d.event),
        deliveries.map((d) => d.orderingKey),
        bodies,
        deps.config.retryWindowMs,
      ],
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  for (const row of rows) await scheduleAttempt(deps.jobs, row.id, undefined, transaction);
  return rows;
}
