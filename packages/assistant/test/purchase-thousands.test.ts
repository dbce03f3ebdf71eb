import { describe, expect, it } from 'vitest';
import { createRulesAssistant, formatMoney } from '../src';
import { interpret } from '../src/interpret';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/** Nobody buys a home for £150: a bare purchase budget in hundreds means thousands. */
const read = (message: string, memory = {}) => interpret(message, memory);

describe('a purchase budget written in hundreds', () => {
  it.each([
    ['apartment for sale in Girne under 150', 150_000],
    ["satılık daire Girne 120'ye kadar", 120_000],
    ['купить квартиру в Кирении до 90', 90_000],
    ['villa to buy, max 9500', 9_500_000],
  ])('%s', (message, max) => {
    const r = read(message);
    expect(r.facts.rentType).toBe('sale');
    expect(r.facts.maxPrice).toBe(max);
    expect(r.notes).toContainEqual({
      kind: 'thousands',
      amounts: [max / 1_000],
      currency: 'GBP',
    });
  });

  it('both ends of a range, and only the bare ones', () => {
    expect(read('house for sale between 100 and 200').facts).toMatchObject({
      minPrice: 100_000,
      maxPrice: 200_000,
    });
    expect(read('house for sale 100-200k').notes.map((n) => n.kind)).not.toContain('thousands');
    expect(read('house for sale 100-200k').facts).toMatchObject({
      minPrice: 100_000,
      maxPrice: 200_000,
    });
  });

  it('a purchase remembered from before counts too', () => {
    expect(read('under 300', { rentType: 'sale', location: 'Girne' }).facts.maxPrice).toBe(300_000);
  });

  it('an amount in another currency is scaled before it is converted', () => {
    const r = read('villa for sale under 200 euros');
    expect(r.facts.maxPrice).toBe(Math.round(200_000 * 0.86));
    expect(r.notes.map((n) => n.kind)).toEqual(['thousands', 'converted']);
  });

  it('amounts written in thousands, large amounts and rents are left as written', () => {
    expect(read('villa for sale under 150k').facts.maxPrice).toBe(150_000);
    expect(read('satılık villa 300 bin sterline kadar').facts.maxPrice).toBe(300_000);
    expect(read('купить дом до 200 тыс фунтов').facts.maxPrice).toBe(200_000);
    expect(read('apartment for sale under 95000').facts.maxPrice).toBe(95_000);
    expect(read('flat to rent under 800').facts.maxPrice).toBe(800);
    expect(read('kiralık daire 600e kadar').facts.maxPrice).toBe(600);
    expect(read('квартира посуточно до 80').facts.maxPrice).toBe(80);
    // No rent type: read the one way the amount fits (a nightly rate), as before.
    expect(read('flat in Girne under 150').facts).toMatchObject({
      rentType: 'short_term',
      maxPrice: 150,
    });
  });

  it('the reply says how it read the amount, in the language of the request', async () => {
    const rules = createRulesAssistant();
    for (const [message, said, searched] of [
      [
        'apartment for sale in Girne under 150',
        'I read 150 as £150,000, since this is a purchase.',
        /up to £150,000/,
      ],
      [
        "satılık daire Girne 120'ye kadar",
        'Satın alma fiyatı olduğu için 120 tutarını £120.000 olarak aldım.',
        /en fazla £120\.000/,
      ],
      [
        'купить квартиру в Кирении до 90',
        `Это цена покупки, поэтому я понял 90 как ${formatMoney(90_000, 'GBP', 'ru')}.`,
        new RegExp(`до ${formatMoney(90_000, 'GBP', 'ru')}`),
      ],
    ] as const) {
      const search = memorySearch();
      const out = await ask(rules, message, { searchListings: search.searchListings });
      expectWellFormed(out.reply, out.pieces);
      expect(out.pieces[0]).toBe(said);
      expect(out.reply.responseText).toMatch(searched);
    }
  });
});
