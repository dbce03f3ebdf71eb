import { randomUUID } from 'node:crypto';
import { sendTextSlowly, startFakeOpenAi } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEvents } from './events';
import { errorOf, httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

/**
 * A turn is a message plus a run. The message is stored and broadcast at once; the run is
 * the assistant's work, which can be stopped (its model stream is aborted and the partial
 * text kept as `interrupted`), retried and listed. The model is a local server speaking
 * the chat-completions streaming protocol: the first request of each test writes slowly.
 */
const SLOW = Array.from({ length: 60 }, (_, i) => `piece${i} `);
let slowNext = false;
let closedEarly = 0;
let model: Awaited<ReturnType<typeof startFakeOpenAi>>;
let server: TestServer;

beforeAll(async () => {
  model = await startFakeOpenAi(async (_request, res) => {
    if (!slowNext) return sendTextSlowly(res, ['Here ', 'you ', 'are.'], 5);
    slowNext = false;
    let finished = false;
    res.on('close', () => {
      if (!finished) closedEarly += 1;
    });
    await sendTextSlowly(res, SLOW, 50).catch(() => {});
    finished = true;
  });
  server = await startTestServer({
    label: 'runs',
    env: { ASSISTANT_PROVIDER: 'openai', OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: 'sk-x' },
  });
});
afterAll(async () => {
  await server?.close();
  await model?.close();
});

async function setup(label: string) {
  const user = await signUp(httpClient(server.url), label);
  const http = httpClient(server.url, user.accessToken);
  const created = await http.sessions.create.mutate({});
  return { user, http, session: created.session, token: user.accessToken };
}

describe('runs', () => {
  it('wait:false answers once the message is stored; every tab sees it with its clientMessageId', async () => {
    const { http, session, token } = await setup('runs-nowait');
    const other = await http.sessions.create.mutate({ conversationId: session.conversationId });
    const socket = wsClient(server.url, token);
    try {
      const tab = recordEvents(socket.client, other.session.id);
      await tab.started();
      const clientMessageId = randomUUID();
      const sent = await http.sessions.send.mutate({
        sessionId: session.id,
        content: 'hello',
        clientMessageId,
        wait: false,
      });
      expect(sent.userMessage).toMatchObject({ content: 'hello', clientMessageId });
      expect(sent.assistantMessage).toBeNull();
      expect(sent.reply).toBeNull();
      expect(['queued', 'running', 'completed']).toContain(sent.run!.status);
      await tab.until(() => tab.received.some((r) => r.event.type === 'assistant.completed'));
      const types = tab.durable().map((r) => r.event.type);
      expect(types).toEqual(['message.created', 'run.started', 'assistant.completed']);
      expect(tab.durable()[0]!.event).toMatchObject({ message: { clientMessageId } });
      const completed = tab.durable()[2]!.event;
      expect(completed).toMatchObject({
        run: { id: sent.run!.id, status: 'completed', userMessageId: sent.userMessage.id },
        message: { replyToId: sent.userMessage.id, content: 'Here you are.' },
      });
      // The repeat of a send returns the same message and run, now finished.
      const again = await http.sessions.send.mutate({
        sessionId: session.id,
        content: 'hello',
        clientMessageId,
      });
      expect(again.userMessage.id).toBe(sent.userMessage.id);
      expect(again.run).toMatchObject({ id: sent.run!.id, status: 'completed' });
      expect(again.reply?.responseText).toBe('Here you are.');
      tab.stop();
    } finally {
      await socket.close();
    }
  });

  it('cancelRun stops the model stream at once and keeps the partial text as interrupted; retry answers again', async () => {
    const { http, session, token } = await setup('runs-cancel');
    const socket = wsClient(server.url, token);
    try {
      const tab = recordEvents(socket.client, session.id);
      await tab.started();
      slowNext = true;
      const closedBefore = closedEarly;
      const sent = await http.sessions.send.mutate({
        sessionId: session.id,
        content: 'write a long answer',
        clientMessageId: randomUUID(),
        wait: false,
      });
      await tab.until(
        () => tab.received.filter((r) => r.event.type === 'assistant.delta').length >= 3,
      );
      const started = performance.now();
      const cancelled = await http.sessions.cancelRun.mutate({
        sessionId: session.id,
        runId: sent.run!.id,
      });
      const latencyMs = performance.now() - started;
      console.log(`cancelRun answered in ${latencyMs.toFixed(1)} ms`);
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.assistantMessageId).not.toBeNull();
      // Generous for a loaded machine; the figure is logged above.
      expect(latencyMs).toBeLessThan(1_000);
      await tab.until(() => tab.received.some((r) => r.event.type === 'run.cancelled'));
      const durable = tab.durable().map((r) => r.event);
      expect(durable.map((e) => e.type)).toEqual([
        'message.created',
        'run.started',
        'message.created',
        'run.cancelled',
      ]);
      const partial = durable[2] as Extract<(typeof durable)[number], { type: 'message.created' }>;
      expect(partial.message).toMatchObject({
        id: cancelled.assistantMessageId,
        role: 'assistant',
        replyToId: sent.userMessage.id,
        metadata: { interrupted: true },
      });
      expect(partial.message.content).toMatch(/^piece0 piece1 piece2 /);
      expect(partial.message.content.length).toBeLessThan(SLOW.join('').length);
      // The model's stream was aborted, not left running.
      await tab.until(() => closedEarly > closedBefore, 2_000);
      // Cancelling again returns the finished run as it is.
      const again = await http.sessions.cancelRun.mutate({
        sessionId: session.id,
        runId: sent.run!.id,
      });
      expect(again).toEqual(cancelled);

      const retryId = randomUUID();
      const retried = await http.sessions.retry.mutate({
        sessionId: session.id,
        messageId: sent.userMessage.id,
        clientMessageId: retryId,
      });
      expect(retried.run).toMatchObject({
        status: 'completed',
        userMessageId: sent.userMessage.id,
      });
      expect(retried.run!.id).not.toBe(sent.run!.id);
      expect(retried.assistantMessage).toMatchObject({
        content: 'Here you are.',
        replyToId: sent.userMessage.id,
      });
      // Idempotent on its clientMessageId.
      const twice = await http.sessions.retry.mutate({
        sessionId: session.id,
        messageId: sent.userMessage.id,
        clientMessageId: retryId,
      });
      expect(twice.run!.id).toBe(retried.run!.id);
      const runs = await http.sessions.runs.query({ sessionId: session.id, limit: 10 });
      expect(runs.items.map((r) => [r.id, r.status])).toEqual([
        [retried.run!.id, 'completed'],
        [sent.run!.id, 'cancelled'],
      ]);
      tab.stop();
    } finally {
      await socket.close();
    }
  });

  it('a run or message of another conversation is NOT_FOUND', async () => {
    const mine = await setup('runs-mine');
    const theirs = await setup('runs-theirs');
    const sent = await theirs.http.sessions.send.mutate({
      sessionId: theirs.session.id,
      content: 'hi',
      clientMessageId: randomUUID(),
    });
    const cancel = await errorOf(() =>
      mine.http.sessions.cancelRun.mutate({ sessionId: mine.session.id, runId: sent.run!.id }),
    );
    expect(cancel.data.code).toBe('NOT_FOUND');
    const retry = await errorOf(() =>
      mine.http.sessions.retry.mutate({
        sessionId: mine.session.id,
        messageId: sent.userMessage.id,
        clientMessageId: randomUUID(),
      }),
    );
    expect(retry.data.code).toBe('NOT_FOUND');
    const bad = await errorOf(() =>
      mine.http.sessions.cancelRun.mutate({ sessionId: mine.session.id, runId: 'nope' }),
    );
    expect(bad.data.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('runId');
  });
});
