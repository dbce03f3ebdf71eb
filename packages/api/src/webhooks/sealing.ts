import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';

/**
 * Webhook signing secrets, sealed at rest. They cannot be hashed (every delivery is
 * signed with the secret itself), so they are encrypted with AES-256-GCM under a key
 * the database never holds (WEBHOOK_SECRETS_KEY, or the one generated in the data
 * folder): a dump of the database alone does not give them away.
 *
 * Stored form: `v1.<key id>.<iv>.<ciphertext>.<tag>`, parts in base64url.
 * - `v1` is the format, so another can be read alongside it later.
 * - The key id is a fingerprint of the key (not the key): a server with another key
 *   says so plainly instead of failing to decrypt, and a rotation can later keep old
 *   keys by id to open what they sealed while sealing with the new one.
 * - A random 12-byte IV per value; GCM's tag makes any change to the stored value fail.
 * - The webhook id is authenticated with it (additional data), so a sealed secret
 *   copied onto another webhook's row does not open there.
 */
const FORMAT = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;

/** The secret cannot be opened with this server's key: the attempt fails, the server goes on. */
export class SealingError extends Error {}

function checkKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES)
    throw new Error(`the webhook secrets key has ${key.length} bytes, expected ${KEY_BYTES}`);
}

/** The key's public fingerprint: 8 base64url characters of a SHA-256 over it. */
export function sealingKeyId(key: Uint8Array): string {
  checkKey(key);
  return createHash('sha256')
    .update('parley webhook secrets key id\0')
    .update(key)
    .digest()
    .subarray(0, 6)
    .toString('base64url');
}

export function sealSecret(key: Uint8Array, webhookId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(webhookId));
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [FORMAT, sealingKeyId(key), iv, sealed, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function openSecret(key: Uint8Array, webhookId: string, stored: string): string {
  const [format, keyId, iv, sealed, tag, ...rest] = stored.split('.');
  if (format !== FORMAT || !keyId || !iv || sealed === undefined || !tag || rest.length)
    throw new SealingError('the stored signing secret is not in a form this server reads');
  const own = sealingKeyId(key);
  if (keyId !== own)
    throw new SealingError(
      `the signing secret was sealed with key ${keyId}, this server's WEBHOOK_SECRETS_KEY is ${own}: every instance needs the key the secrets were sealed with`,
    );
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(webhookId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new SealingError('the stored signing secret does not open: it was altered or moved');
  }
}

/**
 * Seals the secrets stored in plaintext before migration 0019, at start-up: the server
 * has the key, migrations do not. Each row gets its sealed form and loses its plaintext
 * in one UPDATE, so a row is either done or not and a second run finds nothing to do.
 * Instances starting at once take turns on an advisory lock; the later one waits, then
 * finds the rows done. The plaintext column stays, NULL everywhere: this is the only
 * code that reads it, and a later migration may drop it once every deployment has
 * started a version with this step.
 *
 * Also counts secrets sealed with another key, so a server started with the wrong one
 * says so at once rather than only when a delivery fails.
 */
export async function sealPlaintextSecrets(
  sequelize: Sequelize,
  key: Uint8Array,
): Promise<{ sealed: number; otherKey: number }> {
  return sequelize.transaction(async (transaction) => {
    await sequelize.query("SELECT pg_advisory_xact_lock(hashtext('parley:webhook-secrets'))", {
      transaction,
    });
    const rows = await sequelize.query<{ id: string; secret: string }>(
      'SELECT id, secret FROM webhooks WHERE secret IS NOT NULL',
      { type: QueryTypes.SELECT, transaction },
    );
    if (rows.length) {
      await sequelize.query(
        `UPDATE webhooks w SET secret_sealed = s.sealed, secret = NULL
           FROM unnest($1::uuid[], $2::text[]) AS s (id, sealed)
          WHERE w.id = s.id AND w.secret IS NOT NULL`,
        {
          bind: [rows.map((r) => r.id), rows.map((r) => sealSecret(key, r.id, r.secret))],
          transaction,
        },
      );
    }
    const [other] = await sequelize.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhooks
        WHERE secret_sealed IS NOT NULL AND left(secret_sealed, length($1)) <> $1`,
      { bind: [`${FORMAT}.${sealingKeyId(key)}.`], type: QueryTypes.SELECT, transaction },
    );
    return { sealed: rows.length, otherKey: other?.n ?? 0 };
  });
}
