import { appRouter, createCallerFactory, createContextFactory, credentialFrom } from '@parley/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * `inbox.events` listens before tRPC reports it started: tRPC sends "started" once the
 * procedure has returned its stream, and the stream subscribes, counts its agent online and
 * fixes "now" before returning. So an agent console that reads its lists when the stream
 * has started misses nothing, however slow the server is to take the stream's first step.
 * The router is called in process here to stand exactly at that moment: after the
 * procedure returned, before the stream's first step.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ label: 'inbox_started' });
});
afterAll(() => server?.close());

describe('inbox.events once started', () => {
  it('is already listening and counts the agent online, before its first step', async () => {
    const agent = await signUp(httpClient(server.url), 'started-agent');
    await server.db.query("UPDATE users SET role = 'agent' WHERE id = $1", [agent.user.id]);
    const { services } = server.parley;
    const caller = createCallerFactory(appRouter)(
      createContextFactory(services)({
        transport: 'internal',
        credential: credentialFrom(agent.accessToken),
      }),
    );
    const stream = (await caller.inbox.events({}))[Symbol.asyncIterator]();
    try {
      expect(await services.infra.presence.any('inbox')).toBe(true);

      // A person asks for an agent now, before the stream has taken a single step.
      const customer = await signUp(httpClient(server.url), 'started-customer');
      const http = httpClient(server.url, customer.accessToken);
      const { session } = await http.sessions.create.mutate({});
      await http.sessions.requestAgent.mutate({ sessionId: session.id });

      const first = await stream.next();
      expect(first.done).toBe(false);
      // In process a tracked event is tRPC's tuple: [id, data, marker].
      const [, event] = first.value as unknown as [string, unknown];
      expect(event).toMatchObject({
        type: 'handoff.requested',
        conversationId: session.conversationId,
      });
    } finally {
      await stream.return?.();
    }
    // Ended: the agent no longer counts as online.
    await expect.poll(() => services.infra.presence.any('inbox')).toBe(false);
  });
});
