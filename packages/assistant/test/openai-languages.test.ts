import {
  type FakeOpenAiHandler as Handler,
  sendText,
  sendToolCall,
  startFakeOpenAi,
} from '@parley/testing';
import type { Language, SearchFacts } from '@parley/validators';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiAssistant, createRulesAssistant } from '../src';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * The model agent in Turkish and Russian, against the local fake model server: the same
 * tool and intents as in English, the reply labelled in the request's language, and the
 * rule agent answering in that language when the model fails.
 */

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(handler: Handler) {
  const server = await startFakeOpenAi(handler);
  servers.push(server);
  const assistant = createOpenAiAssistant({
    baseUrl: server.baseUrl,
    apiKey: 'sk-test',
    model: 'gpt-test',
    timeoutMs: 2000,
    fallback: createRulesAssistant(),
    logger: { warn: () => undefined },
  });
  return { server, assistant, search: memorySearch() };
}

/** A model that searches with `args` once, then answers `text`. */
const searchThenAnswer =
  (args: SearchFacts, text: string[]): Handler =>
  (_req, res, index) => {
    if (index === 0) sendToolCall(res, 'search_listings', [JSON.stringify(args)]);
    else sendText(res, text);
  };

const SEARCHES: Array<{
  language: Language;
  name: string;
  message: string;
  args: SearchFacts;
  answer: string;
}> = [
  {
    language: 'en',
    name: 'English',
    message: '2 bed flat to rent in Kyrenia, up to 900 a month',
    args: { location: 'Kyrenia', rentType: 'long_term', propertyType: 'apartment', maxPrice: 900 },
    answer: 'Here are flats in Girne.',
  },
  {
    language: 'tr',
    name: 'Turkish',
    message: "Girne'de kiralık 2+1 daire, aylık 900 sterline kadar",
    args: { location: 'Girne', rentType: 'long_term', propertyType: 'apartment', maxPrice: 900 },
    answer: "Girne'de uygun daireler şunlar.",
  },
  {
    language: 'ru',
    name: 'Russian',
    message: 'снять квартиру в Кирении до 900 фунтов в месяц',
    args: { location: 'Кирения', rentType: 'long_term', propertyType: 'apartment', maxPrice: 900 },
    answer: 'Вот квартиры в Кирении.',
  },
];

describe('openai agent in three languages', () => {
  it('sends the same tool in every language, asks for the request’s language and labels the reply with it', async () => {
    const tools: unknown[] = [];
    for (const c of SEARCHES) {
      const { server, assistant, search } = await setup(searchThenAnswer(c.args, [c.answer]));
      const out = await ask(assistant, c.message, { searchListings: search.searchListings });
      expectWellFormed(out.reply, out.pieces);
      expect(out.reply.agent, c.name).toBe('openai');
      expect(out.reply.language, c.name).toBe(c.language);
      expect(out.reply.responseText).toBe(c.answer);
      expect(out.intent, c.name).toEqual({ kind: 'search' });
      // Town names in any script reach the search as the canonical name.
      expect(out.reply.appliedFilters.location, c.name).toBe('Girne');
      expect(search.queries[0]).toMatchObject({ location: 'Girne', maxPrice: 900 });
      expect(out.reply.recommendations.every((l) => l.pricePeriod === 'month')).toBe(true);
      const first = server.requests[0]!.body;
      expect(first.messages[0]!.content).toContain(`Answer in ${c.name}`);
      expect(first.messages.at(-1)!.content).toBe(c.message);
      tools.push(first.tools);
    }
    expect(tools[1]).toEqual(tools[0]);
    expect(tools[2]).toEqual(tools[0]);
  });

  const INTENTS: Array<[Language, string, string]> = [
    ['tr', 'bir temsilciyle görüşmek istiyorum', 'human'],
    ['ru', 'позовите оператора, пожалуйста', 'human'],
    ['tr', 'daireyi yerinde görmek istiyorum', 'viewing'],
    ['ru', 'можно записаться на просмотр?', 'viewing'],
    ['tr', 'havuzlu villa çıkınca haber ver', 'notify'],
    ['ru', 'сообщите, когда появится вилла с бассейном', 'notify'],
    ['tr', 'yabancılar mülk satın alabilir mi?', 'question'],
    ['ru', 'какая погода в Кирении?', 'off_topic'],
    ['tr', "Baf'ta ev var mı", 'outside_area'],
  ];

  it.each(INTENTS)(
    '[%s] "%s" gets the same intent as from the rule agent: %s',
    async (language, message, kind) => {
      const memory: SearchFacts = { location: 'Lapta', rentType: 'sale' };
      const { assistant, search } = await setup((_req, res) => sendText(res, ['…']));
      const out = await ask(assistant, message, { searchListings: search.searchListings, memory });
      const rules = await ask(createRulesAssistant(), message, {
        searchListings: memorySearch().searchListings,
        memory,
      });
      expect(out.reply.agent).toBe('openai');
      expect(out.intent.kind).toBe(kind);
      expect(out.intent).toEqual(rules.intent);
      expect(out.reply.language).toBe(language);
      // The model only talked: no filter changed.
      expect(out.memory.facts).toEqual(memory);
      expect(search.queries).toEqual([]);
    },
  );
});

describe('openai agent falls back to the rule agent in the right language', () => {
  const failing: Handler = (_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"boom"}');
  };

  it.each(SEARCHES.filter((c) => c.language !== 'en'))(
    'in $name',
    async ({ message, language }) => {
      const { assistant, search } = await setup(failing);
      const out = await ask(assistant, message, { searchListings: search.searchListings });
      const rules = await ask(createRulesAssistant(), message, {
        searchListings: memorySearch().searchListings,
      });
      expectWellFormed(out.reply, out.pieces);
      expect(out.reply.agent).toBe('rules');
      expect(out.reply.language).toBe(language);
      expect(out.reply.responseText).toBe(rules.reply.responseText);
      expect(out.reply.recommendations.length).toBeGreaterThan(0);
    },
  );

  it('a message that shows no language is answered in the conversation’s', async () => {
    const { assistant, search } = await setup(failing);
    const history = [
      { role: 'user' as const, content: 'ищу квартиру в Кирении' },
      { role: 'assistant' as const, content: 'Вот что есть.' },
    ];
    const out = await ask(assistant, 'Girne 2+1', {
      searchListings: search.searchListings,
      history,
    });
    expect(out.reply.agent).toBe('rules');
    expect(out.reply.language).toBe('ru');
    expect(out.reply.responseText).toMatch(/[а-я]/);
  });

  it('a failure after a Turkish tool call still answers in Turkish', async () => {
    const { assistant, search } = await setup((_req, res, index) => {
      if (index === 0)
        sendToolCall(res, 'search_listings', ['{"location":"Girne","rentType":"long_term"}']);
      else res.writeHead(500).end();
    });
    const out = await ask(assistant, "Girne'de kiralık daire", {
      searchListings: search.searchListings,
    });
    expect(out.reply.agent).toBe('rules');
    expect(out.reply.language).toBe('tr');
    expect(out.reply.responseText).toMatch(/[çğıöşü]/);
  });
});
