import {
  type FakeOpenAiHandler as Handler,
  sendChunk,
  sendText,
  sendToolCall,
  startFakeOpenAi,
  startSse,
} from '@parley/testing';
import { searchFacts } from '@parley/validators';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Assistant,
  type AssistantLogger,
  createAssistant,
  createOpenAiAssistant,
  createRulesAssistant,
} from '../src';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(handler: Handler, timeoutMs = 2000) {
  const server = await startFakeOpenAi(handler);
  servers.push(server);
  const warnings: { details: Record<string, unknown>; message: string }[] = [];
  const logger: AssistantLogger = {
    warn: (details, message) => warnings.push({ details, message }),
  };
  const assistant = createOpenAiAssistant({
    baseUrl: server.baseUrl,
    apiKey: 'sk-test',
    model: 'gpt-test',
    timeoutMs,
    fallback: createRulesAssistant(),
    logger,
  });
  return { server, assistant, warnings, search: memorySearch() };
}

/** What the rule agent alone answers, to compare a fallback with. */
async function rulesAnswer(message: string) {
  return ask(createRulesAssistant(), message, { searchListings: memorySearch().searchListings });
}

const MESSAGE = 'flat to rent in Kyrenia under 1500';

describe('openai agent: streaming with a tool call', () => {
  it('searches with validated arguments and streams the final answer', async () => {
    const { server, assistant, search, warnings } = await setup((_req, res, index) => {
      if (index === 0) {
        sendToolCall(res, 'search_listings', [
          '{"location":"Kyr',
          'enia","rentType":"long_',
          'term","maxPrice":1500,',
          '"propertyType":"apartment"}',
        ]);
      } else {
        sendText(res, ['Here are ', 'some flats ', 'in Kyrenia.']);
      }
    });
    const out = await ask(assistant, MESSAGE, {
      searchListings: search.searchListings,
      memory: { rentType: 'long_term' },
      history: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'Hello! How can I help?' },
      ],
      systemPrompt: 'Always be polite.',
    });

    expectWellFormed(out.reply, out.pieces);
    expect(warnings).toEqual([]);
    expect(out.reply.agent).toBe('openai');
    expect(out.reply.responseText).toBe('Here are some flats in Kyrenia.');
    expect(out.pieces).toEqual(['Here are ', 'some flats ', 'in Kyrenia.']);
    const facts = {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 1500,
    };
    expect(out.reply.appliedFilters).toEqual(facts);
    expect(out.memory.facts).toEqual(facts);
    expect(out.memory.summary).toMatch(/^Looking for apartments to rent long-term in Girne/);
    expect(out.reply.recommendations.length).toBeGreaterThan(0);
    expect(search.queries).toEqual([{ ...facts, sort: 'price_asc', limit: 5 }]);

    const [first, second] = server.requests;
    expect(first!.url).toBe('/v1/chat/completions');
    expect(first!.headers.authorization).toBe('Bearer sk-test');
    expect(first!.body.stream).toBe(true);
    expect(first!.body.model).toBe('gpt-test');
    expect(first!.body.messages.map((m) => m.role)).toEqual([
      'system',
      'system',
      'user',
      'assistant',
      'user',
    ]);
    expect(first!.body.messages[0]!.content).toMatch(/to rent long-term/);
    expect(first!.body.messages[1]!.content).toBe('Always be polite.');
    expect(first!.body.messages.at(-1)!.content).toBe(MESSAGE);

    // The tool's parameters are the shared searchFacts schema.
    const tool = first!.body.tools[0]!;
    expect(tool.function.name).toBe('search_listings');
    expect(Object.keys(tool.function.parameters.properties as object).sort()).toEqual(
      Object.keys(searchFacts.shape).sort(),
    );
    expect(tool.function.parameters.$schema).toBeUndefined();
    expect(tool.function.parameters.additionalProperties).toBe(false);

    // The search result went back to the model as the tool's answer.
    const toolMessage = second!.body.messages.at(-1)!;
    expect(toolMessage.role).toBe('tool');
    expect(toolMessage.tool_call_id).toBe('call_1');
    const result = JSON.parse(toolMessage.content!);
    expect(result.listings.map((l: { id: string }) => l.id)).toEqual(
      out.reply.recommendations.map((l) => l.id),
    );
    expect(second!.body.messages.at(-2)).toMatchObject({
      role: 'assistant',
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'search_listings' } }],
    });
  });

  it('joins interleaved fragments of parallel tool calls by index; the last search is recommended', async () => {
    const { assistant, search } = await setup((_req, res, index) => {
      if (index > 0) return sendText(res, ['Done.']);
      startSse(res);
      const frag = (i: number, args: string, id?: string) =>
        sendChunk(res, {
          tool_calls: [
            {
              index: i,
              ...(id ? { id, type: 'function' } : {}),
              function: { ...(id ? { name: 'search_listings' } : {}), arguments: args },
            },
          ],
        });
      frag(0, '{"location":', 'call_a');
      frag(1, '{"location":', 'call_b');
      frag(0, '"Lapta"}');
      frag(1, '"Bellapais","rentType":"sale"}');
      sendChunk(res, {}, 'tool_calls');
      res.end('data: [DONE]\n\n');
    });
    const out = await ask(assistant, 'lapta or bellapais?', {
      searchListings: search.searchListings,
    });
    expectWellFormed(out.reply, out.pieces);
    expect(search.queries.map((q) => q.location)).toEqual(['Lapta', 'Bellapais']);
    expect(out.reply.appliedFilters).toEqual({ location: 'Bellapais', rentType: 'sale' });
  });

  it('a plain answer recommends nothing and keeps the memory', async () => {
    const { assistant, search } = await setup((_req, res) =>
      sendText(res, ['Hi! ', 'How can I help?']),
    );
    const memory = { location: 'Girne' };
    const out = await ask(assistant, 'hello', { searchListings: search.searchListings, memory });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.agent).toBe('openai');
    expect(out.reply.recommendations).toEqual([]);
    expect(out.reply.appliedFilters).toEqual(memory);
    expect(out.memory.facts).toEqual(memory);
    expect(search.queries).toEqual([]);
  });
});

