import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp, startTestServer, type TestServer } from './harness';
import { type Received, type Receiver, startReceiver } from './receiver';

/**
 * Two Parley instances on one database share the job engine: every delivery is sent by
 * whichever instance locks its job, never by both at once, and a delivery id is delivered
 * (answered 2xx) exactly once even when retries move it from one instance to the other.
 */
const WEBHOOK_ENV = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_BASE_MS: '200',
  WEBHOOK_RETRY_MAX_MS: '400',
  WEBHOOK_FAILING_AFTER: '50',
  WEBHOOK_TIMEOUT_MS: '3000',
};

let db: TestDatabase;
let first: TestServer;
let second: TestServer;
let receiver: Receiver;

beforeAll(async () => {
  db = await createTestDatabase('webhooks-two');
  // One deployment: the same JWT key and the same key sealing webhook secrets.
  const env = {
    ...WEBHOOK_ENV,
    JWT_SECRET: randomBytes(32).toString('hex'),
    WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64url'),
  };
  first = await startTestServer({ db, env });
  second = await startTestServer({ db, env });
  receiver = await startReceiver();
}, 60_000);

afterAll(async () => {
  await first?.close();
  await second?.close();
  await receiver?.close();
  await db?.drop();
});

describe('webhook deliveries with two instances', () => {
  it('never sends one delivery twice at once, and each id succeeds once, in order per conversation', async () => {
    const user = await signUp(httpClient(first.url), 'two-hooks');
    const viaFirst = httpClient(first.url, user.accessToken);
    const viaSecond = httpClient(second.url, user.accessToken);
    await viaFirst.webhooks.create.mutate({
      url: `${receiver.url}/two`,
      events: ['message.created'],
    });

    // Each request is answered slowly, so two senders of one delivery would overlap; every
    // third request fails, so retries are picked up by whichever instance is free.
    const inFlight = new Map<string, number>();
    const answered: { id: string; status: number; conversationId: string; eventId: number }[] = [];
    let overlaps = 0;
    let count = 0;
    receiver.fallback = (res, request: Received) => {
      const id = String(request.headers['parley-delivery']);
      const open = (inFlight.get(id) ?? 0) + 1;
      inFlight.set(id, open);
      if (open > 1) overlaps++;
      const status = ++count % 3 === 0 ? 500 : 200;
      setTimeout(() => {
        inFlight.set(id, (inFlight.get(id) ?? 1) - 1);
        res.statusCode = status;
        res.end('ok');
        answered.push({
          id,
          status,
          conversationId: String(request.body.data.conversationId),
          eventId: Number(request.body.data.eventId),
        });
      }, 120);
    };

    const conversations: string[] = [];
    const contents = ['flat in Girne', 'with a pool', 'under 1500'];
    await Promise.all(
      [viaFirst, viaSecond, viaFirst, viaSecond].map(async (client) => {
        const { session, conversation } = await client.sessions.create.mutate({});
        conversations.push(conversation.id);
        for (const content of contents)
          await client.sessions.send.mutate({
            sessionId: session.id,
            content,
            clientMessageId: randomUUID(),
            wait: false,
          });
      }),
    );

    // Each user message and each assistant reply is one message.created: 6 per conversation.
    const expected = conversations.length * contents.length * 2;
    const succeeded = () => answered.filter((a) => a.status === 200);
    const deadline = Date.now() + 60_000;
    while (succeeded().length < expected && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    // Let any duplicate that was on its way arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(overlaps).toBe(0);
    const ids = succeeded().map((a) => a.id);
    expect(ids).toHaveLength(expected);
    expect(new Set(ids).size).toBe(expected);
    expect(answered.some((a) => a.status === 500)).toBe(true);
    for (const conversationId of conversations) {
      // Every attempt, failed or not, in event order: a later event waits for an earlier one.
      const ours = answered.filter((a) => a.conversationId === conversationId);
      const eventIds = ours.map((a) => a.eventId);
      expect(eventIds).toEqual([...eventIds].sort((a, b) => a - b));
      expect(ours.filter((a) => a.status === 200)).toHaveLength(contents.length * 2);
    }
  });
});
