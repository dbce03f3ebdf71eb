import { type Listing, type SearchFacts, searchFacts } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import { makeListings, memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

const rules = createRulesAssistant();

describe('rule agent: small talk', () => {
  it.each(['hi', 'Hello!', 'hey there', 'help', 'What can you do?', 'good morning'])(
    'greets "%s" without searching',
    async (message) => {
      const search = memorySearch();
      const { reply, memory, pieces } = await ask(rules, message, {
        searchListings: search.searchListings,
      });
      expectWellFormed(reply, pieces);
      expect(search.queries).toHaveLength(0);
      expect(reply.agent).toBe('rules');
      expect(reply.recommendations).toEqual([]);
      expect(reply.appliedFilters).toEqual({});
      expect(reply.responseText).toMatch(/North Cyprus/);
      expect(reply.responseText).toMatch(/for example/);
      expect(memory).toEqual({ summary: 'No preferences yet.', facts: {} });
      expect(pieces.length).toBeGreaterThan(1);
    },
  );

  it('a greeting keeps and recalls the memory', async () => {
    const memory: SearchFacts = { location: 'Girne', rentType: 'long_term' };
    const search = memorySearch();
    const out = await ask(rules, 'hello', { searchListings: search.searchListings, memory });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.appliedFilters).toEqual(memory);
    expect(out.memory.facts).toEqual(memory);
    expect(out.reply.responseText).toMatch(
      /So far you've asked for listings to rent long-term in Girne \(Kyrenia\)/,
    );
  });

  it('answers thanks without searching', async () => {
    const search = memorySearch();
    const out = await ask(rules, 'thanks!', { searchListings: search.searchListings });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.responseText).toMatch(/welcome/);
    expect(search.queries).toHaveLength(0);
  });
});

