import type { InboxEvent } from '@parley/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordInboxEvents } from './events';
import { httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

/**
 * The inbox's events are pruned by a cron task of the job engine: events older than the
 * retention (24 hours) go, recent ones stay, and a stream asked to resume from before
 * the pruned ones answers BAD_REQUEST (it cannot resume there) instead of skipping them.
 * Events are aged by rewriting their time in the database; the task runs as the cron
 * tick would run it, as a job of the engine.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ label: 'inbox_pruning', env: { SEED_DEMO_LISTINGS: '0' } });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

async function waitingCustomer(label: string) {
  const user = await signUp(httpClient(server.url), label);
  const client = httpClient(server.url, user.accessToken);
  const { session, conversation } = await client.sessions.create.mutate({});
  await client.sessions.requestAgent.mutate({ sessionId: session.id });
  return conversation.id;
}

async function until(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('pruning the inbox events', () => {
  it('is scheduled on the job engine', async () => {
    await until(async () => {
      const rows = await server.db.query(
        "SELECT 1 FROM graphile_worker._private_known_crontabs WHERE identifier = 'inbox.prune'",
      );
      return rows.length === 1;
    });
  });

  it('drops events past the retention, keeps recent ones, and refuses to resume from before them', async () => {
    const staff = await signUp(httpClient(server.url), 'pruning-agent');
    await server.db.query("UPDATE users SET role = 'agent' WHERE id = $1", [staff.user.id]);
    const old1 = await waitingCustomer('old-1');
    const old2 = await waitingCustomer('old-2');
    const recent = await waitingCustomer('recent');
    const ids = async () =>
      server.db.query<{ seq: string; conversation_id: string }>(
        'SELECT seq, conversation_id FROM inbox_events ORDER BY seq',
      );
    const before = await ids();
    const seqOf = (conversationId: string) =>
      before.filter((r) => r.conversation_id === conversationId).map((r) => Number(r.seq));
    expect(seqOf(recent).length).toBeGreaterThan(0);
    const lastOld = Math.max(...seqOf(old2));

    // Two conversations' events are a day and an hour old; a third's are 23 hours old.
    await server.db.query(
      "UPDATE inbox_events SET created_at = now() - interval '25 hours' WHERE conversation_id = ANY($1)",
      [[old1, old2]],
    );
    await server.db.query(
      "UPDATE inbox_events SET created_at = now() - interval '23 hours' WHERE conversation_id = $1",
      [recent],
    );
    await server.db.query("SELECT graphile_worker.add_job('inbox.prune', '{}'::json)");
    await until(async () => (await ids()).every((r) => r.conversation_id === recent));
    expect((await ids()).map((r) => Number(r.seq))).toEqual(seqOf(recent));
    const [state] = await server.db.query<{ pruned_seq: string }>(
      'SELECT pruned_seq FROM inbox_state',
    );
    expect(Number(state!.pruned_seq)).toBe(lastOld);
    expect(server.logs.some((l) => l.msg === 'inbox events pruned')).toBe(true);

    const socket = wsClient(server.url, staff.accessToken);
    try {
      // From before the pruned events: BAD_REQUEST, naming the retention.
      for (const from of ['0', String(lastOld - 1)]) {
        const stale = recordInboxEvents(socket.client, from);
        await stale.until(() => stale.errors.length > 0);
        const error = stale.errors[0] as { message: string; data: { code: string } };
        expect(error.data.code).toBe('BAD_REQUEST');
        expect(error.message).toMatch(/lastEventId: is older than the inbox keeps \(24 hours\)/);
        expect(stale.received).toEqual([]);
        stale.stop();
      }
      // From the last pruned event on: every recent event, exactly once.
      const fresh = recordInboxEvents(socket.client, String(lastOld));
      await fresh.until(() => fresh.received.length === seqOf(recent).length);
      expect(fresh.received.map((r) => Number(r.id))).toEqual(seqOf(recent));
      expect(
        fresh.received.every((r) => (r.event as unknown as InboxEvent).conversationId === recent),
      ).toBe(true);
      expect(fresh.errors).toEqual([]);
      fresh.stop();
      // Past the inbox's latest event: an id no stream sent, refused rather than a silent skip.
      const ahead = recordInboxEvents(socket.client, String(Math.max(...seqOf(recent)) + 1));
      await ahead.until(() => ahead.errors.length > 0);
      expect(ahead.errors[0]).toMatchObject({ data: { code: 'BAD_REQUEST' } });
      ahead.stop();
    } finally {
      await socket.close();
    }

    // A second run finds nothing more to prune; the recent events stay.
    await server.db.query("SELECT graphile_worker.add_job('inbox.prune', '{}'::json)");
    await until(
      async () =>
        (
          await server.db.query(
            "SELECT 1 FROM graphile_worker.jobs WHERE task_identifier = 'inbox.prune'",
          )
        ).length === 0,
    );
    expect((await ids()).map((r) => Number(r.seq))).toEqual(seqOf(recent));
  });
});
