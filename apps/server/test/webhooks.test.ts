import { randomBytes, randomUUID } from 'node:crypto';
import { verifyWebhook, WebhookVerificationError } from '@parley/sdk';
import { createTestDatabase } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  errorOf,
  httpClient,
  signUp,
  startTestServer,
  type TestServer,
} from './harness';
import { type Received, type Receiver, startReceiver } from './receiver';

/**
 * Webhooks end to end: a real Parley, a real receiver on another port, deliveries sent by
 * the job engine. Retries are quick here (from 300 ms), the contract's timings are the
 * defaults.
 */
const WEBHOOK_ENV = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_BASE_MS: '300',
  WEBHOOK_RETRY_MAX_MS: '1000',
  WEBHOOK_FAILING_AFTER: '3',
  WEBHOOK_TIMEOUT_MS: '2000',
};

let server: TestServer;
let receiver: Receiver;
let owner: Client;

beforeAll(async () => {
  [server, receiver] = await Promise.all([
    startTestServer({ label: 'webhooks', env: WEBHOOK_ENV }),
    startReceiver(),
  ]);
  const user = await signUp(httpClient(server.url), 'hooks');
  owner = httpClient(server.url, user.accessToken);
});
afterAll(async () => {
  await server?.close();
  await receiver?.close();
});

const deliveryId = (r: Received) => String(r.headers['parley-delivery']);
const at = (path: string) => `${receiver.url}${path}`;

async function hook(client: Client, path: string, events: string[]) {
  return client.webhooks.create.mutate({ url: at(path), events: events as never });
}

