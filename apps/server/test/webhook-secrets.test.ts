import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifyWebhook } from '@parley/sdk';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv, redactedEnv } from '../src/env';
import { type Client, httpClient, signUp, startTestServer, type TestServer } from './harness';
import { type Receiver, startReceiver } from './receiver';

/**
 * Webhook signing secrets sealed at rest (AES-256-GCM): one database outlives several
 * servers, as a deployment's does across restarts. The key is the generated one in a
 * data folder the servers share, except where a test gives another on purpose.
 */
const WEBHOOK_ENV = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_BASE_MS: '60000',
  WEBHOOK_TIMEOUT_MS: '3000',
};

let db: TestDatabase;
let dataDir: string;
let receiver: Receiver;
let jwt: string;
let server: TestServer | undefined;
let userToken: string;
let webhookId: string;
let secret: string;

/** A server on the shared database and data folder (the generated key), or with `env`. */
const start = (env: Record<string, string> = {}) =>
  startTestServer({ db, env: { ...WEBHOOK_ENV, DATA_DIR: dataDir, JWT_SECRET: jwt, ...env } });

async function restart(env: Record<string, string> = {}): Promise<Client> {
  await server?.close();
  server = await start(env);
  return httpClient(server.url, userToken);
}

const storedRow = async () =>
  (
    await db.query<{ secret: string | null; secret_sealed: string | null; row: string }>(
      'SELECT secret, secret_sealed, row_to_json(w)::text AS row FROM webhooks w WHERE id = $1',
      [webhookId],
    )
  )[0]!;

async function pingReceived(client: Client) {
  const sent = await client.webhooks.test.mutate({ id: webhookId });
  const received = await receiver.waitFor((all) =>
    all.some((r) => r.headers['parley-delivery'] === sent.id),
  );
  return received.find((r) => r.headers['parley-delivery'] === sent.id)!;
}

beforeAll(async () => {
  db = await createTestDatabase('webhook-secrets');
  dataDir = await mkdtemp(path.join(tmpdir(), 'parley-shared-data-'));
  jwt = randomBytes(32).toString('hex');
  receiver = await startReceiver();
  server = await start();
  const user = await signUp(httpClient(server.url), 'sealed');
  userToken = user.accessToken;
  const created = await httpClient(server.url, userToken).webhooks.create.mutate({
    url: `${receiver.url}/sealed`,
    events: ['ping'],
  });
  webhookId = created.webhook.id;
  secret = created.secret;
}, 60_000);

afterAll(async () => {
  await server?.close();
  await receiver?.close();
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('webhook signing secrets at rest', () => {
  it('are stored sealed: the row holds no trace of the secret, the generated key is mode 600', async () => {
    expect(secret).toMatch(/^whsec_/);
    const row = await storedRow();
    expect(row.secret).toBeNull();
    expect(row.secret_sealed).toMatch(/^v1\.[\w-]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(row.row).not.toContain(secret);
    expect(row.row).not.toContain(secret.slice('whsec_'.length));
    const key = await stat(path.join(dataDir, 'webhook-secrets-key'));
    expect(key.mode & 0o777).toBe(0o600);
  });

  it('still sign deliveries after a restart with the same key (SDK verifyWebhook)', async () => {
    const client = await restart();
    const request = await pingReceived(client);
    const event = await verifyWebhook(secret, request.headers, request.rawBody);
    expect(event).toMatchObject({ type: 'ping', data: { webhookId } });
  });

  it('with another key: the attempt fails with a clear error, nothing is sent, the server goes on', async () => {
    const client = await restart({ WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64url') });
    const other = server!;
    expect(
      other.logs.some((l) => l.level === 50 && /sealed with another key/.test(String(l.msg))),
    ).toBe(true);
    const sent = await client.webhooks.test.mutate({ id: webhookId });
    let row: { status: string; attempts: number; last_error: string | null } | undefined;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      [row] = await db.query<{ status: string; attempts: number; last_error: string | null }>(
        'SELECT status, attempts, last_error FROM webhook_deliveries WHERE id = $1',
        [sent.id],
      );
      if (row && row.attempts > 0 && row.last_error) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // A failed attempt, to be retried (the right key may come back), not a crash.
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.last_error).toMatch(/sealed with key [\w-]{8}, this server's WEBHOOK_SECRETS_KEY/);
    expect(
      other.logs.some(
        (l) => l.level === 50 && l.deliveryId === sent.id && /webhook not sent/.test(String(l.msg)),
      ),
    ).toBe(true);
    expect(receiver.received.some((r) => r.headers['parley-delivery'] === sent.id)).toBe(false);
    const listed = await client.webhooks.deliveries.query({ webhookId, limit: 10 });
    expect(listed.items.find((d) => d.id === sent.id)).toMatchObject({ attempts: 1 });
    expect((await fetch(`${other.url}/healthz`)).status).toBe(200);
  });

  it('left in plaintext from before are sealed at start-up, once, by one of two instances starting together', async () => {
    await server?.close();
    server = undefined;
    // The row as it was before migration 0019.
    await db.query('UPDATE webhooks SET secret = $1, secret_sealed = NULL WHERE id = $2', [
      secret,
      webhookId,
    ]);
    const [a, b] = await Promise.all([start(), start()]);
    server = a;
    try {
      const row = await storedRow();
      expect(row.secret).toBeNull();
      expect(row.secret_sealed).toMatch(/^v1\./);
      expect(row.row).not.toContain(secret);
      const sealedLogs = [...a.logs, ...b.logs].filter((l) => l.msg === 'webhook secrets sealed');
      expect(sealedLogs.map((l) => l.sealed)).toEqual([1]);
      const request = await pingReceived(httpClient(a.url, userToken));
      await verifyWebhook(secret, request.headers, request.rawBody);
    } finally {
      await b.close();
    }
  });

  it('WEBHOOK_SECRETS_KEY must be 32 bytes of base64url and is never logged', () => {
    // Refused without being echoed: a mistyped real key is still a key.
    expect(() => parseEnv({ WEBHOOK_SECRETS_KEY: 'too-short' })).toThrow(
      /WEBHOOK_SECRETS_KEY \(value not shown\) expects 32 random bytes in base64url/,
    );
    expect(() => parseEnv({ WEBHOOK_SECRETS_KEY: 'too-short' })).not.toThrow(/too-short/);
    const key = randomBytes(32).toString('base64url');
    const env = parseEnv({ WEBHOOK_SECRETS_KEY: key });
    expect(env.WEBHOOK_SECRETS_KEY).toBe(key);
    expect(JSON.stringify(redactedEnv(env))).not.toContain(key);
  });
});
