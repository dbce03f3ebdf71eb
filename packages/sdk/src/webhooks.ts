/**
 * Checking that a webhook delivery came from Parley, with the Web Crypto API (Node 20+,
 * Deno, Bun, Workers and browsers alike).
 */
import type { WebhookEventType } from './generated/router';

/** The JSON body of a delivery. `data` depends on `type` (docs/integrations.md). */
export interface WebhookEvent<T = Record<string, unknown>> {
  /** The delivery id (also `Parley-Delivery`): the same on every retry, so deduplicate on it. */
  id: string;
  type: WebhookEventType;
  /** When the event happened, ISO 8601. */
  createdAt: string;
  data: T;
}

export type WebhookVerificationReason =
  | 'missing_signature'
  | 'malformed_signature'
  | 'stale_timestamp'
  | 'bad_signature'
  | 'malformed_body';

export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  constructor(
    readonly reason: WebhookVerificationReason,
    message: string,
  ) {
    super(message);
  }
}

/** Request headers as Node (`req.headers`), fetch (`Headers`) or a plain record give them. */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** How old (or how far ahead) the signed timestamp may be, in seconds. Default 300. */
  toleranceSeconds?: number;
  /** The time to judge against (tests). Default now. */
  now?: Date;
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function')
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : value;
}

function hexBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return null;
  const bytes = new Uint8Array(new ArrayBuffer(hex.length / 2));
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/**
 * Verifies a delivery and returns its parsed body. `rawBody` must be the bytes exactly
 * as received (parse JSON only afterwards). Throws WebhookVerificationError when the
 * `Parley-Signature` header is missing or wrong, or its timestamp is more than
 * `toleranceSeconds` away from now (a replayed delivery). Throws a TypeError when
 * `secret` is empty or missing (the receiver's configuration, not the delivery, is wrong).
 *
 * ```ts
 * const event = await verifyWebhook(process.env.PARLEY_WEBHOOK_SECRET, req.headers, rawBody);
 * ```
 */
export async function verifyWebhook<T = Record<string, unknown>>(
  secret: string,
  headers: WebhookHeaders,
  rawBody: string | Uint8Array,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent<T>> {
  // A receiver without its secret is misconfigured, not sent a bad delivery: a TypeError,
  // so it answers 500 and Parley retries, rather than refusing every delivery as forged.
  if (typeof secret !== 'string' || !secret.trim())
    throw new TypeError("verifyWebhook: no secret given (the webhook's whsec_... signing secret)");
  const signature = header(headers, 'parley-signature');
  if (!signature)
    throw new WebhookVerificationError('missing_signature', 'No Parley-Signature header');
  let timestamp: string | undefined;
  const candidates: Uint8Array<ArrayBuffer>[] = [];
  for (const part of signature.split(',')) {
    const at = part.indexOf('=');
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't') timestamp = value;
    else if (key === 'v1') {
      const bytes = hexBytes(value);
      if (bytes) candidates.push(bytes);
    }
  }
  if (!timestamp || !/^\d{1,15}$/.test(timestamp) || !candidates.length)
    throw new WebhookVerificationError(
      'malformed_signature',
      'Parley-Signature is not t=<seconds>,v1=<hex>',
    );
  const tolerance = options.toleranceSeconds ?? 300;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - Number(timestamp)) > tolerance)
    throw new WebhookVerificationError(
      'stale_timestamp',
      `The signature's timestamp is more than ${tolerance} s from now`,
    );
  const encoder = new TextEncoder();
  const body = typeof rawBody === 'string' ? encoder.encode(rawBody) : rawBody;
  const signed = new Uint8Array(timestamp.length + 1 + body.length);
  signed.set(encoder.encode(`${timestamp}.`));
  signed.set(body, timestamp.length + 1);
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  let valid = false;
  // crypto.subtle.verify compares in constant time.
  for (const candidate of candidates)
    if (await globalThis.crypto.subtle.verify('HMAC', key, candidate, signed)) valid = true;
  if (!valid)
    throw new WebhookVerificationError('bad_signature', 'The signature does not match the body');
  try {
    return JSON.parse(new TextDecoder().decode(body)) as WebhookEvent<T>;
  } catch {
    throw new WebhookVerificationError('malformed_body', 'The body is not JSON');
  }
}
