import { type Migration, run } from './types';

/**
 * Webhook signing secrets sealed at rest (AES-256-GCM, see the api's webhooks/sealing.ts).
 * A migration has no key, so it cannot seal: it only adds `secret_sealed` and lets
 * `secret` be NULL. The server seals the plaintext rows at start-up, clearing `secret`
 * in the same UPDATE, and never writes or reads it otherwise; the column is left (NULL)
 * for a later migration to drop.
 *
 * Down puts no plaintext back (it would need the key): it fails while any row holds
 * only a sealed secret.
 */
export const webhookSecretsSealed: Migration = {
  name: '0019_webhook_secrets_sealed',
  up: (db) =>
    run(db, [
      'ALTER TABLE webhooks ADD COLUMN secret_sealed text',
      'ALTER TABLE webhooks ALTER COLUMN secret DROP NOT NULL',
    ]),
  down: (db) =>
    run(db, [
      'ALTER TABLE webhooks ALTER COLUMN secret SET NOT NULL',
      'ALTER TABLE webhooks DROP COLUMN secret_sealed',
    ]),
};