/** Waits until the delivery's status is `status` (the receiver's answer is recorded after it). */
async function deliveryBecomes(
  client: Client,
  webhookId: string,
  id: string,
  status: string,
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await client.webhooks.deliveries.query({ webhookId, limit: 100 });
    const found = page.items.find((d) => d.id === id);
    if (found?.status === status) return found;
    if (Date.now() > deadline)
      throw new Error(`delivery ${id} is ${found?.status ?? 'missing'}, not ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('managing webhooks', () => {
  it('creates with a secret shown once, lists, updates and deletes', async () => {
    const created = await hook(owner, '/manage', ['message.created', 'ping']);
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.webhook).toMatchObject({
      url: at('/manage'),
      events: ['message.created', 'ping'],
      enabled: true,
      failingSince: null,
      lastDeliveryAt: null,
    });
    const listed = await owner.webhooks.list.query();
    expect(listed.items.map((w) => w.id)).toContain(created.webhook.id);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    const updated = await owner.webhooks.update.mutate({
      id: created.webhook.id,
      events: ['handoff.requested'],
      enabled: false,
    });
    expect(updated).toMatchObject({ events: ['handoff.requested'], enabled: false });
    expect(await owner.webhooks.delete.mutate({ id: created.webhook.id })).toEqual({ ok: true });
    const gone = await errorOf(() => owner.webhooks.delete.mutate({ id: created.webhook.id }));
    expect(gone.data.code).toBe('NOT_FOUND');
  });

  it('refuses bad input naming the field', async () => {
    const ftp = await errorOf(() =>
      owner.webhooks.create.mutate({ url: 'ftp://example.com/x', events: ['ping'] }),
    );
    expect(ftp.data.fieldErrors?.url).toBeDefined();
    const none = await errorOf(() =>
      owner.webhooks.create.mutate({ url: at('/x'), events: [] as never }),
    );
    expect(none.data.fieldErrors?.events).toBeDefined();
    const unknown = await errorOf(() =>
      owner.webhooks.create.mutate({ url: at('/x'), events: ['listing.sold' as never] }),
    );
    expect(unknown.data.fieldErrors?.['events.0']).toBeDefined();
  });

  it("another person's webhook is NOT_FOUND, and an API key needs webhooks:write", async () => {
    const other = await signUp(httpClient(server.url), 'other');
    const otherClient = httpClient(server.url, other.accessToken);
    const { webhook } = await hook(owner, '/private', ['ping']);
    for (const call of [
      () => otherClient.webhooks.update.mutate({ id: webhook.id, enabled: false }),
      () => otherClient.webhooks.delete.mutate({ id: webhook.id }),
      () => otherClient.webhooks.test.mutate({ id: webhook.id }),
      () => otherClient.webhooks.deliveries.query({ webhookId: webhook.id }),
    ])
      expect((await errorOf(call)).data.code).toBe('NOT_FOUND');
    expect((await otherClient.webhooks.list.query()).items).toEqual([]);

    const without = await otherClient.auth.apiKeys.create.mutate({
      name: 'no hooks',
      scopes: ['conversations:read'],
    });
    const refused = await errorOf(() => httpClient(server.url, without.key).webhooks.list.query());
    expect(refused.data.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('webhooks:write');
    const withScope = await otherClient.auth.apiKeys.create.mutate({
      name: 'hooks',
      scopes: ['webhooks:write'],
    });
    const byKey = httpClient(server.url, withScope.key);
    const made = await hook(byKey, '/by-key', ['ping']);
    expect((await otherClient.webhooks.list.query()).items.map((w) => w.id)).toEqual([
      made.webhook.id,
    ]);
  });
});

describe('deliveries', () => {
  it('a ping is signed, verifies with the SDK, and carries a plain JSON body', async () => {
    const { webhook, secret } = await hook(owner, '/ping', ['ping']);
    const sent = await owner.webhooks.test.mutate({ id: webhook.id });
    expect(sent).toMatchObject({ webhookId: webhook.id, event: 'ping', status: 'pending' });
    const [request] = (
      await receiver.waitFor((all) => all.some((r) => deliveryId(r) === sent.id))
    ).filter((r) => deliveryId(r) === sent.id);
    expect(request!.path).toBe('/ping');
    expect(request!.headers['parley-event']).toBe('ping');
    expect(request!.headers['content-type']).toBe('application/json');
    const event = await verifyWebhook(secret, request!.headers, request!.rawBody);
    expect(event).toEqual({
      id: sent.id,
      type: 'ping',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: { webhookId: webhook.id },
    });
    // No superjson envelope: the body is the event itself.
    expect(JSON.parse(request!.rawBody)).not.toHaveProperty('json');
    // A wrong secret, a changed body and an old timestamp are all refused.
    await expect(verifyWebhook('whsec_wrong', request!.headers, request!.rawBody)).rejects.toThrow(
      WebhookVerificationError,
    );
    await expect(
      verifyWebhook(secret, request!.headers, request!.rawBody.replace('ping', 'pong')),
    ).rejects.toMatchObject({ reason: 'bad_signature' });
    await expect(
      verifyWebhook(secret, request!.headers, request!.rawBody, {
        now: new Date(Date.now() + 10 * 60_000),
      }),
    ).rejects.toMatchObject({ reason: 'stale_timestamp' });
    // No secret at all is the receiver's misconfiguration, not a forged delivery.
    for (const missing of ['', '  ', undefined as unknown as string]) {
      await expect(verifyWebhook(missing, request!.headers, request!.rawBody)).rejects.toThrow(
        new TypeError("verifyWebhook: no secret given (the webhook's whsec_... signing secret)"),
      );
    }
    const done = await deliveryBecomes(owner, webhook.id, sent.id, 'succeeded');
    expect(done).toMatchObject({ attempts: 1, lastStatusCode: 200, nextAttemptAt: null });
    const [listed] = (await owner.webhooks.list.query()).items.filter((w) => w.id === webhook.id);
    expect(listed!.lastDeliveryAt).toBeInstanceOf(Date);
  });

  it('a receiver answering 500 then 200 gets the same delivery id again, and it succeeds', async () => {
    const { webhook, secret } = await hook(owner, '/flaky', ['ping']);
    receiver.answers.push(500);
    const sent = await owner.webhooks.test.mutate({ id: webhook.id });
    const mine = (all: Received[]) => all.filter((r) => deliveryId(r) === sent.id);
    await receiver.waitFor((all) => mine(all).length >= 2);
    const [first, second] = mine(receiver.received);
    expect(first!.rawBody).toBe(second!.rawBody);
    // Each attempt is signed afresh (its timestamp is recent), over the same body.
    await verifyWebhook(secret, second!.headers, second!.rawBody);
    const done = await deliveryBecomes(owner, webhook.id, sent.id, 'succeeded');
    expect(done).toMatchObject({ attempts: 2, lastStatusCode: 200 });
  });

  it("message.created reaches the conversation owner's webhook, in order per conversation", async () => {
    const { webhook, secret } = await hook(owner, '/messages', ['message.created']);
    const { session, conversation } = await owner.sessions.create.mutate({});
    // The first delivery fails twice: the later ones must wait for it.
    receiver.answers.push(500, 500);
    const contents = ['flat in Girne', 'with a balcony', 'under 1000'];
    for (const content of contents)
      await owner.sessions.send.mutate({
        sessionId: session.id,
        content,
        clientMessageId: randomUUID(),
        wait: false,
      });
    const ours = () =>
      receiver.received.filter(
        (r) => r.path === '/messages' && r.body.data.conversationId === conversation.id,
      );
    const succeeded = () => ours().filter((r) => r.status === 200);
    // Each user message and each assistant reply is a message.created.
    await receiver.waitFor(() => succeeded().length >= 6);
    for (const request of ours()) await verifyWebhook(secret, request.headers, request.rawBody);
    // Nothing later was sent before the first one got through: every request, failed or
    // not, is in event order.
    const eventIds = ours().map((r) => Number(r.body.data.eventId));
    expect(eventIds).toEqual([...eventIds].sort((a, b) => a - b));
    expect(ours()[0]!.status).toBe(500);
    expect(deliveryId(ours()[1]!)).toBe(deliveryId(ours()[0]!));
    expect(new Set(succeeded().map(deliveryId)).size).toBe(succeeded().length);
    const userMessages = succeeded()
      .map((r) => r.body.data.message as { role: string; content: string })
      .filter((m) => m.role === 'user')
      .map((m) => m.content);
    expect(userMessages).toEqual(contents);
    expect(succeeded()[0]!.body).toMatchObject({
      type: 'message.created',
      data: { conversationId: conversation.id, message: { role: 'user' } },
    });
    // The last answer is recorded just after the receiver gave it.
    for (const request of succeeded())
      await deliveryBecomes(owner, webhook.id, deliveryId(request), 'succeeded');
  });

  it("alert.created reaches the searcher's webhook when a listing matches a saved search", async () => {
    const searcher = await signUp(httpClient(server.url), 'searcher');
    const client = httpClient(server.url, searcher.accessToken);
    const { secret } = await hook(client, '/alerts', ['alert.created']);
    await client.searches.create.mutate({ query: { location: 'Kyrenia', rentType: 'long_term' } });
    const agent = await signUp(httpClient(server.url), 'agent');
    await server.db.query(`UPDATE users SET role = 'agent' WHERE id = $1`, [agent.user.id]);
    const listing = await httpClient(server.url, agent.accessToken).listings.create.mutate({
      title: 'Harbour flat for the alert',
      description: 'Two bedrooms by the harbour.',
      location: 'Kyrenia',
      rentType: 'long_term',
      propertyType: 'apartment',
      bedrooms: 2,
      bathrooms: 1,
      areaSqm: 80,
      price: 900,
      currency: 'GBP',
      features: [],
    });
    const [request] = await receiver.waitFor((all) => all.some((r) => r.path === '/alerts'));
    const got = receiver.received.find((r) => r.path === '/alerts')!;
    const event = await verifyWebhook(secret, got.headers, got.rawBody);
    expect(event).toMatchObject({
      type: 'alert.created',
      data: { alert: { reason: 'new', listing: { id: listing.id } } },
    });
    expect(request).toBeDefined();
  });

  it("handoff.requested reaches the owner's webhook and an admin's, verified, once each", async () => {
    const { secret } = await hook(owner, '/handoff', ['handoff.requested']);
    const admin = await signUp(httpClient(server.url), 'admin');
    await server.db.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
    const adminClient = httpClient(server.url, admin.accessToken);
    const adminHook = await hook(adminClient, '/handoff-admin', ['handoff.requested']);
    const { session, conversation } = await owner.sessions.create.mutate({});
    await owner.sessions.requestAgent.mutate({ sessionId: session.id, reason: 'call me' });
    const of = (path: string) =>
      receiver.received.filter(
        (r) => r.path === path && r.body.data.conversationId === conversation.id,
      );
    await receiver.waitFor(() => of('/handoff').length > 0 && of('/handoff-admin').length > 0);
    const event = await verifyWebhook(
      secret,
      of('/handoff')[0]!.headers,
      of('/handoff')[0]!.rawBody,
    );
    expect(event).toMatchObject({
      type: 'handoff.requested',
      data: { conversationId: conversation.id },
    });
    await verifyWebhook(
      adminHook.secret,
      of('/handoff-admin')[0]!.headers,
      of('/handoff-admin')[0]!.rawBody,
    );
    expect(new Set(of('/handoff').map(deliveryId)).size).toBe(1);
  });

  it('never follows a redirect: a 3xx is a failed attempt', async () => {
    const { webhook } = await hook(owner, '/redirect', ['ping']);
    receiver.answers.push((res) => {
      res.statusCode = 302;
      res.setHeader('location', at('/redirected'));
      res.end();
    });
    const sent = await owner.webhooks.test.mutate({ id: webhook.id });
    // The retry (answered 200) comes back to the webhook's own URL.
    await receiver.waitFor((all) => all.filter((r) => deliveryId(r) === sent.id).length >= 2);
    const paths = receiver.received.filter((r) => deliveryId(r) === sent.id).map((r) => r.path);
    expect(paths).toEqual(['/redirect', '/redirect']);
    expect(receiver.received.some((r) => r.path === '/redirected')).toBe(false);
  });

  it('closes the connection once the status is in: a body that never ends holds nothing', async () => {
    const { webhook } = await hook(owner, '/endless', ['ping']);
    let closedAt = 0;
    let sentBytes = 0;
    receiver.answers.push((res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(64 * 1024);
      const pump = setInterval(() => {
        if (res.destroyed) return;
        res.write(chunk);
        sentBytes += chunk.length;
      }, 5);
      res.on('close', () => {
        clearInterval(pump);
        closedAt = Date.now();
      });
    });
    const sent = await owner.webhooks.test.mutate({ id: webhook.id });
    await deliveryBecomes(owner, webhook.id, sent.id, 'succeeded');
    for (let i = 0; i < 50 && !closedAt; i++) await new Promise((r) => setTimeout(r, 100));
    expect(closedAt).toBeGreaterThan(0);
    // Well under what five seconds of streaming would have pushed (about 60 MB).
    expect(sentBytes).toBeLessThan(8 * 1024 * 1024);
  });

  it('marks a webhook failing after repeated failures, and a success clears it', async () => {
    const { webhook } = await hook(owner, '/down', ['ping']);
    receiver.answers.push(503, 503, 503);
    const sent = await owner.webhooks.test.mutate({ id: webhook.id });
    await receiver.waitFor((all) => all.filter((r) => deliveryId(r) === sent.id).length >= 3);
    const failing = async () =>
      (await owner.webhooks.list.query()).items.find((w) => w.id === webhook.id)!.failingSince;
    // The third failure is recorded just after the receiver answered it.
    for (let i = 0; i < 50 && !(await failing()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await failing()).toBeInstanceOf(Date);
    await deliveryBecomes(owner, webhook.id, sent.id, 'succeeded');
    expect(await failing()).toBeNull();
  });

  it('redeliver sends a delivered event again with the same id', async () => {
    const { webhook } = await hook(owner, '/again', ['ping']);
    const sent = await owner.webhooks.test.mutate({ id: webhook.id });
    await deliveryBecomes(owner, webhook.id, sent.id, 'succeeded');
    const again = await owner.webhooks.redeliver.mutate({ deliveryId: sent.id });
    expect(again).toMatchObject({ id: sent.id, status: 'pending' });
    await receiver.waitFor((all) => all.filter((r) => deliveryId(r) === sent.id).length >= 2);
    await deliveryBecomes(owner, webhook.id, sent.id, 'succeeded');
  });
});

describe('addresses webhooks may not reach', () => {
  let strict: TestServer;
  let strictOwner: Client;
  beforeAll(async () => {
    strict = await startTestServer({
      label: 'webhooks-strict',
      env: { WEBHOOK_RETRY_BASE_MS: '60000' },
    });
    const user = await signUp(httpClient(strict.url), 'strict');
    strictOwner = httpClient(strict.url, user.accessToken);
  });
  afterAll(() => strict?.close());

  it('refuses loopback, private, link-local and metadata addresses when created', async () => {
    for (const url of [
      at('/x'),
      `http://localhost:${receiver.port}/x`,
      'http://[::1]/x',
      'http://10.1.2.3/x',
      'http://192.168.0.10/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::ffff:127.0.0.1]/x',
      'http://0.0.0.0/x',
    ]) {
      const error = await errorOf(() =>
        strictOwner.webhooks.create.mutate({ url, events: ['ping'] }),
      );
      expect(error.data.code, url).toBe('BAD_REQUEST');
      expect(error.data.fieldErrors?.url, url).toBeDefined();
    }
  });

  it('checks again when sending, against the address it connects to (DNS rebinding)', async () => {
    const created = await strictOwner.webhooks.create.mutate({
      url: 'http://93.184.215.14/hook',
      events: ['ping'],
    });
    // As if its name now resolved to this machine: the send must refuse it.
    await strict.db.query('UPDATE webhooks SET url = $1 WHERE id = $2', [
      `http://localhost:${receiver.port}/rebound`,
      created.webhook.id,
    ]);
    const sent = await strictOwner.webhooks.test.mutate({ id: created.webhook.id });
    const deadline = Date.now() + 15_000;
    let row: { attempts: number; last_error: string | null } | undefined;
    while (Date.now() < deadline) {
      [row] = await strict.db.query<{ attempts: number; last_error: string | null }>(
        'SELECT attempts, last_error FROM webhook_deliveries WHERE id = $1',
        [sent.id],
      );
      if (row && row.attempts > 0 && row.last_error) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(row?.last_error).toMatch(/private|loopback/);
    expect(receiver.received.some((r) => r.path === '/rebound')).toBe(false);
  });
});

