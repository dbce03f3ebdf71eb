import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * No list mixes nightly, monthly and sale prices: with no rent type, one kind is listed
 * and the reply says which; a price question also gets the range of each kind.
 */
const rules = createRulesAssistant();

describe('a list never mixes kinds of price', () => {
  it.each([
    ['2 bed flat in Girne', /listed only the ones to rent long-term/],
    ['cheap studio for students in Nicosia near NEU', /listed only the ones/],
    ['girnede 2+1 daire', /yalnızca uzun dönem kiralık ilanları/],
    ['двухкомнатная квартира в Кирении', /Показываю только варианты/],
  ])('%s', async (message, says) => {
    const search = memorySearch();
    const out = await ask(rules, message, { searchListings: search.searchListings });
    expectWellFormed(out.reply, out.pieces);
    const periods = new Set(out.reply.recommendations.map((l) => l.pricePeriod));
    expect(out.reply.recommendations.length).toBeGreaterThan(0);
    expect(periods.size, message).toBe(1);
    expect(out.reply.responseText).toMatch(says);
    // The kind listed is what the list satisfies; the memory keeps the request as asked.
    expect(out.reply.appliedFilters.rentType).toBeDefined();
    expect(out.memory.facts.rentType).toBeUndefined();
  });

  it('a rent type asked for lists that kind without a word about others', async () => {
    const search = memorySearch();
    const out = await ask(rules, '2 bed flat in Girne for sale', {
      searchListings: search.searchListings,
    });
    expect(out.reply.responseText).not.toMatch(/listed only/);
  });
});

describe('a price question gets the range of each kind', () => {
  it.each([
    [
      'how much is a 2 bed flat in Girne?',
      /Prices: .*from £[\d,]+\/month to £[\d,]+\/month.*for sale/,
    ],
    ['girnede 2+1 daire kaç para', /Fiyatlar: .*uzun dönem kiralık £[\d.]+ aylık - £[\d.]+ aylık/],
    ['почём квартира в Кирении?', /Цены: .*в долгосрочную аренду — от [\d\s]+£ в месяц до/],
  ])('%s', async (message, says) => {
    const search = memorySearch();
    const out = await ask(rules, message, { searchListings: search.searchListings });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.responseText).toMatch(says);
    expect(new Set(out.reply.recommendations.map((l) => l.pricePeriod)).size).toBe(1);
  });

  it('with the rent type known, the one range, cheapest first', async () => {
    const search = memorySearch();
    const out = await ask(rules, 'how much is a flat to rent in Girne?', {
      searchListings: search.searchListings,
    });
    expect(out.reply.responseText).toMatch(/^Prices: to rent long-term from £400\/month to/);
    const prices = out.reply.recommendations.map((l) => l.price);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });
});
