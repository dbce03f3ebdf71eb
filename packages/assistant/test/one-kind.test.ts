import type { RentType } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import { type KindCount, textsFor } from '../src/text';
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

describe('the other kinds are counted with the right number', () => {
  const kind = (rentType: RentType, total: number): KindCount => ({
    rentType,
    total,
    low: 50,
    high: 90,
  });
  const tail = (language: 'en' | 'tr' | 'ru', ...others: KindCount[]) =>
    textsFor(language).oneKind('long_term', others).split(/; /)[1];

  it('English: one listing is, several listings are', () => {
    expect(tail('en', kind('short_term', 1))).toBe('there is also 1 listing for holiday stays.');
    expect(tail('en', kind('short_term', 3))).toBe('there are also 3 listings for holiday stays.');
    expect(tail('en', kind('short_term', 1), kind('sale', 2))).toBe(
      'there is also 1 listing for holiday stays and there are 2 listings for sale.',
    );
    expect(tail('en', kind('sale', 4), kind('short_term', 1))).toBe(
      'there are also 4 listings for sale and there is 1 listing for holiday stays.',
    );
  });

  it('Turkish: the noun stays singular after a number', () => {
    expect(tail('tr', kind('short_term', 1))).toBe('ayrıca 1 günlük kiralık ilan var.');
    expect(tail('tr', kind('short_term', 3), kind('sale', 1))).toBe(
      'ayrıca 3 günlük kiralık ilan ve 1 satılık ilan var.',
    );
  });

  it.each([
    [1, '1 вариант'],
    [2, '2 варианта'],
    [4, '4 варианта'],
    [5, '5 вариантов'],
    [11, '11 вариантов'],
    [21, '21 вариант'],
  ])('Russian: %i', (n, words) => {
    expect(tail('ru', kind('short_term', n))).toBe(`есть ещё ${words} посуточно.`);
  });

  it('Russian: two kinds', () => {
    expect(tail('ru', kind('sale', 3), kind('short_term', 5))).toBe(
      'есть ещё 3 варианта на продажу и 5 вариантов посуточно.',
    );
  });
});
