import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp, startTestServer, type TestServer } from './harness';
import { type Receiver, startReceiver } from './receiver';

/**
 * One owner's receivers that never answer hold at most their share of the senders
 * (`WEBHOOK_SENDS_PER_OWNER`): another owner's delivery goes out at once, and every one
 * of the slow owner's deliveries is still tried, in turn.
 */
let server: TestServer;
let receiver: Receiver;

beforeAll(async () => {
  [server, receiver] = await Promise.all([
    startTestServer({
      label: 'webhooks-share',
      env: {
        SEED_DEMO_LISTINGS: '0',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_TIMEOUT_MS: '2000',
        WEBHOOK_RETRY_BASE_MS: '60000',
        WEBHOOK_CONCURRENCY: '4',
        WEBHOOK_SENDS_PER_OWNER: '2',
      },
    }),
    startReceiver(),
  ]);
});
afterAll(async () => {
  await server?.close();
  await receiver?.close();
});

describe("each owner's share of the senders", () => {
  it("keeps one owner's stalled receivers from delaying another owner's delivery", async () => {
    let open = 0;
    let mostOpen = 0;
    const quickAt: number[] = [];
    receiver.fallback = (res, request) => {
      if (request.path.startsWith('/tarpit')) {
        open += 1;
        mostOpen = Math.max(mostOpen, open);
        res.on('close', () => {
          open -= 1;
        });
        return; // never answered: Parley gives up after its timeout
      }
      quickAt.push(Date.now());
      res.end();
    };
    const slow = httpClient(server.url, (await signUp(httpClient(server.url), 'slow')).accessToken);
    const other = httpClient(
      server.url,
      (await signUp(httpClient(server.url), 'other')).accessToken,
    );
    const stalled: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { webhook } = await slow.webhooks.create.mutate({
        url: `${receiver.url}/tarpit/${i}`,
        events: ['ping'],
      });
      stalled.push((await slow.webhooks.test.mutate({ id: webhook.id })).id);
    }
    await receiver.waitFor((all) => all.filter((r) => r.path.startsWith('/tarpit')).length >= 2);

    const { webhook } = await other.webhooks.create.mutate({
      url: `${receiver.url}/quick`,
      events: ['ping'],
    });
    const sentAt = Date.now();
    await other.webhooks.test.mutate({ id: webhook.id });
    await receiver.waitFor((all) => all.some((r) => r.path === '/quick'), 10_000);
    // The stalled sends take 2 s each; the other owner's went out beside them.
    expect(quickAt[0]! - sentAt).toBeLessThan(1_500);

    // Every stalled delivery is tried, in turn, never more than two at once.
    await receiver.waitFor(
      (all) =>
        new Set(
          all
            .filter((r) => r.path.startsWith('/tarpit'))
            .map((r) => String(r.headers['parley-delivery'])),
        ).size === 6,
      20_000,
    );
    expect(mostOpen).toBeLessThanOrEqual(2);
    const parked = await server.db.query('SELECT id FROM webhook_deliveries WHERE parked');
    expect(parked).toHaveLength(0);
  });
});
