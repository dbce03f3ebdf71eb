import { describe, expect, it } from 'vitest';
import { message, reply } from '../../../test/fixtures';
import { chatReducer, initialChatState } from './chat-state';

const run = (...actions: Parameters<typeof chatReducer>[1][]) =>
  actions.reduce(chatReducer, initialChatState);

describe('chat state', () => {
  it('merges history, live events and the send result by id, and ours by clientMessageId', () => {
    const user = message({ content: 'hi', createdAt: new Date(1000) });
    const bot = message({ role: 'assistant', content: 'Hello!', createdAt: new Date(2000) });
    const state = run(
      { type: 'sending', clientMessageId: 'c1', content: 'hi', at: new Date(900) },
      { type: 'event', event: { type: 'message.created', message: user } },
      {
        type: 'event',
        event: { type: 'assistant.delta', messageId: bot.id, delta: 'Hel', clientMessageId: 'c-1' },
      },
      {
        type: 'event',
        event: { type: 'assistant.delta', messageId: bot.id, delta: 'lo!', clientMessageId: 'c-1' },
      },
      {
        type: 'event',
        event: {
          type: 'assistant.completed',
          message: bot,
          reply: reply({ responseText: 'Hello!' }),
        },
      },
      {
        type: 'sent',
        clientMessageId: 'c1',
        result: { userMessage: user, assistantMessage: bot, reply: reply() },
      },
      { type: 'history', messages: [user, bot] },
      { type: 'event', event: { type: 'message.created', message: user } },
    );
    expect(state.entries.map((e) => [e.role, e.content, e.id])).toEqual([
      ['user', 'hi', user.id],
      ['assistant', 'Hello!', bot.id],
    ]);
    expect(state.entries[0]!.key).toBe('c1'); // stable key: no remount when confirmed
    expect(state.entries.some((e) => e.pending || e.streaming)).toBe(false);
  });

  it('matches two identical pending messages to their confirmations in order', () => {
    const a = message({ content: 'same' });
    const b = message({ content: 'same' });
    const state = run(
      { type: 'sending', clientMessageId: 'c1', content: 'same', at: new Date() },
      { type: 'sending', clientMessageId: 'c2', content: 'same', at: new Date() },
      { type: 'event', event: { type: 'message.created', message: a } },
      { type: 'event', event: { type: 'message.created', message: b } },
      {
        type: 'sent',
        clientMessageId: 'c2',
        result: {
          userMessage: b,
          assistantMessage: message({ role: 'assistant' }),
          reply: reply(),
        },
      },
    );
    const users = state.entries.filter((e) => e.role === 'user');
    expect(users.map((e) => [e.clientMessageId, e.id])).toEqual([
      ['c1', a.id],
      ['c2', b.id],
    ]);
  });

  it("puts another device's question before the reply that streamed in ahead of it", () => {
    const question = message({ content: 'villa in Bellapais' });
    const answer = message({ role: 'assistant', content: 'Here are villas.' });
    const state = run(
      {
        type: 'event',
        event: {
          type: 'assistant.delta',
          messageId: answer.id,
          delta: 'Here are ',
          clientMessageId: 'c-1',
        },
      },
      { type: 'event', event: { type: 'message.created', message: question } },
      { type: 'event', event: { type: 'assistant.completed', message: answer, reply: reply() } },
    );
    expect(state.entries.map((e) => [e.role, e.content])).toEqual([
      ['user', 'villa in Bellapais'],
      ['assistant', 'Here are villas.'],
    ]);
  });

  it('ignores a late delta for a reply that is already complete', () => {
    const bot = message({ role: 'assistant', content: 'Done.' });
    const state = run(
      { type: 'event', event: { type: 'assistant.completed', message: bot, reply: reply() } },
      {
        type: 'event',
        event: {
          type: 'assistant.delta',
          messageId: bot.id,
          delta: ' again',
          clientMessageId: 'c-1',
        },
      },
    );
    expect(state.entries[0]!.content).toBe('Done.');
  });

  it('a failed send keeps the message with its error; a retry marks it pending again', () => {
    const failed = run(
      { type: 'sending', clientMessageId: 'c1', content: 'hi', at: new Date() },
      { type: 'send-failed', clientMessageId: 'c1', error: 'offline' },
    );
    expect(failed.entries[0]).toMatchObject({ failed: 'offline', pending: false });
    const retried = chatReducer(failed, {
      type: 'sending',
      clientMessageId: 'c1',
      content: 'hi',
      at: new Date(),
    });
    expect(retried.entries).toHaveLength(1);
    expect(retried.entries[0]).toMatchObject({ failed: undefined, pending: true });
  });

  it('tracks the assistant typing and the end of the session', () => {
    let state = run({ type: 'event', event: { type: 'typing', actor: 'assistant', typing: true } });
    expect(state.assistantTyping).toBe(true);
    state = chatReducer(state, {
      type: 'event',
      event: { type: 'session.ended', reason: 'ended' },
    });
    expect(state).toMatchObject({ assistantTyping: false, ended: 'ended' });
  });
});
