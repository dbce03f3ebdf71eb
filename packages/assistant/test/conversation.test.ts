import type { SearchFacts } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { createRulesAssistant, mergeFacts, understand } from '../src';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/** Runs messages in order, carrying memory between turns like the session does. */
function converse(messages: string[], start: SearchFacts = {}): SearchFacts[] {
  const steps: SearchFacts[] = [];
  let memory = start;
  for (const message of messages) {
    memory = mergeFacts(memory, understand(message)).facts;
    steps.push(memory);
  }
  return steps;
}

const base: SearchFacts = {
  location: 'Girne',
  rentType: 'long_term',
  propertyType: 'apartment',
  minBedrooms: 2,
  maxBedrooms: 2,
  maxPrice: 1000,
  features: ['pool'],
};

describe('follow-ups merge into memory', () => {
  it.each<[string, SearchFacts]>([
    ['what about Famagusta?', { ...base, location: 'Gazimağusa' }],
    ['and in magusa', { ...base, location: 'Gazimağusa' }],
    ['under 800 then', { ...base, maxPrice: 800 }],
    ['ok, between 600 and 900', { ...base, minPrice: 600, maxPrice: 900 }],
    ['with a garden too', { ...base, features: ['pool', 'garden'] }],
    ['with sea view', { ...base, features: ['sea_view', 'pool'] }],
    ['no pool needed', { ...base, features: undefined }],
    ['actually forget the pool', { ...base, features: undefined }],
    ['pool is not necessary', { ...base, features: undefined }],
    ['forget the budget', { ...base, maxPrice: undefined }],
    ['any price', { ...base, maxPrice: undefined }],
    ["price doesn't matter", { ...base, maxPrice: undefined }],
    ['no budget', { ...base, maxPrice: undefined }],
    ['any location', { ...base, location: undefined }],
    ['anywhere is fine', { ...base, location: undefined }],
    ["don't care where", { ...base, location: undefined }],
    ['any number of bedrooms', { ...base, minBedrooms: undefined, maxBedrooms: undefined }],
    ['3 bedrooms instead', { ...base, minBedrooms: 3, maxBedrooms: 3 }],
    ['at least 3 bedrooms', { ...base, minBedrooms: 3, maxBedrooms: undefined }],
    ['a villa instead', { ...base, propertyType: 'villa' }],
    ['any type of property', { ...base, propertyType: undefined }],
    ['forget the features', { ...base, features: undefined }],
    ['start over', {}],
    ['reset', {}],
    ["let's start again: villas in Lapta", { location: 'Lapta', propertyType: 'villa' }],
    ['not Kyrenia', { ...base, location: undefined, excludeLocations: ['Girne'] }],
    ['Famagusta instead of Kyrenia', { ...base, location: 'Gazimağusa' }],
    ['reset the budget', { ...base, maxPrice: undefined }],
    // Changing what the price means drops the old budget.
    ['actually to buy', { ...base, rentType: 'sale', maxPrice: undefined }],
    ['for sale, under 200k', { ...base, rentType: 'sale', maxPrice: 200_000 }],
    ['holiday let instead', { ...base, rentType: 'short_term', maxPrice: undefined }],
    ['monthly', base],
  ])('%s', (message, expected) => {
    const [facts] = converse([message], base);
    expect(facts).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('a whole conversation', () => {
    const steps = converse([
      'hi',
      'I need a flat in kyrenia',
      'to rent, 2 bedrooms',
      'under £900 a month',
      'with parking',
      'what about Famagusta?',
      'forget the budget',
      'and a balcony',
      'start over',
      'villa to buy in Bellapais',
    ]);
    expect(steps).toEqual([
      {},
      { location: 'Girne', propertyType: 'apartment' },
      {
        location: 'Girne',
        rentType: 'long_term',
        propertyType: 'apartment',
        minBedrooms: 2,
        maxBedrooms: 2,
      },
      {
        location: 'Girne',
        rentType: 'long_term',
        propertyType: 'apartment',
        minBedrooms: 2,
        maxBedrooms: 2,
        maxPrice: 900,
      },
      {
        location: 'Girne',
        rentType: 'long_term',
        propertyType: 'apartment',
        minBedrooms: 2,
        maxBedrooms: 2,
        maxPrice: 900,
        features: ['parking'],
      },
      {
        location: 'Gazimağusa',
        rentType: 'long_term',
        propertyType: 'apartment',
        minBedrooms: 2,
        maxBedrooms: 2,
        maxPrice: 900,
        features: ['parking'],
      },
      {
        location: 'Gazimağusa',
        rentType: 'long_term',
        propertyType: 'apartment',
        minBedrooms: 2,
        maxBedrooms: 2,
        features: ['parking'],
      },
      {
        location: 'Gazimağusa',
        rentType: 'long_term',
        propertyType: 'apartment',
        minBedrooms: 2,
        maxBedrooms: 2,
        features: ['parking', 'balcony'],
      },
      {},
      { location: 'Bellapais', rentType: 'sale', propertyType: 'villa' },
    ]);
  });

  it('memory given in another spelling is normalised', () => {
    const [facts] = converse(['with a pool'], {
      location: 'Kyrenia',
      features: ['pool', 'garden'],
    });
    expect(facts).toEqual({ location: 'Girne', features: ['pool', 'garden'] });
  });
});

describe('follow-ups through the rule agent', () => {
  it('carries memory from reply to reply, and every reply is well formed', async () => {
    const rules = createRulesAssistant();
    const search = memorySearch();
    let memory: SearchFacts = {};
    const replies = [];
    for (const message of [
      'Hello',
      'flat to rent in Kyrenia',
      'under 1200 then',
      'with a balcony',
      'what about Famagusta?',
      'any price',
      'thanks',
      'start over',
    ]) {
      const out = await ask(rules, message, { searchListings: search.searchListings, memory });
      expectWellFormed(out.reply, out.pieces);
      memory = out.memory.facts;
      replies.push(out);
    }
    expect(replies[2]!.memory.facts).toEqual({
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 1200,
    });
    expect(replies[5]!.memory.facts).toEqual({
      location: 'Gazimağusa',
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['balcony'],
    });
    expect(replies[6]!.reply.appliedFilters).toEqual(replies[5]!.memory.facts);
    expect(replies[7]!.memory).toEqual({ summary: 'No preferences yet.', facts: {} });
    expect(replies[7]!.reply.responseText).toMatch(/cleared everything/);
    expect(replies[7]!.reply.recommendations).toEqual([]);
  });

  it('says when a change of rent type dropped the old budget', async () => {
    const rules = createRulesAssistant();
    const out = await ask(rules, 'actually I want to buy', {
      searchListings: memorySearch().searchListings,
      memory: { location: 'Girne', rentType: 'long_term', maxPrice: 900 },
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.responseText).toMatch(/\nI dropped your earlier budget/);
    expect(out.memory.facts).toEqual({ location: 'Girne', rentType: 'sale' });
  });
});
