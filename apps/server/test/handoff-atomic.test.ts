import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * When the assistant itself hears "I want a person", its reply (which says an agent is
 * coming) and the hand-off request commit together or not at all. The fault is real:
 * PostgreSQL refuses the inbox event, the last write of that transaction, through a
 * trigger installed for the test.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ label: 'handoff_atomic', env: { SEED_DEMO_LISTINGS: '20' } });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const REFUSE = `
  CREATE FUNCTION refuse_inbox_event() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'injected fault: inbox event refused'; END $$;
  CREATE TRIGGER refuse_inbox_event BEFORE INSERT ON inbox_events
    FOR EACH ROW EXECUTE FUNCTION refuse_inbox_event();`;
const ALLOW = `
  DROP TRIGGER refuse_inbox_event ON inbox_events;
  DROP FUNCTION refuse_inbox_event();`;

async function stored(conversationId: string) {
  const [conversation] = await server.db.query<{ mode: string; handoff_requested_at: Date }>(
    'SELECT mode, handoff_requested_at FROM conversations WHERE id = $1',
    [conversationId],
  );
  const replies = await server.db.query(
    "SELECT id FROM messages WHERE conversation_id = $1 AND role = 'assistant'",
    [conversationId],
  );
  const events = await server.db.query<{ seq: string; type: string; created_at: Date }>(
    'SELECT seq, type, created_at FROM conversation_events WHERE conversation_id = $1 ORDER BY seq',
    [conversationId],
  );
  const inbox = await server.db.query<{ type: string; created_at: Date }>(
    'SELECT type, created_at FROM inbox_events WHERE conversation_id = $1 ORDER BY seq',
    [conversationId],
  );
  return { conversation: conversation!, replies, events, inbox };
}

describe('the reply that promises an agent and the hand-off request', () => {
  it('leave neither when the transaction fails between them, and both when it commits', async () => {
    const user = await signUp(httpClient(server.url), 'atomic');
    const client = httpClient(server.url, user.accessToken);
    const { session, conversation } = await client.sessions.create.mutate({});

    await server.db.query(REFUSE);
    let sent: Awaited<ReturnType<typeof client.sessions.send.mutate>>;
    try {
      sent = await client.sessions.send.mutate({
        sessionId: session.id,
        content: 'I want to talk to a human agent',
        clientMessageId: randomUUID(),
      });
    } finally {
      await server.db.query(ALLOW);
    }
    // The run fails (to be retried) rather than hang: nothing of its answer was kept.
    expect(sent.run).toMatchObject({ status: 'failed', error: { code: 'assistant_failed' } });
    expect(sent.assistantMessage).toBeNull();
    const failed = await stored(conversation.id);
    expect(failed.conversation).toMatchObject({ mode: 'assistant', handoff_requested_at: null });
    expect(failed.replies).toEqual([]);
    expect(failed.inbox).toEqual([]);
    const types = failed.events.map((e) => e.type);
    expect(types).not.toContain('assistant.completed');
    expect(types).not.toContain('handoff.requested');
    expect(types.at(-1)).toBe('run.failed');
    expect(server.logs.some((l) => l.msg === 'could not store a reply')).toBe(true);

    // Retried with PostgreSQL accepting it: the reply and the request, in one commit.
    const retried = await client.sessions.retry.mutate({
      sessionId: session.id,
      messageId: sent.userMessage.id,
      clientMessageId: randomUUID(),
    });
    expect(retried.run?.status).toBe('completed');
    expect(retried.reply!.responseText).toMatch(/No agent is online right now/);
    const done = await stored(conversation.id);
    expect(done.conversation.mode).toBe('waiting');
    expect(done.replies).toHaveLength(1);
    const completed = done.events.findIndex((e) => e.type === 'assistant.completed');
    const requested = done.events[completed + 1]!;
    expect(requested.type).toBe('handoff.requested');
    // now() is the transaction's start: one value for every write of one transaction.
    expect(requested.created_at).toEqual(done.events[completed]!.created_at);
    expect(done.inbox).toEqual([
      { type: 'handoff.requested', created_at: done.events[completed]!.created_at },
    ]);
    expect((await client.conversations.get.query({ id: conversation.id })).mode).toBe('waiting');
  });
});