describe('a restart of Parley mid-retry', () => {
  it('loses nothing: the new process delivers with the same id', async () => {
    // The database outlives both processes.
    const db = await createTestDatabase('webhooks-restart');
    const restartable = await startTestServer({
      db,
      env: {
        ...WEBHOOK_ENV,
        WEBHOOK_RETRY_BASE_MS: '1500',
        WEBHOOK_RETRY_MAX_MS: '1500',
        WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64url'),
      },
    });
    let second: TestServer | undefined;
    try {
      const user = await signUp(httpClient(restartable.url), 'restart');
      const client = httpClient(restartable.url, user.accessToken);
      const { webhook } = await hook(client, '/restart', ['ping']);
      receiver.answers.push(500);
      const sent = await client.webhooks.test.mutate({ id: webhook.id });
      await receiver.waitFor((all) => all.some((r) => deliveryId(r) === sent.id));
      // Stopped between two attempts: the retry is only in PostgreSQL now.
      await restartable.close();
      second = await startTestServer({
        env: {
          ...WEBHOOK_ENV,
          JWT_SECRET: restartable.env.JWT_SECRET!,
          WEBHOOK_SECRETS_KEY: restartable.env.WEBHOOK_SECRETS_KEY!,
        },
        db,
      });
      const again = httpClient(second.url, user.accessToken);
      await deliveryBecomes(again, webhook.id, sent.id, 'succeeded');
      const requests = receiver.received.filter((r) => deliveryId(r) === sent.id);
      expect(requests.length).toBe(2);
      expect(requests[1]!.rawBody).toBe(requests[0]!.rawBody);
    } finally {
      await second?.close();
      await restartable.close();
      await db.drop();
    }
  });
});
