/**
 * The chat model on its own (no I/O): how overlapping sources merge. The same flows run
 * against the real server in chat-store.test.ts; these pin the orderings a server only
 * produces under races.
 */
import { describe, expect, it } from 'vitest';
import { ChatModel } from '../src/chat-model';
import type { AssistantReply, Message, Run } from '../src/generated/router';

const conversationId = '00000000-0000-4000-8000-000000000000';
let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const at = (s: number) => new Date(Date.UTC(2026, 11, 4, 8, 0, s));

function message(fields: Partial<Message> & Pick<Message, 'role' | 'content'>): Message {
  return {
    id: id(),
    conversationId,
    metadata: {},
    clientMessageId: null,
    replyToId: null,
    author: null,
    createdAt: at(n),
    ...fields,
  };
}

function run(userMessageId: string, fields: Partial<Run> = {}): Run {
  return {
    id: id(),
    sessionId: null,
    conversationId,
    userMessageId,
    status: 'running',
    agent: 'rules',
    assistantMessageId: null,
    error: null,
    createdAt: at(n),
    startedAt: at(n),
    finishedAt: null,
    ...fields,
  };
}

const reply = (text: string): AssistantReply => ({
  responseText: text,
  agent: 'rules',
  conversationId,
  recommendations: [],
  appliedFilters: { location: 'Girne' },
  language: 'en',
});

describe('chat model', () => {
  it('joined mid-reply, shows the catch-up piece, places later ones by offset, never twice', () => {
    const model = new ChatModel('s1');
    const q = message({ role: 'user', content: 'tell me', clientMessageId: 'c1' });
    const r = run(q.id);
    const answerId = id();
    model.applyEvent({ type: 'message.created', message: q });
    model.applyEvent({ type: 'run.started', run: r });
    const piece = (offset: number, delta: string) =>
      model.applyEvent({
        type: 'assistant.delta',
        runId: r.id,
        messageId: answerId,
        delta,
        offset,
        clientMessageId: 'c1',
      });
    const shown = () => model.snapshot().messages.find((m) => m.role === 'assistant')?.content;
    // A piece after text this tab never got waits: nothing half-shown.
    piece(8, 'what ');
    expect(shown()).toBeUndefined();
    // The catch-up holds everything so far; a later piece goes after it.
    piece(0, 'Here is what ');
    piece(13, 'I found.');
    expect(shown()).toBe('Here is what I found.');
    // A catch-up sent for another tab (shorter or whole) changes nothing here.
    piece(0, 'Here is ');
    piece(0, 'Here is what I found.');
    expect(shown()).toBe('Here is what I found.');
  });

  it('two identical messages of ours are confirmed each by its clientMessageId, never by text', () => {
    const model = new ChatModel('s1');
    model.addLocal('c1', 'hi', at(1));
    model.addLocal('c2', 'hi', at(2));
    const second = message({
      role: 'user',
      content: 'hi',
      clientMessageId: 'c2',
      createdAt: at(3),
    });
    model.applyEvent({ type: 'message.created', message: second });
    const [a] = model.snapshot().messages;
    // Stored first (the stored are in time order, ours not stored yet after them).
    expect(a).toMatchObject({ key: 'c2', id: second.id, status: 'sent' });
    expect(model.snapshot().messages[1]).toMatchObject({ key: 'c1', id: null, status: 'sending' });
    // A repeat of the same event, and history holding it, change nothing.
    const before = model.snapshot().messages;
    model.applyEvent({ type: 'message.created', message: second });
    model.applyMessages([second]);
    expect(model.snapshot().messages.map((m) => m.key)).toEqual(before.map((m) => m.key));
  });

  it("keeps a reply under its question when another tab's question arrives while it streams", () => {
    const model = new ChatModel('s1');
    const q1 = message({ role: 'user', content: 'first', clientMessageId: 'c1' });
    const r1 = run(q1.id);
    const answerId = id();
    model.applyEvent({ type: 'message.created', message: q1 });
    model.applyEvent({ type: 'run.started', run: r1 });
    model.applyEvent({
      type: 'assistant.delta',
      runId: r1.id,
      messageId: answerId,
      delta: 'Here ',
      clientMessageId: 'c1',
    });
    const q2 = message({ role: 'user', content: 'second', createdAt: at(50) });
    model.applyEvent({ type: 'message.created', message: q2 });
    model.applyEvent({
      type: 'assistant.delta',
      runId: r1.id,
      messageId: answerId,
      delta: 'you are.',
      clientMessageId: 'c1',
    });
    expect(model.snapshot().messages.map((m) => [m.content, m.status])).toEqual([
      ['first', 'sent'],
      ['Here you are.', 'streaming'],
      ['second', 'sent'],
    ]);
    expect(model.snapshot()).toMatchObject({ activeRun: { id: r1.id }, thinking: false });
    // Stored after the second question, it stays under the first.
    const stored = message({
      id: answerId,
      role: 'assistant',
      content: 'Here you are.',
      replyToId: q1.id,
      createdAt: at(60),
    });
    const done = { ...r1, status: 'completed' as const, assistantMessageId: answerId };
    model.applyEvent({
      type: 'assistant.completed',
      run: done,
      message: stored,
      reply: reply('Here you are.'),
    });
    // A late piece changes nothing, and an older run state does not undo the finish.
    model.applyEvent({
      type: 'assistant.delta',
      runId: r1.id,
      messageId: answerId,
      delta: ' again',
      clientMessageId: 'c1',
    });
    model.applyRun(r1);
    const snapshot = model.snapshot();
    expect(snapshot.messages.map((m) => [m.content, m.status])).toEqual([
      ['first', 'sent'],
      ['Here you are.', 'complete'],
      ['second', 'sent'],
    ]);
    expect(snapshot.messages[0]!.run?.status).toBe('completed');
    expect(snapshot.messages[1]!.reply?.appliedFilters).toEqual({ location: 'Girne' });
    expect(snapshot.activeRun).toBeNull();
    // The last message is a question: nothing to regenerate.
    expect(snapshot.regenerable).toBeNull();
  });

  it('ignores event kinds it does not know, and ends only on its own session', () => {
    const model = new ChatModel('mine');
    const before = model.snapshot();
    model.applyEvent({ type: 'something.new', reason: 'x' } as never);
    model.applyEvent({ type: 'typing', actor: 'assistant', typing: true });
    expect(model.snapshot()).toBe(before);
    model.applyEvent({ type: 'session.ended', sessionId: 'other', reason: 'ended' });
    expect(model.snapshot().ended).toBeNull();
    model.applyEvent({ type: 'session.ended', sessionId: 'mine', reason: 'expired' });
    expect(model.snapshot().ended).toBe('expired');
  });
});
