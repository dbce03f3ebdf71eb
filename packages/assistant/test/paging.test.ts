import type { Listing, SearchFacts } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import type { ChatTurn } from '../src/types';
import { makeListings, memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/** "show more" pages through the same list; "sort by price" lists it cheapest first. */
const rules = createRulesAssistant();

/** Runs the messages in order, carrying memory and history like the session does. */
async function converse(messages: string[]) {
  const search = memorySearch();
  let memory: SearchFacts = {};
  const history: ChatTurn[] = [];
  const outs = [];
  for (const message of messages) {
    const out = await ask(rules, message, {
      searchListings: search.searchListings,
      memory,
      history,
    });
    expectWellFormed(out.reply, out.pieces);
    outs.push(out);
    memory = out.memory.facts;
    history.push(
      { role: 'user', content: message },
      { role: 'assistant', content: out.reply.responseText },
    );
  }
  return outs;
}

describe('show more', () => {
  it.each([
    ['villa to buy', 'show more', /^Here are 6 to 10 of 10:/],
    ['satılık villa', 'daha fazla göster', /^10 ilandan 6-10 arası:/],
    ['купить виллу', 'покажи ещё', /^Варианты с 6 по 10 из 10:/],
  ])('%s → %s', async (request, more, says) => {
    const [first, next] = await converse([request, more]);
    expect(next!.reply.responseText).toMatch(says);
    expect(next!.reply.responseText).toMatch(/^6\. /m);
    expect(next!.memory.facts).toEqual(first!.memory.facts);
    const shown = new Set(first!.reply.recommendations.map((l) => l.id));
    expect(next!.reply.recommendations.length).toBe(5);
    expect(next!.reply.recommendations.some((l) => shown.has(l.id))).toBe(false);
  });

  it('says when every match was shown already', async () => {
    const outs = await converse(['villa to buy', 'show more', 'show more']);
    expect(outs[2]!.reply.responseText).toMatch(/shown you all 10 matches/);
    expect(outs[2]!.reply.recommendations).toEqual([]);
  });

  it('pages through a relaxed list as it was shown', async () => {
    const outs = await converse([
      '3 bed villa to rent in Lapta with a pool and a gym under 500',
      'show more',
    ]);
    expect(outs[0]!.reply.recommendations.length).toBeGreaterThan(0);
    expect(outs[1]!.reply.responseText).toMatch(/^That's all of them/);
  });

  it('pages in the order the list was sorted', async () => {
    const outs = await converse(['villa to buy', 'sort by price', 'show more']);
    const prices = [...outs[1]!.reply.recommendations, ...outs[2]!.reply.recommendations].map(
      (l) => l.price,
    );
    expect(prices).toHaveLength(10);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });
});

describe('show more after the list changed', () => {
  /** Turns with the catalogue as it is at each turn: `catalogues[i]` answers message i. */
  async function converseOver(messages: string[], catalogues: Listing[][]) {
    let memory: SearchFacts = {};
    const history: ChatTurn[] = [];
    const outs = [];
    for (const [i, message] of messages.entries()) {
      const out = await ask(rules, message, {
        searchListings: memorySearch(catalogues[i]).searchListings,
        memory,
        history,
      });
      expectWellFormed(out.reply, out.pieces);
      outs.push(out);
      memory = out.memory.facts;
      history.push(
        { role: 'user', content: message },
        { role: 'assistant', content: out.reply.responseText },
      );
    }
    return outs;
  }

  it.each([
    ['villa to buy', 'show more', /^The results have changed since my last list/],
    ['satılık villa', 'daha fazla göster', /^Son listeden bu yana sonuçlar değişti/],
    ['купить виллу', 'покажи ещё', /^С моего прошлого списка результаты изменились/],
  ])('a listing shown is gone: %s → %s', async (request, more, says) => {
    const all = makeListings();
    const [first] = await converseOver([request], [all]);
    const gone = first!.reply.recommendations[1]!.id;
    const [, next] = await converseOver([request, more], [all, all.filter((l) => l.id !== gone)]);
    const lines = next!.reply.responseText.split('\n');
    // Said first, then the list of the search as it is now, numbered from 1 again.
    expect(lines[0]).toMatch(says);
    expect(next!.reply.responseText).toMatch(/^1\. /m);
    expect(next!.reply.responseText).not.toMatch(/^6\. /m);
    expect(next!.reply.recommendations.map((l) => l.id)).not.toContain(gone);
  });

  it('the search is no longer the one listed last', async () => {
    const [villas] = await converse(['villa to buy']);
    const history: ChatTurn[] = [
      { role: 'user', content: 'villa to buy' },
      { role: 'assistant', content: villas!.reply.responseText },
    ];
    const out = await ask(rules, 'show more', {
      searchListings: memorySearch().searchListings,
      memory: { rentType: 'sale', propertyType: 'apartment' },
      history,
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.responseText).toMatch(/^The results have changed since my last list/);
    expect(out.reply.recommendations.every((l) => l.propertyType === 'apartment')).toBe(true);
  });

  it('says nothing of a change when nothing was listed before', async () => {
    const out = await ask(rules, 'show more', {
      searchListings: memorySearch().searchListings,
      memory: { rentType: 'sale', propertyType: 'villa' },
      history: [],
    });
    expect(out.reply.responseText).not.toMatch(/have changed/);
    expect(out.reply.responseText).toMatch(/^1\. /m);
  });

  it('an unchanged list still pages on, without the note', async () => {
    const [, next] = await converse(['villa to buy', 'show more']);
    expect(next!.reply.responseText).not.toMatch(/have changed/);
  });
});

describe('sort by price', () => {
  it.each(['sort by price', 'fiyata göre sırala', 'отсортируй по цене'])('%s', async (sort) => {
    const [, sorted] = await converse(['villa to buy', sort]);
    const prices = sorted!.reply.recommendations.map((l) => l.price);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(sorted!.reply.responseText).not.toMatch(
      /didn't catch|Yeni bir şey anlayamadım|Ничего нового/,
    );
  });
});
