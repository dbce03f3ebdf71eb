import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import { interpret } from '../src/interpret';
import { understand } from '../src/understand';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * "No pool" refuses pools. The listing search can require a feature but not leave one
 * out (searchFacts has no excluded features), so the reply says it was not applied.
 * "No need for a pool" only lets a feature go, and says nothing of the kind.
 */
const refused = (message: string) => understand(message).refusedFeatures;

describe('a feature refused or let go', () => {
  it.each([
    ['flat to rent not in Girne between 500 and 700, no pool', ['pool']],
    ['villa without a garden', ['garden']],
    ["I don't want a pool", ['pool']],
    ['unfurnished flat in Lapta', ['furnished']],
    ['kiralık daire, havuz olmasın', ['pool']],
    ['havuzsuz villa', ['pool']],
    ['eşyasız daire', ['furnished']],
    ['квартира без бассейна', ['pool']],
    ['квартира без мебели', ['furnished']],
  ])('refused: %s', (message, features) => {
    expect(refused(message)).toEqual(features);
  });

  it.each([
    'no need for a pool',
    "doesn't have to be furnished",
    'pool not needed',
    'furnished or not',
    'forget the pool',
    'eşyalı olmasa da olur',
    'havuzsuz da olur',
    'bahçe gerekmez',
    'можно без мебели',
    'бассейн не нужен',
    'не обязательно с мебелью',
    'с мебелью или без',
  ])('let go: %s', (message) => {
    expect(understand(message).removedFeatures.length, message).toBeGreaterThan(0);
    expect(refused(message), message).toEqual([]);
  });

  it('is said as not applied only when it was not asked for before', () => {
    const kinds = (message: string, memory = {}) =>
      interpret(message, memory).notes.map((n) => n.kind);
    expect(kinds('flat to rent, no pool')).toContain('unfiltered');
    expect(kinds('no need for a pool')).not.toContain('unfiltered');
    // A pool asked for before: "no pool" drops it, and the reply says so as a change.
    const drop = interpret('no pool', { rentType: 'long_term', features: ['pool'] });
    expect(drop.notes.map((n) => n.kind)).not.toContain('unfiltered');
    expect(drop.facts.features).toBeUndefined();
  });
});

describe('the reply says what it could not apply, in the language of the request', () => {
  const rules = createRulesAssistant();
  it.each([
    [
      'flat to rent not in Girne between 500 and 700, no pool',
      `I can only search for what a home has, not for what it lacks, so I couldn't apply "no pool".`,
    ],
    [
      'kiralık daire Lefkoşa, havuz olmasın, bahçe olmasın',
      'Yalnızca bir evde olanlara göre arama yapabiliyorum, olmayanlara göre değil; bu yüzden "havuzsuz" ve "bahçesiz" isteklerini uygulayamadım.',
    ],
    [
      'снять квартиру в Никосии без бассейна',
      'Я могу искать только по тому, что в жилье есть, а не по тому, чего нет, поэтому не смог учесть «без бассейна».',
    ],
  ])('%s', async (message, said) => {
    const search = memorySearch();
    const out = await ask(rules, message, { searchListings: search.searchListings });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.responseText.split('\n')).toContain(said);
    // Nothing about features reaches the search: it has no way to leave them out.
    expect(search.queries[0]!.features).toBeUndefined();
  });
});
