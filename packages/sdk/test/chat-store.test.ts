/**
 * The chat store (the logic behind `useChat`) against a real server whose model is a
 * local chat-completions stand-in: a question with "slowly" in it is answered piece by
 * piece over seconds, so a test can stop it, or stop the server under it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sendTextSlowly, sendToolCall, startFakeOpenAi } from '../../../tooling/testing/src/index';
import type { ChatState, ChatStore } from '../src/chat-store';
import { createChatStore } from '../src/chat-store';
import { createParleyClient, type ParleyClient } from '../src/node';
import { startRestartableServer } from './server';

type Restartable = Awaited<ReturnType<typeof startRestartableServer>>;
let server: Restartable;
let model: Awaited<ReturnType<typeof startFakeOpenAi>>;
const clients: ParleyClient[] = [];
const stores: ChatStore[] = [];
const SLOW = Array.from({ length: 100 }, (_, i) => `piece${i} `);

beforeAll(async () => {
  model = await startFakeOpenAi(async (request, res) => {
    const messages = request.body.messages;
    const question = messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
    // A question naming a town is searched first (the memory then holds the town).
    if (question.includes('Girne') && messages.at(-1)?.role === 'user')
      return sendToolCall(res, 'search_listings', ['{"location":', '"Girne","minBedrooms":2}']);
    if (!question.includes('slowly')) return sendTextSlowly(res, ['Here ', 'you ', 'are.'], 5);
    await sendTextSlowly(res, SLOW, 50).catch(() => {});
  });
  server = await startRestartableServer('sdk_chat_store', {
    ASSISTANT_PROVIDER: 'openai',
    OPENAI_BASE_URL: model.baseUrl,
    OPENAI_API_KEY: 'sk-x',
    // A stop of the server finishes the runs still going as failed (interrupted) at once.
    SHUTDOWN_TIMEOUT_MS: '300',
  });
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await Promise.all(clients.map((c) => c.close()));
  await server?.close();
  await model?.close();
});

function client(token: string, WebSocketClass?: typeof WebSocket) {
  const c = createParleyClient({
    url: server.url,
    token,
    retryDelayMs: () => 200,
    ...(WebSocketClass ? { WebSocket: WebSocketClass } : {}),
  });
  clients.push(c);
  return c;
}

/**
 * `ws` in a process whose event loop is busy for a moment: the frames that came meanwhile
 * are read, and handled, at once, with no turn of the event loop between them (as `ws`
 * does for frames that come in one read).
 */
class BusyReaderWebSocket extends WebSocket {
  private readonly waiting: unknown[][] = [];

  override emit(name: string | symbol, ...args: unknown[]): boolean {
    if (name !== 'message') return super.emit(name, ...args);
    if (this.waiting.push(args) === 1) {
      setTimeout(() => {
        for (const held of this.waiting.splice(0)) super.emit('message', ...held);
      }, 200);
    }
    return true;
  }
}

async function signUp(label: string) {
  const anonymous = createParleyClient({ url: server.url, transport: 'http' });
  clients.push(anonymous);
  return anonymous.auth.register.mutate({
    email: `${label}-${randomUUID().slice(0, 8)}@example.com`,
    password: `violet harbour ${randomUUID().slice(0, 8)}`,
    name: label,
  });
}

function store(c: ParleyClient, options: Parameters<typeof createChatStore>[1] = {}) {
  const s = createChatStore(c, options);
  stores.push(s);
  return s;
}

