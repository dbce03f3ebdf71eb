import type { ConversationMode } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * While a conversation already waits for an agent, "is anyone there?" is told it is in
 * the queue (and whether an agent is online), not handed over again; searches still work.
 */
const rules = createRulesAssistant();
const turn = (message: string, mode: ConversationMode, online = false) =>
  ask(rules, message, {
    searchListings: memorySearch().searchListings,
    memory: { location: 'Girne', rentType: 'long_term' },
    agentsOnline: async () => online,
    conversationMode: async () => mode,
  });

describe('asking for a person while already waiting for one', () => {
  it.each([
    ['hello? is anyone there?', /You're in the queue/, /No agent is online/],
    ['anybody here??', /You're in the queue/, /No agent is online/],
    ['can I talk to a person please', /You're in the queue/, /No agent is online/],
    ['kimse yok mu?', /Sıradasınız/, /çevrimiçi temsilci yok/],
    ['orada kimse var mı', /Sıradasınız/, /çevrimiçi temsilci yok/],
    ['алло, есть кто-нибудь?', /Вы в очереди/, /нет агентов в сети/],
    ['позовите человека', /Вы в очереди/, /нет агентов в сети/],
  ])('%s', async (message, queue, offline) => {
    const { reply, pieces, intent } = await turn(message, 'waiting');
    expectWellFormed(reply, pieces);
    expect(intent).toEqual({ kind: 'human' });
    expect(reply.responseText).toMatch(queue);
    expect(reply.responseText).toMatch(offline);
    expect(reply.responseText).not.toMatch(
      /take over|temsilcilerimizden birine aktarıyorum|Я передам/,
    );
  });

  it('says when an agent is online', async () => {
    const { reply } = await turn('is anyone there?', 'waiting', true);
    expect(reply.responseText).toMatch(/You're in the queue.*An agent is online right now/);
  });

  it('a first request is still handed over', async () => {
    const { reply } = await turn('is anyone there?', 'assistant');
    expect(reply.responseText).toMatch(/take over this conversation/);
    expect(reply.responseText).not.toMatch(/in the queue/);
  });

  it('searches still work while waiting', async () => {
    const { reply, intent } = await turn('2 bedroom flat in Girne under 1500', 'waiting');
    expect(intent.kind).not.toBe('human');
    expect(reply.recommendations.length).toBeGreaterThan(0);
    expect(reply.responseText).not.toMatch(/in the queue/);
  });
});
