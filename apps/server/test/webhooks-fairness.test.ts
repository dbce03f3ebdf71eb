import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, httpClient, signUp, startTestServer, type TestServer } from './harness';
import { type Receiver, startReceiver } from './receiver';

/**
 * One owner's receivers that take the connection and never answer must not hold up
 * anyone else's deliveries, nor the platform's own background work: deliveries have a
 * lane of the job engine to themselves, and each owner at most two of its slots.
 */
const TIMEOUT_MS = 8_000;
let server: TestServer;
let receiver: Receiver;
let tarpit: Server;
let tarpitUrl: string;
const held = new Set<Socket>();
let mostHeld = 0;

beforeAll(async () => {
  tarpit = createServer((socket) => {
    held.add(socket);
    mostHeld = Math.max(mostHeld, held.size);
    socket.on('close', () => held.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => tarpit.listen(0, '127.0.0.1', resolve));
  const address = tarpit.address();
  tarpitUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  [server, receiver] = await Promise.all([
    startTestServer({
      label: 'webhooks_fairness',
      env: {
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
        WEBHOOK_CONCURRENCY: '4',
        RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '1000',
      },
    }),
    startReceiver(),
  ]);
}, 120_000);
afterAll(async () => {
  for (const socket of held) socket.destroy();
  await server?.close();
  await receiver?.close();
  await new Promise((resolve) => tarpit?.close(resolve));
});

async function person(label: string): Promise<Client> {
  const signed = await signUp(httpClient(server.url), label);
  return httpClient(server.url, signed.accessToken);
}

describe('deliveries to receivers that never answer', () => {
  it("hold at most two of the lane's slots per owner: another owner's ping arrives at once", async () => {
    const stalling = await person('stalling-owner');
    for (let i = 0; i < 3; i++) {
      await stalling.webhooks.create.mutate({ url: tarpitUrl, events: ['message.created'] });
    }
    // Ten conversations: ten lines of deliveries to each receiver, more than the lane has.
    for (let i = 0; i < 10; i++) {
      const { session } = await stalling.sessions.create.mutate({});
      await stalling.sessions.send.mutate({
        sessionId: session.id,
        content: 'villa in Girne',
        clientMessageId: randomUUID(),
        wait: false,
      });
    }
    await expect.poll(() => held.size, { timeout: 10_000 }).toBeGreaterThan(0);

    const other = await person('healthy-owner');
    const { webhook } = await other.webhooks.create.mutate({
      url: `${receiver.url}/healthy`,
      events: ['ping'],
    });
    const asked = Date.now();
    await other.webhooks.test.mutate({ id: webhook.id });
    const [ping] = await receiver.waitFor(
      (got) => got.some((r) => r.path === '/healthy'),
      TIMEOUT_MS - 1_000,
    );
    // Sooner than one stalled send could time out and free a slot.
    expect(ping!.at - asked).toBeLessThan(TIMEOUT_MS / 2);
    expect(mostHeld).toBeLessThanOrEqual(2);
  });
});
