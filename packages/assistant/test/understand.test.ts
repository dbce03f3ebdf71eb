import { townNames } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { mergeFacts, understand } from '../src';
import { relaxations } from '../src/rules/relax';
import { withinDistance } from '../src/understand/edit-distance';

const factsOf = (message: string) => mergeFacts({}, understand(message)).facts;

describe('places', () => {
  it('knows every alias in the shared table, in any case', () => {
    for (const [name, town] of townNames()) {
      expect(factsOf(`a flat in ${name.toUpperCase()} please`).location, name).toBe(town.name);
    }
  });

  it('does not turn ordinary words into towns', () => {
    const words =
      'laptop lapse girls gone magic marina harbour castle mountain close places somewhere nearby quiet modern ' +
      'lovely little lakes lagoon large garage morning evening famous family rentals houses garden kitchen ' +
      'terrace simple single beautiful central location balcony parking karaoke lefties nicest';
    expect(factsOf(words).location).toBeUndefined();
  });

  it('takes the first place named', () => {
    expect(factsOf('lapta near kyrenia').location).toBe('Lapta');
  });

  it('edit distance counts a swap as one edit and stops early', () => {
    expect(withinDistance('kyrenai', 'kyrenia', 1)).toBe(true);
    expect(withinDistance('famagsuta', 'famagusta', 1)).toBe(true);
    expect(withinDistance('kitchen', 'kyrenia', 2)).toBe(false);
    expect(withinDistance('abc', 'abcdef', 2)).toBe(false);
  });
});

describe('numbers that are not prices', () => {
  it.each([
    ['flat 10 minutes from the beach', { propertyType: 'apartment', features: ['beach'] }],
    ['villa for 6 people', { propertyType: 'villa' }],
    ['120 sqm house', { propertyType: 'house' }],
    ['built in 2015', {}],
    ['for 3 nights', { rentType: 'short_term' }],
    ['a 6 month let', { rentType: 'long_term' }],
    ['2 bathrooms', {}],
    ['3 rooms', {}],
    ['within 2 km of the sea', {}],
  ])('%s', (message, expected) => {
    expect(factsOf(message)).toEqual(expected);
  });
});

describe('small talk', () => {
  it('is small talk only when nothing else is said', () => {
    expect(understand('hi').smallTalk).toBe('greeting');
    expect(understand('Hi, 2 bed flat in Kyrenia').smallTalk).toBeUndefined();
    expect(understand('help me find a villa').smallTalk).toBeUndefined();
    expect(understand('thank you').smallTalk).toBe('thanks');
  });
});

describe('relaxation order', () => {
  it('features, budget, bedrooms, type, district, place, the kind of home, then all but the rent type', () => {
    const steps = relaxations({
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'villa',
      minBedrooms: 3,
      maxPrice: 500,
      features: ['pool'],
    });
    expect(steps.map((s) => s.loosened)).toEqual([
      { kind: 'features', features: ['pool'] },
      { kind: 'budget' },
      { kind: 'bedrooms' },
      { kind: 'type' },
      { kind: 'district', district: 'Girne' },
      { kind: 'anywhere' },
      // The kind of home asked for, in the place and then anywhere, before all but the rent type.
      {
        kind: 'keepOnly',
        kept: { rentType: 'long_term', propertyType: 'villa', minBedrooms: 3, location: 'Lapta' },
      },
      { kind: 'keepOnly', kept: { rentType: 'long_term', propertyType: 'villa', minBedrooms: 3 } },
      { kind: 'all', keepRent: true },
    ]);
    expect(steps.at(-1)!.facts).toEqual({ rentType: 'long_term' });
  });

  it('has nothing to relax without filters', () => {
    expect(relaxations({})).toEqual([]);
  });
});
