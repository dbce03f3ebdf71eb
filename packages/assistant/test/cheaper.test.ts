import type { Feature, Listing, PropertyType, SearchFacts } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import { makeListings, memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * "Cheaper" is below the lowest price the last reply showed, in every language: it never
 * repeats what was shown, says when nothing cheaper matches (and what relaxing finds),
 * and does not cut a budget nothing met.
 */
const rules = createRulesAssistant();
const template = makeListings()[0]!;
let n = 0;
function listing(
  propertyType: PropertyType,
  price: number,
  features: Feature[] = [],
  location = 'Girne',
): Listing {
  n++;
  return {
    ...template,
    id: `00000000-0000-7000-8000-${String(900_000 + n).padStart(12, '0')}`,
    title: `${propertyType} ${n}`,
    location,
    district: 'Girne',
    rentType: 'sale',
    pricePeriod: null,
    propertyType,
    bedrooms: 3,
    price,
    features,
  };
}
const villaWithPool: SearchFacts = {
  location: 'Girne',
  rentType: 'sale',
  propertyType: 'villa',
  features: ['pool'],
};

describe('cheaper than what was shown', () => {
  it('one match: says nothing cheaper matches and offers what relaxing finds', async () => {
    const only = listing('villa', 1_154_000, ['pool']);
    const plain = listing('villa', 900_000);
    const search = memorySearch([only, plain, listing('apartment', 200_000)]);
    const out = await ask(rules, 'cheaper', {
      searchListings: search.searchListings,
      memory: villaWithPool,
    });
    expectWellFormed(out.reply, out.pieces);
    const text = out.reply.responseText;
    expect(text).toMatch(/There is nothing cheaper than £1,154,000 for villas for sale in Girne/);
    expect(text).toMatch(/If I drop the pool requirement, there is 1 listing/);
    expect(out.reply.recommendations.map((l) => l.id)).toEqual([plain.id]);
    expect(text).not.toMatch(/budget\?/);
    // Nothing cheaper: the request is unchanged, as the reply says, budget and all.
    expect(out.memory.facts).toEqual(villaWithPool);
  });

  it('cheaper ones exist: shows only those, below the lowest shown', async () => {
    const prices = [800_000, 900_000, 700_000, 1_000_000, 650_000, 400_000, 300_000];
    const search = memorySearch(prices.map((p) => listing('villa', p)));
    const out = await ask(rules, 'daha ucuz', {
      searchListings: search.searchListings,
      memory: { location: 'Girne', rentType: 'sale', propertyType: 'villa' },
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.recommendations.map((l) => l.price)).toEqual([300_000, 400_000]);
    expect(out.memory.facts.maxPrice).toBe(649_000);
    expect(out.reply.responseText).toMatch(/en düşük fiyat £650\.000; bundan daha ucuzlarına/);
  });

  it('after listings shown over a budget, keeps the budget instead of cutting it', async () => {
    const search = memorySearch([
      listing('villa', 600_000),
      listing('villa', 700_000),
      listing('apartment', 300_000),
    ]);
    const memory = {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 500_000,
    } as const;
    const out = await ask(rules, 'дешевле', { searchListings: search.searchListings, memory });
    expectWellFormed(out.reply, out.pieces);
    expect(out.memory.facts).toEqual(memory);
    const text = out.reply.responseText;
    expect(text).toMatch(/нет ничего дешевле 600\s000\s£/);
    expect(text).not.toMatch(/400\s000/);
    expect(out.reply.recommendations.map((l) => l.price)).toEqual([300_000]);
  });

  it('says when relaxing finds nothing cheaper either', async () => {
    const search = memorySearch([listing('villa', 1_154_000, ['pool'])]);
    const out = await ask(rules, 'cheaper please', {
      searchListings: search.searchListings,
      memory: villaWithPool,
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.recommendations).toEqual([]);
    expect(out.reply.responseText).toMatch(/does not find anything cheaper either/);
  });

  it('"cheaper" with a new rent type does not compare with the prices shown', async () => {
    const search = memorySearch([listing('villa', 1_154_000, ['pool'])]);
    const out = await ask(rules, 'cheaper, and to rent long-term instead', {
      searchListings: search.searchListings,
      memory: villaWithPool,
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.memory.facts.rentType).toBe('long_term');
    expect(out.memory.facts.maxPrice).toBeUndefined();
    expect(out.reply.responseText).not.toMatch(/cheaper than/);
  });
});

describe('nothing cheaper leaves the remembered budget as it was', () => {
  const memory: SearchFacts = {
    location: 'Girne',
    rentType: 'sale',
    propertyType: 'villa',
    maxPrice: 1_000_000,
  };

  it.each([
    ['cheaper?', /nothing cheaper than £700,000/],
    ['daha ucuz var mı', /£700\.000/],
    ['а подешевле?', /700\s000\s£/],
  ])('%s', async (message, says) => {
    const search = memorySearch([listing('villa', 700_000), listing('apartment', 100_000)]);
    const out = await ask(rules, message, { searchListings: search.searchListings, memory });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.responseText).toMatch(says);
    expect(out.memory.facts).toEqual(memory);
  });

  it('the next turn searches with the budget the reply said was kept', async () => {
    const search = memorySearch([listing('villa', 700_000), listing('villa', 800_000)]);
    const first = await ask(rules, 'cheaper', { searchListings: search.searchListings, memory });
    const next = await ask(rules, 'with a pool', {
      searchListings: search.searchListings,
      memory: first.memory.facts,
    });
    expect(next.memory.facts.maxPrice).toBe(1_000_000);
  });
});
