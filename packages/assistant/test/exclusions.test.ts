import type { SearchFacts } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { understand } from '../src';
import { interpret } from '../src/interpret';

/** Places left out: every place of a list, in the words people use to refuse one. */
const read = (message: string, memory: SearchFacts = {}) => interpret(message, memory).facts;

describe('a place refused in other words', () => {
  it.each<[string, string]>([
    ["I don't want Famagusta, 2 bed flat for rent under 700", 'Gazimağusa'],
    ['do not want anything in Lapta', 'Lapta'],
    ["I don't want to live in Lapta", 'Lapta'],
    ['we would rather avoid Iskele', 'İskele'],
    ['villa to buy, avoiding Nicosia', 'Lefkoşa'],
    ['flat to rent excluding Kyrenia', 'Girne'],
  ])('%s', (message, place) => {
    const facts = read(message);
    expect(facts.excludeLocations, message).toEqual([place]);
    expect(facts.location, message).toBeUndefined();
  });

  it('a remembered place refused later is let go', () => {
    const facts = read("we'd rather avoid Iskele actually", {
      location: 'İskele',
      rentType: 'long_term',
    });
    expect(facts).toEqual({ rentType: 'long_term', excludeLocations: ['İskele'] });
  });

  it('a wanted place stays wanted', () => {
    expect(read('I want Famagusta, 2 bed flat').location).toBe('Gazimağusa');
    expect(read("I don't mind Lapta").location).toBe('Lapta');
  });
});

describe('a list of places after a negation, commas and all', () => {
  it.each<[string, string[]]>([
    [
      'flat for rent in Girne excluding Lapta, Alsancak and Karşıyaka',
      ['Lapta', 'Alsancak', 'Karşıyaka'],
    ],
    [
      'apartment to rent girne max 1000 but not in lapta, alsancak or karsiyaka',
      ['Lapta', 'Alsancak', 'Karşıyaka'],
    ],
    ['kyrenia, except esentepe, bellapais and lapta', ['Esentepe', 'Bellapais', 'Lapta']],
    ['Girne, кроме Лапты, Эсентепе и Беллапаиса', ['Lapta', 'Esentepe', 'Bellapais']],
  ])('%s', (message, places) => {
    const facts = read(message);
    expect(facts.location, message).toBe('Girne');
    expect(new Set(facts.excludeLocations), message).toEqual(new Set(places));
  });

  it('a second place wanted is neither refused nor a choice', () => {
    const u = understand('flat in Lapta close to Kyrenia');
    expect(u.unwantedLocation).toBeUndefined();
    expect(u.excludedLocations).toEqual([]);
    expect(read('flat in Lapta close to Kyrenia')).toEqual({
      location: 'Lapta',
      propertyType: 'apartment',
    });
  });

  it('a comma alone does not carry the negation', () => {
    // Turkish says the negation after the place: "Girne, Lapta hariç" is Girne without Lapta.
    expect(read('Girne, Lapta hariç')).toEqual({ location: 'Girne', excludeLocations: ['Lapta'] });
  });
});

describe('refusing a town, then asking within its district', () => {
  const girne: SearchFacts = {
    location: 'Girne',
    rentType: 'long_term',
    minBedrooms: 2,
    maxBedrooms: 2,
  };

  it('the place asked for is searched, not hidden by the town refused with it', () => {
    const facts = read('not in Girne town, maybe Lapta', girne);
    expect(facts.location).toBe('Lapta');
    expect(facts.excludeLocations).toBeUndefined();
  });

  it('a place asked for later lets an earlier exclusion of its district go', () => {
    const facts = read('what about Lapta?', {
      ...girne,
      location: undefined,
      excludeLocations: ['Girne', 'İskele'],
    });
    expect(facts).toMatchObject({ location: 'Lapta', excludeLocations: ['İskele'] });
  });

  it('a district refused later lets a remembered town in it go', () => {
    const facts = read('not Girne', { ...girne, location: 'Lapta' });
    expect(facts.location).toBeUndefined();
    expect(facts.excludeLocations).toEqual(['Girne']);
  });
});
