import type { SearchFacts } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import { intentLabel } from '../src/intent';
import type { ChatTurn } from '../src/types';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * A question about a listing the last reply showed ("does the first one have parking?") is
 * answered from that listing and changes no filter, in every language.
 */
const rules = createRulesAssistant();

async function afterList(request: string, question: string) {
  const search = memorySearch();
  const first = await ask(rules, request, { searchListings: search.searchListings });
  const history: ChatTurn[] = [
    { role: 'user', content: request },
    { role: 'assistant', content: first.reply.responseText },
  ];
  const memory: SearchFacts = first.memory.facts;
  const out = await ask(rules, question, {
    searchListings: search.searchListings,
    memory,
    history,
  });
  return { first, out, memory };
}

describe('a question about a listing shown', () => {
  it.each([
    [
      '2 bed flat in Girne to rent',
      'does the first one have parking?',
      0,
      /Listing 1 .*(lists: parking|does not list: parking)/,
    ],
    ['2 bed flat in Girne to rent', 'is there a gym in the second one?', 1, /Listing 2 .*gym/],
    ['girnede kiralık daire', 'ikincisinde havuz var mı', 1, /2 numaralı ilan.*havuzlu/],
    ['girnede kiralık daire', 'ilk dairenin otoparkı var mı?', 0, /1 numaralı ilan.*otoparklı/],
    [
      'квартира в Кирении в аренду 2 спальни',
      'а вторая квартира с мебелью?',
      1,
      /объявлении № 2.*с мебелью/,
    ],
    [
      'квартира в Кирении в аренду 2 спальни',
      'у первой есть балкон?',
      0,
      /объявлении № 1.*с балконом/,
    ],
  ])('%s → %s', async (request, question, index, says) => {
    const { first, out, memory } = await afterList(request, question);
    expectWellFormed(out.reply, out.pieces);
    expect(intentLabel(out.intent)).toBe('question:listing');
    expect(out.memory.facts).toEqual(memory);
    expect(out.reply.responseText).toMatch(says);
    // Answered from that listing: it names it, and what it says matches the listing.
    const listing = first.reply.recommendations[index]!;
    expect(out.reply.responseText).toContain(listing.title);
  });

  it('says yes or no from the listing’s own features', async () => {
    const { first, out } = await afterList(
      '2 bed flat in Girne to rent',
      'does the first one have parking?',
    );
    const has = first.reply.recommendations[0]!.features.includes('parking');
    expect(out.reply.responseText).toMatch(has ? /lists: parking/ : /does not list: parking/);
  });

  it('asked about with nothing in particular, says what the listing lists', async () => {
    const { first, out } = await afterList(
      '2 bed flat in Girne to rent',
      'what about the last one?',
    );
    const listing = first.reply.recommendations.at(-1)!;
    expect(out.reply.responseText).toContain(`Listing ${first.reply.recommendations.length}:`);
    expect(out.reply.responseText).toContain(listing.title);
  });

  it('with no list shown, does not guess and offers an agent', async () => {
    const search = memorySearch();
    const out = await ask(rules, 'does the first one have a pool?', {
      searchListings: search.searchListings,
    });
    expect(out.memory.facts).toEqual({});
    expect(out.reply.responseText).toMatch(/talk to an agent/);
  });

  it('ordinals that name no listing stay what they were', async () => {
    const { out } = await afterList(
      '2 bed flat in Girne to rent',
      'with parking, first floor if possible?',
    );
    expect(out.memory.facts.features).toEqual(['parking']);
  });
});
