import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { withTransaction } from '@parley/db';
import { QueryTypes, type Transaction } from 'sequelize';
import type { WebhookConfig } from '../config';
import { checkHost, guardedLookup, RefusedAddressError } from './address';
import type { WebhookDeps } from './manage';
import { handOnSlot, OWNER_SENDS_IN_FLIGHT, parkIfOwnerBusy } from './owner-share';
import { attemptKey, scheduleAttempt } from './schedule';
import { openSecret, SealingError } from './sealing';
import { signatureHeader } from './signing';

interface Log {
  error(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export interface DeliverDeps extends WebhookDeps {
  clock: () => Date;
  log: Log;
}

/** What one attempt came to: a status code, or why there was none. */
export interface AttemptResult {
  statusCode: number | null;
  error: string | null;
}

// The lease outlives the request's own timeout, so an attempt in flight is never
// taken over; a sender that died holding it frees the delivery when it runs out.
const LEASE_MARGIN_MS = 5_000;
const MAX_ERROR_LENGTH = 500;

interface Claimed {
  id: string;
  event: string;
  body: string;
  attempts: number;
  ordering_key: string | null;
  webhook_id: string;
  owner_id: string;
  url: string;
  /** Sealed (sealing.ts); opened just before the request is signed. */
  secret_sealed: string | null;
  enabled: boolean;
}

/**
 * One attempt at a delivery, as the `webhooks.deliver` job. The delivery is taken under
 * a lease (so no two workers send it at once) only when it is pending, due, and no older
 * delivery of its conversation to the same webhook is still pending (order). Whatever
 * happens, the outcome and what comes next (a retry, the next delivery in line) are
 * committed together.
 */
export async function attemptDelivery(deps: DeliverDeps, deliveryId: string): Promise<void> {
  const leaseMs = deps.config.timeoutMs + LEASE_MARGIN_MS;
  const [claimed] = await deps.sequelize.query<Claimed>(
    `UPDATE webhook_deliveries d
        SET attempts = d.attempts + 1, updated_at = now(), parked = false,
            locked_until = now() + make_interval(secs => $2::double precision / 1000)
       FROM webhooks w
      WHERE d.id = $1 AND w.id = d.webhook_id AND d.status = 'pending'
        AND (d.locked_until IS NULL OR d.locked_until <= now())
        AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= now())
        AND NOT EXISTS (
          SELECT 1 FROM webhook_deliveries o
           WHERE o.webhook_id = d.webhook_id AND o.ordering_key = d.ordering_key
             AND o.status = 'pending' AND o.seq < d.seq)
        AND ${OWNER_SENDS_IN_FLIGHT} < $3
      RETURNING d.id, d.event, d.body, d.attempts, d.ordering_key, d.webhook_id,
                w.user_id AS owner_id, w.url, w.secret_sealed, w.enabled`,
    { bind: [deliveryId, leaseMs, deps.config.sendsPerOwner], type: QueryTypes.SELECT },
  );
  if (!claimed) return notTaken(deps, deliveryId);
  // The engine leaves a job locked for hours when the process executing it dies. So the
  // attempt first queues its own successor for when its lease runs out: killed mid-send,
  // the delivery is tried again then, on whichever instance is alive. Its outcome moves
  // that job (a retry) or removes it (done).
  await scheduleAttempt(deps.jobs, claimed.id, new Date(Date.now() + leaseMs), null);
  if (!claimed.enabled) {
    await finish(deps, claimed, { statusCode: null, error: 'the webhook is disabled' }, 'failed');
    return;
  }
  let secret: string;
  try {
    // NULL only for a row from before 0019 that no server has sealed yet (start-up does).
    if (!claimed.secret_sealed) throw new SealingError('the signing secret is not sealed yet');
    secret = openSecret(deps.config.secretsKey, claimed.webhook_id, claimed.secret_sealed);
  } catch (error) {
    if (!(error instanceof SealingError)) throw error;
    // Nothing is sent unsigned: the attempt fails and is retried like any other, so
    // deliveries go out once the server runs with the right key.
    deps.log.error(
      { deliveryId, webhookId: claimed.webhook_id, err: error.message },
      `webhook not sent: ${error.message}`,
    );
    await finish(deps, claimed, { statusCode: null, error: error.message }, 'retry');
    return;
  }
  const result = await send(deps.config, { ...claimed, secret }, deps.clock());
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  deps.log[ok ? 'debug' : 'info'](
    {
      deliveryId,
      webhookId: claimed.webhook_id,
      attempt: claimed.attempts,
      statusCode: result.statusCode,
      error: result.error,
    },
    ok ? 'webhook delivered' : 'webhook attempt failed',
  );
  await finish(deps, claimed, result, ok ? 'succeeded' : 'retry');
}

/**
 * The job found its delivery not ready: its owner's share of the senders in use (it is
 * parked, owner-share.ts), still leased (its sender may have died), or not yet due. Its
 * attempt is then queued for when it can be taken, so it is never stranded. Finished,
 * deleted and waiting-behind-an-older deliveries need nothing: the one ahead queues it
 * when it finishes.
 */
async function notTaken(deps: DeliverDeps, deliveryId: string): Promise<void> {
  await withTransaction(deps.sequelize, async (transaction) => {
    if (await parkIfOwnerBusy(deps, deliveryId, deps.config.sendsPerOwner, transaction)) return;
    const [row] = await deps.sequelize.query<{ due: Date; blocked: boolean }>(
      `SELECT GREATEST(d.locked_until, d.next_attempt_at) AS due,
              EXISTS (SELECT 1 FROM webhook_deliveries o
                       WHERE o.webhook_id = d.webhook_id AND o.ordering_key = d.ordering_key
                         AND o.status = 'pending' AND o.seq < d.seq) AS blocked
         FROM webhook_deliveries d
        WHERE d.id = $1 AND d.status = 'pending'
          AND GREATEST(d.locked_until, d.next_attempt_at) > now()`,
      { bind: [deliveryId], type: QueryTypes.SELECT, transaction },
    );
    if (!row || row.blocked) return;
    await scheduleAttempt(deps.jobs, deliveryId, row.due, transaction);
  });
}

/** The wait before retry `attempt + 1`: doubling from `retryBaseMs`, at most `retryMaxMs`. */
export function retryDelayMs(
  config: Pick<WebhookConfig, 'retryBaseMs' | 'retryMaxMs'>,
  attempt: number,
): number {
  return Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** Math.min(attempt - 1, 30));
}

async function finish(
  deps: DeliverDeps,
  claimed: Claimed,
  result: AttemptResult,
  outcome: 'succeeded' | 'failed' | 'retry',
): Promise<void> {
  const error = result.error?.slice(0, MAX_ERROR_LENGTH) ?? null;
  await withTransaction(deps.sequelize, async (transaction) => {
    if (outcome === 'succeeded') {
      await deps.sequelize.query(
        `WITH d AS (
           UPDATE webhook_deliveries SET status = 'succeeded', last_status_code = $2,
                  last_error = NULL, delivered_at = now(), next_attempt_at = NULL,
                  locked_until = NULL, updated_at = now()
            WHERE id = $1 RETURNING webhook_id)
         UPDATE webhooks w SET last_delivery_at = now(), consecutive_failures = 0,
                failing_since = NULL
           FROM d WHERE w.id = d.webhook_id`,
        { bind: [claimed.id, result.statusCode], transaction },
      );
      await handOnSlot(deps, claimed.owner_id, transaction);
      await done(deps, claimed, transaction);
      return;
    }
    // A failed attempt: retried after a backoff until an attempt fails after the retry
    // window has passed (so retries last at least the window), then failed.
    const delay = retryDelayMs(deps.config, claimed.attempts);
    const [row] = await deps.sequelize.query<{ status: string; next_attempt_at: Date | null }>(
      `WITH d AS (
         UPDATE webhook_deliveries SET
                status = CASE WHEN $5 OR now() >= COALESCE(retry_until,
                                     created_at + make_interval(secs => $7::double precision / 1000))
                              THEN 'failed' ELSE 'pending' END,
                next_attempt_at = now() + make_interval(secs => $4::double precision / 1000),
                last_status_code = $2, last_error = $3, locked_until = NULL, updated_at = now()
          WHERE id = $1 RETURNING webhook_id, status, next_attempt_at),
       w AS (
         UPDATE webhooks w SET consecutive_failures = w.consecutive_failures + 1,
                failing_since = CASE WHEN w.consecutive_failures + 1 >= $6
                                     THEN COALESCE(w.failing_since, now()) END
           FROM d WHERE w.id = d.webhook_id)
       SELECT status, next_attempt_at FROM d`,
      {
        bind: [
          claimed.id,
          result.statusCode,
          error,
          delay,
          outcome === 'failed',
          deps.config.failingAfter,
          deps.config.retryWindowMs,
        ],
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    await handOnSlot(deps, claimed.owner_id, transaction);
    if (!row) return; // deleted with its webhook meanwhile
    if (row.status === 'pending')
      await scheduleAttempt(deps.jobs, claimed.id, row.next_attempt_at ?? undefined, transaction);
    else await done(deps, claimed, transaction);
  });
}

/** A delivery is over: its attempt queued for a crash goes, and the next in line may go. */
async function done(deps: DeliverDeps, claimed: Claimed, transaction: Transaction): Promise<void> {
  await deps.sequelize.query('SELECT graphile_worker.remove_job($1)', {
    bind: [attemptKey(claimed.id)],
    type: QueryTypes.SELECT,
    transaction,
  });
  await queueNext(deps, claimed, transaction);
}

/** After a delivery is done with, the next pending one of its conversation may go. */
async function queueNext(
  deps: DeliverDeps,
  claimed: Claimed,
  transaction: Transaction,
): Promise<void> {
  if (claimed.ordering_key === null) return;
  const [next] = await deps.sequelize.query<{ id: string; next_attempt_at: Date | null }>(
    `SELECT id, next_attempt_at FROM webhook_deliveries
      WHERE webhook_id = $1 AND ordering_key = $2 AND status = 'pending'
      ORDER BY seq LIMIT 1`,
    { bind: [claimed.webhook_id, claimed.ordering_key], type: QueryTypes.SELECT, transaction },
  );
  if (next)
    await scheduleAttempt(deps.jobs, next.id, next.next_attempt_at ?? undefined, transaction);
}

/**
 * POSTs the body once: signed with a fresh timestamp, to an address checked at connect
 * time, never following a redirect (a 3xx is a failed attempt), given up after
 * `timeoutMs`.
 */
export async function send(
  config: WebhookConfig,
  delivery: Pick<Claimed, 'id' | 'event' | 'body' | 'url'> & { secret: string },
  now: Date,
): Promise<AttemptResult> {
  let url: URL;
  try {
    url = new URL(delivery.url);
  } catch {
    return { statusCode: null, error: 'the webhook URL is not valid' };
  }
  // An IP literal is connected to without a lookup: checked here instead.
  if (isIP(url.hostname.replace(/^\[|\]$/g, ''))) {
    try {
      await checkHost(url.hostname, config.allowPrivate);
    } catch (error) {
      return { statusCode: null, error: (error as Error).message };
    }
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const done = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        lookup: guardedLookup(config.allowPrivate),
        // A fresh connection per attempt: the address check runs on every send.
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(delivery.body),
          'user-agent': 'Parley-Webhooks/1',
          'parley-delivery': delivery.id,
          'parley-event': delivery.event,
          'parley-signature': signatureHeader(delivery.secret, delivery.body, now),
        },
      },
      (response) => {
        // The status is the answer. The body is not read: the connection is closed at
        // once, so a receiver that streams without end (or a byte a second) holds
        // nothing here, neither a socket nor a share of the CPU.
        done({ statusCode: response.statusCode ?? null, error: null });
        response.on('error', () => {});
        request.destroy();
      },
    );
    const timer = setTimeout(() => {
      done({ statusCode: null, error: `no answer within ${config.timeoutMs} ms` });
      request.destroy();
    }, config.timeoutMs);
    request.on('error', (error) => {
      const refused =
        error instanceof RefusedAddressError ||
        (error as { code?: string }).code === 'EREFUSEDADDRESS';
      done({ statusCode: null, error: refused ? error.message : describe(error) });
    });
    request.end(delivery.body);
  });
}

function describe(error: Error & { code?: string }): string {
  return error.code ? `${error.code}: ${error.message}` : error.message;
}
