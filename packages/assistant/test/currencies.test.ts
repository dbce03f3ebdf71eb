import { describe, expect, it } from 'vitest';
import { interpret } from '../src/interpret';

/** Currency names with Turkish case endings, and which period a budget is in. */
const facts = (message: string) => interpret(message, {}).facts;

describe('currency names with Turkish endings', () => {
  it.each([
    ['kiralık daire, 1000 euroyu aşmasın', 1000 * 0.86],
    ['kiralık daire 1000 avroya kadar', 1000 * 0.86],
    ['kiralık daire 1000 eurodan az', 1000 * 0.86],
    ['kiralık daire 1000 dolara kadar', 1000 * 0.79],
    ['kiralık daire 1000 doları geçmesin', 1000 * 0.79],
    ['1000 dolarlık kiralık daire', 1000 * 0.79],
    ['kiralık daire 40 bin lirayı geçmesin', 40000 * 0.02],
    ['kiralık daire 40 bin liranın altında', 40000 * 0.02],
  ])('%s', (message, pounds) => {
    expect(facts(message).maxPrice, message).toBeCloseTo(pounds, 0);
  });

  it('pounds with an ending stay pounds', () => {
    expect(facts('satılık villa 300 bin sterline kadar').maxPrice).toBe(300000);
    expect(facts('satılık villa 300 bin poundu geçmesin').maxPrice).toBe(300000);
  });

  it('Russian slang for dollars is dollars', () => {
    expect(facts('снять квартиру до 1000 баксов').maxPrice).toBeCloseTo(790, 0);
  });
});

describe('a stay of a week is not a weekly budget', () => {
  it('a nightly price said with a stay of a week stays nightly', () => {
    for (const message of [
      'tatilde 2 haftalığına villa, gecelik 120 sterlin',
      'bir haftalığına daire lazım, gecesi 60 pound',
    ]) {
      expect(facts(message).maxPrice, message).toBe(message.includes('120') ? 120 : 60);
      expect(facts(message).rentType, message).toBe('short_term');
    }
  });

  it('a budget said per week still becomes nightly', () => {
    expect(facts('günlük kiralık daire, haftalık 420 pound').maxPrice).toBe(60);
    expect(facts('gecelik kiralık villa, haftalığı 700 sterlin').maxPrice).toBe(100);
  });
});

describe('a currency refused is a correction, not the currency of the amount', () => {
  const rent = { location: 'İskele', rentType: 'long_term' as const, maxPrice: 30 };

  it.each([
    ['£ not TL sorry, 500', 500],
    ['pounds, not euros: 800', 800],
    ['TL değil sterlin, 500', 500],
    ['lira olmasın, 600 pound', 600],
    ['не в лирах, а в фунтах, 500', 500],
    ['не евро, 700', 700],
  ])('%s', (message, pounds) => {
    const read = interpret(message, rent);
    expect(read.facts.maxPrice, message).toBe(pounds);
    expect(
      read.notes.some((note) => note.kind === 'converted'),
      message,
    ).toBe(false);
  });

  it('the currency named alongside a refused one is still converted', () => {
    expect(facts('kiralık daire, 500 euro, not pounds').maxPrice).toBeCloseTo(430, 0);
  });
});