describe('openai agent: falls back to the rule agent', () => {
  const cases: [string, Handler][] = [
    [
      'HTTP 500',
      (_req, res) =>
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"boom"}'),
    ],
    ['HTTP 401', (_req, res) => res.writeHead(401).end()],
    ['an empty answer', (_req, res) => sendText(res, [])],
    ['a whitespace answer', (_req, res) => sendText(res, ['  ', '\n'])],
    [
      'tool arguments that are not JSON',
      (_req, res) => sendToolCall(res, 'search_listings', ['{"location": Kyr']),
    ],
    [
      'tool arguments outside the schema',
      (_req, res) => sendToolCall(res, 'search_listings', ['{"rentType":"weekly"}']),
    ],
    [
      'a place Parley does not know',
      (_req, res) => sendToolCall(res, 'search_listings', ['{"location":"Atlantis"}']),
    ],
    ['an unknown tool', (_req, res) => sendToolCall(res, 'delete_everything', ['{}'])],
    [
      'an error in the stream',
      (_req, res) => {
        startSse(res);
        res.end(`data: ${JSON.stringify({ error: { message: 'overloaded' } })}\n\n`);
      },
    ],
    [
      'a chunk that is not JSON',
      (_req, res) => {
        startSse(res);
        res.end('data: {oops\n\n');
      },
    ],
    [
      'a stream cut short',
      (_req, res) => {
        startSse(res);
        sendChunk(res, { content: '' });
        res.end();
      },
    ],
    [
      'a model that never stops calling tools',
      (_req, res) => sendToolCall(res, 'search_listings', ['{}']),
    ],
  ];

  it.each(cases)('on %s', async (_name, handler) => {
    const { assistant, search, warnings } = await setup(handler);
    const out = await ask(assistant, MESSAGE, { searchListings: search.searchListings });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.agent).toBe('rules');
    expect(out.reply.responseText).toBe((await rulesAnswer(MESSAGE)).reply.responseText);
    expect(out.reply.recommendations.length).toBeGreaterThan(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/answering with the rule agent/);
  });

  it('on a provider that does not answer in time', async () => {
    const { assistant, search, warnings } = await setup(() => {
      // Never answers.
    }, 200);
    const started = Date.now();
    const out = await ask(assistant, MESSAGE, { searchListings: search.searchListings });
    expect(Date.now() - started).toBeLessThan(2000);
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.agent).toBe('rules');
    expect(warnings[0]!.details.timedOut).toBe(true);
  });

  it('on a stream that stalls mid-answer, keeping what was already streamed', async () => {
    const { assistant, search } = await setup((_req, res) => {
      startSse(res);
      sendChunk(res, { content: 'Let me look' });
    }, 300);
    const out = await ask(assistant, MESSAGE, { searchListings: search.searchListings });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.agent).toBe('rules');
    const rules = await rulesAnswer(MESSAGE);
    expect(out.reply.responseText).toBe(`Let me look\n\n${rules.reply.responseText}`);
    expect(out.reply.recommendations).toEqual(rules.reply.recommendations);
  });

  it('on a provider that cannot be reached', async () => {
    const server = await startFakeOpenAi(() => undefined);
    const baseUrl = server.baseUrl;
    await server.close();
    const assistant = createOpenAiAssistant({
      baseUrl,
      apiKey: 'sk-test',
      model: 'gpt-test',
      timeoutMs: 1000,
      fallback: createRulesAssistant(),
    });
    const out = await ask(assistant, MESSAGE, { searchListings: memorySearch().searchListings });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.agent).toBe('rules');
  });
});

describe('openai agent: failures that are not the provider’s', () => {
  it('a failing listing search rejects instead of falling back', async () => {
    const { assistant } = await setup((_req, res) => sendToolCall(res, 'search_listings', ['{}']));
    const failing = async () => {
      throw new Error('database is down');
    };
    await expect(ask(assistant, MESSAGE, { searchListings: failing })).rejects.toThrow(
      'database is down',
    );
  });

  it('a caller abort rejects with its reason', async () => {
    const { assistant, search } = await setup(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('client went away')), 50);
    await expect(
      ask(assistant, MESSAGE, { searchListings: search.searchListings, signal: controller.signal }),
    ).rejects.toThrow('client went away');
  });
});

describe('createAssistant', () => {
  it('picks the rule agent', () => {
    expect(createAssistant({ provider: 'rules' }).name).toBe('rules');
  });

  it('picks OpenAI with the rule agent behind it', async () => {
    const server = await startFakeOpenAi((_req, res) => {
      res.writeHead(503).end();
    });
    servers.push(server);
    const assistant: Assistant = createAssistant(
      {
        provider: 'openai',
        openai: { baseUrl: server.baseUrl, apiKey: 'sk-test', model: 'gpt-test', timeoutMs: 1000 },
      },
      { logger: { warn: () => undefined } },
    );
    expect(assistant.name).toBe('openai');
    const out = await ask(assistant, MESSAGE, { searchListings: memorySearch().searchListings });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.agent).toBe('rules');
  });

  it('refuses openai without its settings, naming the field', () => {
    expect(() => createAssistant({ provider: 'openai' })).toThrow(/openai/);
  });
});
