import { describe, expect, it } from 'vitest';
import { createRulesAssistant, type SaveRefusal } from '../src';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * Alerts are promised only when the search will be saved: a guest is asked to sign in,
 * someone at the cap of saved searches to delete one on the Saved searches page.
 */
const rules = createRulesAssistant();
const base = { location: 'Girne', rentType: 'long_term' as const };

describe('asking for alerts that cannot be saved', () => {
  it.each([
    [
      'let me know when a villa with a pool comes up',
      'limit',
      /maximum number of saved searches.*Saved searches page/,
    ],
    ['havuzlu villa çıkınca haber ver', 'limit', /en fazla sayıda.*Kayıtlı aramalar/],
    [
      'сообщите, когда появится вилла с бассейном',
      'limit',
      /максимальное число.*«Сохранённые поиски»/,
    ],
    ['let me know when a villa with a pool comes up', 'account', /Sign in/],
    ['сообщите, когда появится вилла с бассейном', 'account', /Войдите/],
  ] as const)('%s (%s)', async (message, refusal: SaveRefusal, words) => {
    const asked: unknown[] = [];
    const out = await ask(rules, message, {
      searchListings: memorySearch().searchListings,
      memory: base,
      maySaveSearches: async (facts) => {
        asked.push(facts);
        return refusal;
      },
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.responseText).toMatch(words);
    expect(out.reply.responseText).not.toMatch(/save this search \(|kaydediyorum|Я сохраню/);
    // Asked about the search it would save.
    expect(asked).toEqual([expect.objectContaining({ propertyType: 'villa', features: ['pool'] })]);
  });

  it('promises alerts when it may', async () => {
    const out = await ask(rules, 'let me know when a villa with a pool comes up', {
      searchListings: memorySearch().searchListings,
      memory: base,
      maySaveSearches: async () => true,
    });
    expect(out.reply.responseText).toMatch(/save this search \(/);
  });
});
