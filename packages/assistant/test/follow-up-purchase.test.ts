import { describe, expect, it } from 'vitest';
import { type ChatTurn, createRulesAssistant } from '../src';
import { interpret } from '../src/interpret';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * A budget no rent comes near, said after a rent search without a rent type of its own,
 * is a purchase price, as it is in a fresh chat; the reply says the search became a
 * purchase and how the amount was read.
 */
const RENT = interpret("Girne'de kiralık 2+1 daire 5000 TL altı", {}).facts;

describe('a purchase budget in a follow-up to a rent search', () => {
  it.each([
    ['А есть дом с бассейном в Фамагусте до 200000 фунтов?', 200_000, 'как цену покупки'],
    ['any house with a pool in Famagusta under £250,000?', 250_000, 'as a purchase price'],
    ["Mağusa'da havuzlu villa var mı, 300 bin sterline kadar?", 300_000, 'satın alma fiyatı'],
    ['а до 150 тысяч фунтов?', 150_000, 'как цену покупки'],
  ])('%s', async (message, max, says) => {
    expect(RENT.rentType).toBe('long_term');
    const r = interpret(message, RENT);
    expect(r.facts).toMatchObject({ rentType: 'sale', maxPrice: max });
    expect(r.notes).toContainEqual({ kind: 'reading', reading: 'sale', amount: max });
    const history: ChatTurn[] = [{ role: 'user', content: 'kiralık daire' }];
    const { reply, pieces } = await ask(createRulesAssistant(), message, {
      memory: RENT,
      history,
      searchListings: memorySearch().searchListings,
    });
    expectWellFormed(reply, pieces);
    expect(reply.responseText).toContain(says);
    expect(reply.responseText).not.toMatch(/в месяц|a month|aylık/);
  });

  it.each([
    ['до 900 фунтов', 900, 'long_term'],
    ['under 15000', 15_000, 'long_term'],
    ['a holiday let instead, under 30000', 30_000, 'short_term'],
  ])('a rent-sized budget or a rent type said stays a rent: %s', (message, max, rentType) => {
    expect(interpret(message, RENT).facts).toMatchObject({ rentType, maxPrice: max });
  });
});
