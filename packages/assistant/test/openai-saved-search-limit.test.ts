import { type FakeOpenAiHandler as Handler, sendText, startFakeOpenAi } from '@parley/testing';
import type { SearchFacts } from '@parley/validators';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiAssistant, createRulesAssistant, type SaveRefusal } from '../src';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * The model agent promises alerts only when the search will be saved, as the rule agent
 * does: a guest is asked to sign in, someone at the cap of saved searches to delete one,
 * in the person's language, and the model (which would promise them) is not asked.
 */
const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A model that always promises alerts, whatever it is told. */
const PROMISE = "Done! I've saved this search and I'll let you know when a new villa comes up.";
const promising: Handler = (_req, res) => sendText(res, [PROMISE]);

async function setup() {
  const server = await startFakeOpenAi(promising);
  servers.push(server);
  const assistant = createOpenAiAssistant({
    baseUrl: server.baseUrl,
    apiKey: 'sk-test',
    model: 'gpt-test',
    timeoutMs: 2000,
    fallback: createRulesAssistant(),
    logger: { warn: () => undefined },
  });
  return { server, assistant };
}

const memory: SearchFacts = { location: 'Girne', rentType: 'long_term' };

describe('openai agent: alerts that cannot be saved', () => {
  it.each([
    ['let me know when a villa with a pool comes up', 'limit', 'en'],
    ['let me know when a villa with a pool comes up', 'account', 'en'],
    ['havuzlu villa çıkınca haber ver', 'limit', 'tr'],
    ['havuzlu villa çıkınca haber ver', 'account', 'tr'],
    ['сообщите, когда появится вилла с бассейном', 'limit', 'ru'],
    ['сообщите, когда появится вилла с бассейном', false, 'ru'],
  ] as const)('%s (%s)', async (message, refusal: SaveRefusal | false, language) => {
    const { server, assistant } = await setup();
    const asked: SearchFacts[] = [];
    const input = {
      searchListings: memorySearch().searchListings,
      memory,
      maySaveSearches: async (facts: SearchFacts) => {
        asked.push(facts);
        return refusal;
      },
    };
    const out = await ask(assistant, message, input);
    const rules = await ask(createRulesAssistant(), message, {
      ...input,
      searchListings: memorySearch().searchListings,
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.agent).toBe('openai');
    expect(out.reply.language).toBe(language);
    expect(out.intent.kind).toBe('notify');
    // The rule agent's refusal, word for word; no promise from the model.
    expect(out.reply.responseText).toBe(rules.reply.responseText);
    expect(out.reply.responseText).not.toContain(PROMISE);
    expect(out.reply.responseText).not.toMatch(/save this search \(|kaydediyorum|Я сохраню/);
    expect(server.requests).toHaveLength(0);
    expect(out.reply.recommendations).toEqual([]);
    // Asked about the search it would save, as the rule agent asks.
    expect(asked[0]).toEqual(
      expect.objectContaining({ propertyType: 'villa', features: ['pool'] }),
    );
    expect(asked[0]).toEqual(asked[1]);
    expect(out.memory.facts).toEqual(rules.memory.facts);
  });

  it('lets the model answer when the search can be saved', async () => {
    const { server, assistant } = await setup();
    const asked: SearchFacts[] = [];
    const out = await ask(assistant, 'let me know when a villa with a pool comes up', {
      searchListings: memorySearch().searchListings,
      memory,
      maySaveSearches: async (facts) => {
        asked.push(facts);
        return true;
      },
    });
    expect(out.reply.agent).toBe('openai');
    expect(out.reply.responseText).toBe(PROMISE);
    expect(server.requests).toHaveLength(1);
    expect(asked).toHaveLength(1);
  });

  it('asks nothing about saving on a turn that does not ask for alerts', async () => {
    const { assistant } = await setup();
    const asked: SearchFacts[] = [];
    await ask(assistant, 'villa with a pool in Girne', {
      searchListings: memorySearch().searchListings,
      maySaveSearches: async (facts) => {
        asked.push(facts);
        return 'limit';
      },
    });
    expect(asked).toEqual([]);
  });
});