/** Resolves with the state once `check` holds for it (checked on every change). */
function when(s: ChatStore, check: (state: ChatState) => boolean, what = 'state', ms = 20_000) {
  return new Promise<ChatState>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for ${what}: ${JSON.stringify(summary(s.getState()))}`));
    }, ms);
    const test = () => {
      if (!check(s.getState())) return;
      clearTimeout(timer);
      off();
      resolve(s.getState());
    };
    const off = s.subscribe(test);
    test();
  });
}

function summary(state: ChatState) {
  return state.messages.map((m) => [m.role, m.status, m.content.slice(0, 30), m.run?.status]);
}

const assistant = (state: ChatState) => state.messages.filter((m) => m.role === 'assistant');

describe('chat store', () => {
  it('shows our message at once, confirms it by clientMessageId, streams the reply; a second tab sees it all live', async () => {
    const user = await signUp('store-send');
    const c = client(user.accessToken);
    const tab1 = store(c);
    await tab1.start();
    const { conversationId } = tab1.getState();
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(tab1.getState()).toMatchObject({ status: 'live', loaded: true, messages: [] });

    const tab2 = store(client(user.accessToken), { conversationId });
    await tab2.start();
    await when(tab2, (s) => s.loaded);
    expect(tab2.getState().sessionId).not.toBe(tab1.getState().sessionId);

    const clientMessageId = tab1.send('2 bedroom flat in Girne please');
    await Promise.resolve();
    const first = tab1.getState().messages;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ key: clientMessageId, id: null, status: 'sending' });
    expect(tab1.getState().thinking).toBe(true);

    const done = await when(tab1, (s) => assistant(s).some((m) => m.status === 'complete'));
    expect(done.messages).toHaveLength(2);
    const [question, answer] = done.messages;
    // Same key all along, so a list does not redraw it; matched by id, never by text.
    expect(question).toMatchObject({ key: clientMessageId, clientMessageId, status: 'sent' });
    expect(question!.run).toMatchObject({ status: 'completed' });
    expect(answer).toMatchObject({
      role: 'assistant',
      content: 'Here you are.',
      replyToId: question!.id,
      status: 'complete',
    });
    expect(answer!.reply?.responseText).toBe('Here you are.');
    expect(done).toMatchObject({
      activeRun: null,
      thinking: false,
      regenerable: { key: answer!.key },
    });

    // The other tab got the question and the answer live, once each.
    const seen = await when(tab2, (s) => assistant(s).some((m) => m.status === 'complete'));
    expect(seen.messages.map((m) => [m.id, m.status])).toEqual([
      [question!.id, 'sent'],
      [answer!.id, 'complete'],
    ]);
    // And the first tab gets what the second sends.
    tab2.send('with a pool');
    const both = await when(
      tab1,
      (s) => assistant(s).filter((m) => m.status === 'complete').length === 2,
    );
    expect(both.messages.map((m) => m.content)).toEqual([
      '2 bedroom flat in Girne please',
      'Here you are.',
      'with a pool',
      'Here you are.',
    ]);
    await when(tab1, (s) => s.memory !== null);
  });

  it('stops a reply mid-way (kept as interrupted), retries it, and regenerates the last reply', async () => {
    const user = await signUp('store-stop');
    const tab = store(client(user.accessToken));
    await tab.start();
    tab.send('write it slowly');
    const writing = await when(
      tab,
      (s) => assistant(s).some((m) => m.status === 'streaming' && m.content.length > 20),
      'a reply being written',
    );
    expect(writing.activeRun).toMatchObject({ status: 'running' });
    expect(writing.thinking).toBe(false);
    expect(writing.regenerable).toBeNull();
    const cancelled = await tab.cancel();
    expect(cancelled?.status).toBe('cancelled');
    const stopped = await when(tab, (s) => assistant(s).some((m) => m.status === 'interrupted'));
    expect(stopped.activeRun).toBeNull();
    const [question, partial] = stopped.messages;
    expect(question!.run).toMatchObject({ status: 'cancelled' });
    expect(partial).toMatchObject({ status: 'interrupted', replyToId: question!.id });
    expect(partial!.content).toMatch(/^piece0 piece1 /);
    expect(partial!.content.length).toBeLessThan(SLOW.join('').length);
    // Nothing to regenerate after a stop: the answer to give again is the retry's.
    expect(stopped.regenerable).toBeNull();

    // Retry answers the same question again: a new reply after the interrupted one.
    const run = await tab.retry(question!.id!);
    expect(run?.userMessageId).toBe(question!.id);
    // The slow model answers every "slowly" slowly: stop waiting for all of it.
    await when(tab, (s) => assistant(s).some((m) => m.status === 'streaming'), 'the retry writing');
    await tab.cancel();
    const twice = await when(
      tab,
      (s) => assistant(s).filter((m) => m.status === 'interrupted').length === 2 && !s.activeRun,
    );
    expect(twice.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'assistant']);

    tab.send('and now quickly');
    const quick = await when(tab, (s) => s.regenerable?.content === 'Here you are.');
    const last = quick.regenerable!;
    await tab.regenerate();
    const again = await when(
      tab,
      (s) => assistant(s).filter((m) => m.status === 'complete').length === 2 && !s.activeRun,
    );
    const replies = again.messages.filter((m) => m.replyToId === last.replyToId);
    expect(replies).toHaveLength(2);
    expect(again.regenerable?.id).not.toBe(last.id);
    expect(again.messages.at(-1)?.id).toBe(again.regenerable?.id);
  });

  it('two screens pressing Regenerate, or Retry, on the same answer make one new run', async () => {
    const user = await signUp('store-twice');
    const tab1 = store(client(user.accessToken));
    await tab1.start();
    const { conversationId } = tab1.getState();
    const tab2 = store(client(user.accessToken), { conversationId });
    await tab2.start();
    await when(tab2, (s) => s.loaded);

    tab1.send('a villa in Esentepe');
    const [shown1, shown2] = await Promise.all(
      [tab1, tab2].map((tab) => when(tab, (s) => s.regenerable?.content === 'Here you are.')),
    );
    expect(shown2!.regenerable!.id).toBe(shown1!.regenerable!.id);
    const [again1, again2] = await Promise.all([tab1.regenerate(), tab2.regenerate()]);
    expect(again1?.id).toBeTruthy();
    expect(again2?.id).toBe(again1?.id);
    const regenerated = await when(
      tab1,
      (s) => !s.activeRun && s.regenerable !== null && s.regenerable.id !== shown1!.regenerable!.id,
      'the regenerated reply',
    );
    expect(assistant(regenerated).map((m) => m.status)).toEqual(['complete', 'complete']);

    // A stopped reply: both screens offer Retry on it, and both presses make one run.
    tab2.send('write it slowly');
    await when(tab1, (s) => assistant(s).some((m) => m.status === 'streaming'), 'the slow reply');
    await tab1.cancel();
    const stopped = await Promise.all(
      [tab1, tab2].map((tab) =>
        when(tab, (s) => assistant(s).some((m) => m.status === 'interrupted') && !s.activeRun),
      ),
    );
    const question = stopped[0]!.messages.find((m) => m.content === 'write it slowly')!;
    const [retry1, retry2] = await Promise.all([
      tab1.retry(question.id!),
      tab2.retry(question.id!),
    ]);
    expect(retry1?.userMessageId).toBe(question.id);
    expect(retry2?.id).toBe(retry1?.id);
    // The slow model answers every "slowly" slowly: stop the one retry rather than wait.
    await when(tab2, (s) => assistant(s).some((m) => m.status === 'streaming'), 'the retry');
    await tab2.cancel();
    const done = await when(
      tab1,
      (s) => assistant(s).filter((m) => m.status === 'interrupted').length === 2 && !s.activeRun,
      'the retry stopped',
    );
    expect(done.messages.map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'assistant',
      'user',
      'assistant',
      'assistant',
    ]);
  });

  it('a run the server could not finish shows as failed after the stream resumes, and Retry answers it', async () => {
    const user = await signUp('store-fail');
    const tab = store(client(user.accessToken));
    await tab.start();
    tab.send('answer slowly');
    await when(tab, (s) => assistant(s).some((m) => m.status === 'streaming'));
    await server.restart();
    const failed = await when(
      tab,
      (s) => s.messages[0]?.run?.status === 'failed',
      'the run to fail',
      30_000,
    );
    // What was streamed is dropped: a failed run stores no message.
    expect(assistant(failed)).toHaveLength(0);
    expect(failed.messages[0]!.run!.error).toMatchObject({ code: 'interrupted' });
    expect(failed.activeRun).toBeNull();
    tab.send('then quickly');
    await when(tab, (s) => s.regenerable?.content === 'Here you are.');
    await tab.retry(failed.messages[0]!.id!);
    const answered = await when(
      tab,
      (s) => s.messages[0]?.run?.status !== 'failed' && !s.activeRun,
    );
    // The retried question's answer sits right under it, before the later question.
    expect(answered.messages.map((m) => m.content.slice(0, 13))).toEqual([
      'answer slowly',
      expect.stringMatching(/^piece0/),
      'then quickly',
      'Here you are.',
    ]);
  });

  it('a reopened conversation has its history, runs and memory; the memory can be corrected', async () => {
    const user = await signUp('store-reopen');
    const c = client(user.accessToken);
    const first = store(c);
    await first.start();
    first.send('2 bedroom apartment in Girne for long-term rent under 1000');
    await when(first, (s) => s.regenerable !== null);
    const memory = (await when(first, (s) => (s.memory?.facts.location ?? '') !== '')).memory!;
    await first.close();

    const again = store(client(user.accessToken), {
      conversationId: first.getState().conversationId,
    });
    await again.start();
    const state = await when(
      again,
      // The history and the stream's replay (which carries the runs) arrive in either order.
      (s) => s.loaded && s.memory !== null && s.messages[0]?.run?.status === 'completed',
    );
    expect(state.messages.map((m) => m.status)).toEqual(['sent', 'complete']);
    expect(state.messages[0]!.run?.status).toBe('completed');
    expect(state.memory?.facts).toEqual(memory.facts);
    const { location: _removed, ...rest } = memory.facts;
    await again.updateMemory(rest);
    expect(again.getState().memory?.facts).toEqual(rest);
    const stored = await c.conversations.memory.query({ conversationId: state.conversationId! });
    expect(stored.facts).toEqual(rest);
  });

  it('a reopened conversation gets its runs when the stream starts and replays in one read', async () => {
    const user = await signUp('store-one-read');
    const first = store(client(user.accessToken));
    await first.start();
    first.send('hello');
    await when(first, (s) => s.regenerable !== null);
    await first.close();

    // The stream's start and its replay reach the client together.
    const again = store(client(user.accessToken, BusyReaderWebSocket), {
      conversationId: first.getState().conversationId,
    });
    await again.start();
    const state = await when(
      again,
      (s) => s.loaded && s.messages[0]?.run?.status === 'completed',
      'the replayed run',
      5_000,
    );
    expect(state.messages.map((m) => m.status)).toEqual(['sent', 'complete']);
    expect(again.lastEventId).not.toBeNull();
  });

  it("a correction of the memory on one screen shows on the conversation's other screens at once", async () => {
    const user = await signUp('store-memory-tabs');
    const tab1 = store(client(user.accessToken));
    await tab1.start();
    tab1.send('2 bedroom apartment in Girne for long-term rent under 1000');
    await when(tab1, (s) => s.regenerable !== null);
    const tab2 = store(client(user.accessToken), {
      conversationId: tab1.getState().conversationId,
    });
    await tab2.start();
    const before = (await when(tab2, (s) => (s.memory?.facts.location ?? '') !== '')).memory!;
    const { location: _removed, ...rest } = before.facts;
    await tab1.updateMemory(rest);
    const after = await when(tab2, (s) => s.memory?.facts.location === undefined, 'the correction');
    expect(after.memory?.facts).toEqual(rest);
  });

  it('marks a message the server refused, opens a new session when the old one ended', async () => {
    const user = await signUp('store-refused');
    const c = client(user.accessToken);
    const tab = store(c);
    await tab.start();
    const tooLong = tab.send('x'.repeat(8001));
    const refused = await when(tab, (s) => s.messages[0]?.status === 'failed');
    expect(refused.messages[0]).toMatchObject({ key: tooLong, id: null });
    expect(refused.messages[0]!.error).toMatchObject({ code: 'BAD_REQUEST' });

    const { sessionId } = tab.getState();
    await c.sessions.end.mutate({ id: sessionId! });
    tab.send('still there?');
    const answered = await when(tab, (s) => s.regenerable !== null);
    expect(answered.sessionId).not.toBe(sessionId);
    expect(answered.messages.filter((m) => m.status === 'failed')).toHaveLength(1);
  });
});
