import type { SearchFacts } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import { interpret } from '../src/interpret';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * A different property type together with a different place or rent type is a new
 * search: the old home's features and bedrooms are not carried over, and the reply says
 * so. A change of one of them alone is a refinement that keeps the rest.
 */
const villa: SearchFacts = {
  location: 'Girne',
  rentType: 'sale',
  propertyType: 'villa',
  minBedrooms: 3,
  maxBedrooms: 3,
  maxPrice: 500_000,
  features: ['pool'],
};
const rules = createRulesAssistant();

describe('a new search does not keep the old features', () => {
  it.each([
    ['studio in Famagusta for holiday rent', 'Gazimağusa', 'short_term', 'studio'],
    ['Gazimağusa’da günlük kiralık stüdyo', 'Gazimağusa', 'short_term', 'studio'],
    ['студия посуточно в Фамагусте', 'Gazimağusa', 'short_term', 'studio'],
  ])('%s', (message, location, rentType, propertyType) => {
    const read = interpret(message, villa);
    expect(read.facts).toEqual({ location, rentType, propertyType });
    expect(read.notes).toContainEqual({
      kind: 'newSearch',
      dropped: { features: ['pool'], minBedrooms: 3, maxBedrooms: 3 },
    });
  });

  it('a new type and place with the same rent type keeps the budget', () => {
    const read = interpret('an apartment in Famagusta', villa);
    expect(read.facts).toEqual({
      location: 'Gazimağusa',
      rentType: 'sale',
      propertyType: 'apartment',
      maxPrice: 500_000,
    });
  });

  it('features said with the new search are kept', () => {
    const read = interpret('apartment with a pool and parking in Famagusta', villa);
    expect(read.facts.features).toEqual(['pool', 'parking']);
    expect(read.notes).toContainEqual({
      kind: 'newSearch',
      dropped: { minBedrooms: 3, maxBedrooms: 3 },
    });
  });

  it.each([['apartments instead'], ['what about Famagusta?'], ['to rent long-term instead']])(
    'one change alone is a refinement: %s',
    (message) => {
      const read = interpret(message, villa);
      expect(read.facts.features).toEqual(['pool']);
      expect(read.facts.minBedrooms).toBe(3);
      expect(read.notes.some((n) => n.kind === 'newSearch')).toBe(false);
    },
  );

  it('the reply says what was not carried over, and searches without it', async () => {
    const search = memorySearch();
    const out = await ask(rules, 'studio in Famagusta for holiday rent', {
      searchListings: search.searchListings,
      memory: villa,
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.appliedFilters.features).toBeUndefined();
    expect(out.memory.facts).toEqual({
      location: 'Gazimağusa',
      rentType: 'short_term',
      propertyType: 'studio',
    });
    expect(out.reply.responseText).toMatch(
      /That is a new search, so I did not carry over 3 bedrooms and a pool from the previous one\./,
    );
    expect(out.reply.responseText).not.toMatch(/no longer required/);
  });

  it('says so in Russian and Turkish', async () => {
    const search = memorySearch();
    const ru = await ask(rules, 'студия посуточно в Фамагусте', {
      searchListings: search.searchListings,
      memory: villa,
    });
    expect(ru.reply.responseText).toMatch(
      /Это новый поиск, поэтому условия прежнего запроса я не переносил: 3 спальни, с бассейном\./,
    );
    const tr = await ask(rules, 'Gazimağusa’da günlük kiralık stüdyo', {
      searchListings: search.searchListings,
      memory: villa,
    });
    expect(tr.reply.responseText).toMatch(/Bu yeni bir arama.*: 3\+1, havuzlu\./);
  });
});
