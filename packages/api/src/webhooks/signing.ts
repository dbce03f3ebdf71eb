import { createHmac } from 'node:crypto';
import { randomSecret } from '../auth/secrets';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** A new signing secret (`whsec_...`), shown to its owner once. */
export const newWebhookSecret = () => randomSecret(WEBHOOK_SECRET_PREFIX);

/**
 * `Parley-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. The
 * time is signed with the body, so a captured delivery cannot be replayed later.
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}
