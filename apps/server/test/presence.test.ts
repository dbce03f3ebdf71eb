import type { SessionEvent } from '@parley/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { recordEvents, recordInboxEvents } from './events';
import { httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

/**
 * Whether an agent is online, as a customer asking for a person is told, against two
 * instances on one database and Redis: an agent who closes their last inbox socket is
 * offline at once, not after the presence TTL (15 s), while one still watching from
 * another socket (a second tab, on the other instance) keeps the inbox online.
 */
let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startTestServer({ label: 'presence' });
  b = await startTestServer({
    db: a.db,
    env: { REDIS_KEY_PREFIX: a.env.REDIS_KEY_PREFIX!, JWT_SECRET: a.env.JWT_SECRET! },
  });
}, 120_000);
afterAll(async () => {
  await b?.close();
  await a?.close();
});

/** A new customer asks for a person on instance `a`: what `handoff.requested` tells them. */
async function agentsOnlineSaid(): Promise<boolean | undefined> {
  const customer = await signUp(httpClient(a.url), 'customer');
  const client = httpClient(a.url, customer.accessToken);
  const { session } = await client.sessions.create.mutate({});
  const stream = recordEvents(client, session.id);
  try {
    await stream.started();
    await client.sessions.requestAgent.mutate({ sessionId: session.id });
    await stream.until(() => stream.received.some((r) => r.event.type === 'handoff.requested'));
    const requested = stream.received.find((r) => r.event.type === 'handoff.requested')!
      .event as Extract<SessionEvent, { type: 'handoff.requested' }>;
    return requested.agentsOnline;
  } finally {
    stream.stop();
  }
}

describe('agent presence', () => {
  it('stays online while another socket watches, goes offline at once when the last one closes', async () => {
    const agent = await signUp(httpClient(a.url), 'agent');
    await a.db.query("UPDATE users SET role = 'agent' WHERE id = $1", [agent.user.id]);
    expect(await agentsOnlineSaid()).toBe(false);

    const tabOnA = wsClient(a.url, agent.accessToken);
    const tabOnB = wsClient(b.url, agent.accessToken);
    const watchingOnA = recordInboxEvents(tabOnA.client);
    const watchingOnB = recordInboxEvents(tabOnB.client);
    try {
      await watchingOnA.started();
      await watchingOnB.started();
      expect(await agentsOnlineSaid()).toBe(true);

      // One tab closed (the one on the instance the customer asks on): the other still watches.
      tabOnA.close();
      await pause(300);
      expect(await agentsOnlineSaid()).toBe(true);

      // The last tab closed: offline well before the presence TTL would lapse.
      const closedAt = Date.now();
      tabOnB.close();
      await expect.poll(agentsOnlineSaid, { timeout: 3_000, interval: 200 }).toBe(false);
      expect(Date.now() - closedAt).toBeLessThan(5_000);
    } finally {
      watchingOnA.stop();
      watchingOnB.stop();
      tabOnA.close();
      tabOnB.close();
    }
  });

  it('goes offline at once when the tab drops its socket without a close (SSE, a torn-down WebSocket)', async () => {
    const agent = await signUp(httpClient(a.url), 'agent');
    await a.db.query("UPDATE users SET role = 'agent' WHERE id = $1", [agent.user.id]);
    const sse = recordInboxEvents(httpClient(b.url, agent.accessToken));
    await sse.started();
    expect(await agentsOnlineSaid()).toBe(true);
    sse.stop();
    await expect.poll(agentsOnlineSaid, { timeout: 3_000, interval: 200 }).toBe(false);

    const raw = await rawInboxSocket(b.url, agent.accessToken);
    expect(await agentsOnlineSaid()).toBe(true);
    raw.terminate();
    await expect.poll(agentsOnlineSaid, { timeout: 3_000, interval: 200 }).toBe(false);
  });
});

/** An agent's inbox stream over a bare WebSocket, speaking tRPC's messages itself. */
async function rawInboxSocket(url: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/trpc?connectionParams=1`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const started = new Promise<void>((resolve, reject) =>
    ws.on('message', (m) => {
      const text = String(m);
      if (text.includes('"started"')) resolve();
      else if (text.includes('"error"')) reject(new Error(text));
    }),
  );
  ws.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
  ws.send(
    JSON.stringify({
      id: 1,
      method: 'subscription',
      params: { path: 'inbox.events', input: { json: { lastEventId: null } } },
    }),
  );
  await started;
  return ws;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
