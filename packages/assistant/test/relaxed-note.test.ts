import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * After a relaxed list, the closing note speaks of as many filters as were loosened:
 * "that filter" after dropping the budget, "those filters" after dropping two features
 * or everything but the kind of home.
 */
const rules = createRulesAssistant();

async function reply(message: string): Promise<string> {
  const out = await ask(rules, message, { searchListings: memorySearch().searchListings });
  expectWellFormed(out.reply, out.pieces);
  return out.reply.responseText;
}

describe('the note after a relaxed list', () => {
  it.each([
    ['villa to rent in Lapta under 100', /If I ignore the budget/, /with that filter relaxed/],
    [
      'lapta da 100 sterline kadar kiralık villa',
      /bütçeyi göz ardı edersem/i,
      /Bunlar o filtre gevşetilerek/,
    ],
    ['вилла в аренду в Лапте до 100 фунтов', /не учитывать бюджет/, /с ослабленным фильтром;/],
  ])('one filter: %s', async (message, loosened, note) => {
    const text = await reply(message);
    expect(text).toMatch(loosened);
    expect(text).toMatch(note);
  });

  it.each([
    [
      'villa in Lapta with a pool, a gym and a garden',
      /drop the pool, garden and gym requirements/,
      /with those filters relaxed/,
    ],
    [
      '3 bed villa to rent in Lapta with a pool and a gym under 500',
      /look only for villas/,
      /with those filters relaxed/,
    ],
    [
      'lapta da havuzlu ve spor salonlu günlük kiralık stüdyo',
      /Havuzlu ve spor salonlu şartlarını kaldırırsam/,
      /Bunlar o filtreler gevşetilerek/,
    ],
    [
      'студия в Лапте с бассейном и спортзалом посуточно',
      /не учитывать условия «с бассейном, со спортзалом»/,
      /с ослабленными фильтрами;/,
    ],
  ])('several filters: %s', async (message, loosened, note) => {
    const text = await reply(message);
    expect(text).toMatch(loosened);
    expect(text).toMatch(note);
    expect(text).not.toMatch(/that filter|o filtre gevşetilerek|ослабленным фильтром/);
  });
});