describe('rule agent: search', () => {
  it('recommends matching listings with price, period, bedrooms and town', async () => {
    const search = memorySearch();
    const out = await ask(rules, '2 bedroom flat in Kyrenia for long-term rent under 1500', {
      searchListings: search.searchListings,
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.recommendations.length).toBeGreaterThan(0);
    expect(out.reply.appliedFilters).toEqual({
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 1500,
    });
    expect(out.memory.facts).toEqual(out.reply.appliedFilters);
    expect(out.memory.summary).toBe(
      'Looking for apartments to rent long-term in Girne (Kyrenia), 2 bedrooms, up to £1,500 a month.',
    );
    const first = out.reply.recommendations[0]!;
    expect(out.reply.responseText).toContain(`£${first.price.toLocaleString('en-GB')}/month`);
    expect(out.reply.responseText).toContain(`${first.location}, 2 bed`);
    // A budget sorts by price; five at most.
    expect(search.queries[0]).toMatchObject({ sort: 'price_asc', limit: 5 });
    expect(out.pieces.length).toBeGreaterThan(2);
  });

  it('quotes holiday prices per night and sale prices without a period', async () => {
    const search = memorySearch();
    const nightly = await ask(rules, 'holiday villa in famagusta', {
      searchListings: search.searchListings,
    });
    expectWellFormed(nightly.reply, nightly.pieces);
    expect(nightly.reply.responseText).toMatch(/£\d+\/night/);
    expect(search.queries[0]!.sort).toBe('relevance');

    const sale = await ask(rules, 'villa to buy in famagusta', {
      searchListings: search.searchListings,
    });
    expectWellFormed(sale.reply, sale.pieces);
    expect(sale.reply.responseText).toMatch(/£\d{2,3},\d{3}(\n|$)/);
  });

  it('a message with nothing in it browses and asks for details', async () => {
    const search = memorySearch();
    const out = await ask(rules, 'show me what you have', {
      searchListings: search.searchListings,
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.recommendations).toHaveLength(5);
    expect(out.reply.responseText).toMatch(/Here are a few to start with/);
    expect(out.reply.responseText).toMatch(/rent long-term, stay for a holiday, or buy/);
  });

  it('"cheapest" sorts by price', async () => {
    const search = memorySearch();
    await ask(rules, 'cheapest studio in nicosia', { searchListings: search.searchListings });
    expect(search.queries[0]!.sort).toBe('price_asc');
  });
});

describe('rule agent: no match', () => {
  it('relaxes the budget, says so, and recommends only what satisfies appliedFilters', async () => {
    const search = memorySearch();
    const out = await ask(rules, 'villa in Lapta for long-term rent under 50', {
      searchListings: search.searchListings,
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.responseText).toMatch(
      /^I couldn't find any villas to rent long-term in Lapta/,
    );
    expect(out.reply.responseText).toMatch(/If I ignore the budget/);
    expect(out.reply.responseText).toMatch(/your request is unchanged/);
    expect(out.reply.recommendations.length).toBeGreaterThan(0);
    // The reply's filters are the relaxed ones; the memory keeps what was asked.
    expect(out.reply.appliedFilters).toEqual({
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'villa',
    });
    expect(out.memory.facts).toEqual({
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'villa',
      maxPrice: 50,
    });
    // The nearest alternatives above the budget: cheapest first.
    expect(search.queries.at(-1)!.sort).toBe('price_asc');
  });

  it('relaxes features before the budget', async () => {
    const search = memorySearch();
    const out = await ask(
      rules,
      'apartment in Lapta to buy with pool, garden, gym, sea view, balcony, parking, air con, pets and furnished',
      { searchListings: search.searchListings },
    );
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.responseText).toMatch(/If I drop the sea view, pool, .* requirements/);
    expect(out.reply.appliedFilters).toEqual({
      location: 'Lapta',
      rentType: 'sale',
      propertyType: 'apartment',
    });
  });

  it('relaxes the property type when the place has none of that type', async () => {
    const search = memorySearch();
    const out = await ask(rules, 'penthouse in Lapta', { searchListings: search.searchListings });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.responseText).toMatch(/include other property types/);
    expect(out.reply.appliedFilters).toEqual({ location: 'Lapta' });
  });

  it('widens a town to its district before dropping the place', async () => {
    const search = memorySearch(makeListings().filter((l) => l.location !== 'Esentepe'));
    const out = await ask(rules, 'anything in Esentepe?', {
      searchListings: search.searchListings,
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.responseText).toMatch(/widen the search to the whole Girne district/);
    expect(out.reply.appliedFilters).toEqual({ location: 'Girne' });
  });

  it('says plainly when even relaxed searches find nothing', async () => {
    const search = memorySearch([]);
    const out = await ask(rules, '2 bed flat in Kyrenia to rent under 500', {
      searchListings: search.searchListings,
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.recommendations).toEqual([]);
    expect(out.reply.appliedFilters).toEqual(out.memory.facts);
    expect(out.reply.responseText).toMatch(/I couldn't find any apartments/);
    expect(out.reply.responseText).toMatch(/another rent type/);
  });

  it('says there are no listings when the catalogue is empty', async () => {
    const out = await ask(rules, 'show me everything', {
      searchListings: memorySearch([]).searchListings,
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.responseText).toMatch(/no listings available/);
  });
});

describe('rule agent: every branch ends in an AssistantReply', () => {
  const listings = makeListings();
  const branches: [branch: string, message: string, memory: SearchFacts, catalogue: Listing[]][] = [
    ['greeting', 'hi', {}, listings],
    ['greeting with memory', 'what can you do?', { location: 'Lapta' }, listings],
    ['thanks', 'thank you', {}, listings],
    ['reset', 'start over', { location: 'Lapta' }, listings],
    ['results', 'villa in Lapta', {}, listings],
    ['browse', 'show me', {}, listings],
    ['nothing new, memory searched', 'hmm', { location: 'Lapta' }, listings],
    ['relaxed', 'penthouse in Lapta', {}, listings],
    ['nothing even relaxed', 'villa in Lapta', {}, []],
    ['empty catalogue', 'show me', {}, []],
    ['stale budget dropped', 'to buy', { rentType: 'long_term', maxPrice: 800 }, listings],
  ];

  it.each(branches)('%s', async (_branch, message, memory, catalogue) => {
    const out = await ask(rules, message, {
      searchListings: memorySearch(catalogue).searchListings,
      memory,
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.agent).toBe('rules');
    expect(searchFacts.parse(out.memory.facts)).toEqual(out.memory.facts);
    expect(out.memory.summary).not.toContain('\n');
  });
});

describe('rule agent: failures are not hidden', () => {
  it('rejects with the search error', async () => {
    const failing = async () => {
      throw new Error('database is down');
    };
    await expect(ask(rules, 'flat in kyrenia', { searchListings: failing })).rejects.toThrow(
      'database is down',
    );
  });

  it('rejects when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('client went away'));
    await expect(
      ask(rules, 'flat in kyrenia', {
        searchListings: memorySearch().searchListings,
        signal: controller.signal,
      }),
    ).rejects.toThrow('client went away');
  });
});
