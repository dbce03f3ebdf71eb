import type { SearchFacts } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import { popularPlaces } from '../src/rules/replies';
import { makeListings, memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/** The question a reply closes with asks only what is still open, and offers only what fits. */
const rules = createRulesAssistant();
// Long-term studios at £350 and flats at £600 everywhere, so the searches below find
// something and the reply closes with a question.
const RENT: Partial<Record<string, number>> = { studio: 350, apartment: 600 };
const listings = makeListings().map((l) =>
  l.rentType === 'long_term' && RENT[l.propertyType] !== undefined
    ? { ...l, price: RENT[l.propertyType]! }
    : l,
);

async function turn(message: string, memory: SearchFacts = {}) {
  const search = memorySearch(listings);
  const out = await ask(rules, message, { searchListings: search.searchListings, memory });
  expectWellFormed(out.reply, out.pieces);
  expect(out.reply.recommendations.length, message).toBeGreaterThan(0);
  return out;
}

describe('a studio answers the bedrooms question', () => {
  it.each([
    'studio near EMU for students, monthly max 400',
    'студия в Искеле в аренду до 400',
    "Girne'de kiralık stüdyo, 400e kadar",
  ])('%s', async (message) => {
    const out = await turn(message);
    expect(out.memory.facts.propertyType).toBe('studio');
    expect(out.reply.responseText).not.toMatch(/bedrooms|спален|yatak odası|Kaç oda/);
  });

  it('a flat still gets asked', async () => {
    const out = await turn('flat to rent in Lapta under 2000');
    expect(out.reply.responseText).toMatch(/How many bedrooms/);
  });
});

describe('the places offered leave out the places left out', () => {
  it('not Girne: neither Kyrenia nor Lapta, a town of its district', async () => {
    const out = await turn('flat to rent not in Girne between 500 and 700');
    const question = out.pieces.at(-1)!;
    expect(question).toMatch(/^\nWhich area do you prefer\?/);
    expect(question).not.toMatch(/Kyrenia|Lapta|Girne/);
    expect(question).toMatch(/Famagusta, Nicosia and Iskele are popular\./);
  });

  it('in Turkish and Russian, by any name of the place', async () => {
    const tr = await turn('kiralık daire, Girne hariç');
    expect(tr.pieces.at(-1)).toMatch(/Gazimağusa, Lefkoşa ve İskele çok tercih ediliyor\.$/);
    const ru = await turn('снять квартиру, кроме Кирении и Фамагусты');
    expect(ru.pieces.at(-1)).toMatch(/Популярны Никосия и Искеле\.$/);
  });

  it('a town left out keeps its district offered; all left out, none offered', () => {
    expect(popularPlaces({ excludeLocations: ['Lapta'] })).toEqual([
      'Girne',
      'Gazimağusa',
      'Lefkoşa',
      'İskele',
    ]);
    expect(popularPlaces({ excludeLocations: ['Kyrenia'] })).toEqual([
      'Gazimağusa',
      'Lefkoşa',
      'İskele',
    ]);
    expect(
      popularPlaces({ excludeLocations: ['Girne', 'Gazimağusa', 'Lefkoşa', 'İskele'] }),
    ).toEqual([]);
  });

  it('with nothing left out, the question is as before', async () => {
    const out = await turn('flat to rent under 2000');
    expect(out.pieces.at(-1)).toBe(
      '\nWhich area do you prefer? Kyrenia, Famagusta, Nicosia, Iskele and Lapta are popular.',
    );
  });
});

describe('"bigger" with no bedroom count asks about bedrooms once', () => {
  const memory: SearchFacts = {
    location: 'Girne',
    rentType: 'long_term',
    propertyType: 'apartment',
    maxPrice: 2000,
  };

  it.each([
    ['bigger', /How many bedrooms/g, 'with a pool'],
    ['smaller please', /How many bedrooms/g, 'with a pool'],
    ['daha büyük', /Kaç yatak odası/gi, 'havuzlu olsun'],
    ['поменьше', /Сколько спален/g, 'с бассейном'],
  ])('%s', async (message, bedrooms, next) => {
    const out = await turn(message, memory);
    expect(out.reply.responseText.match(bedrooms), out.reply.responseText).toHaveLength(1);
    // Nor does the next reply ask it again.
    const search = memorySearch(listings);
    const after = await ask(rules, next, {
      searchListings: search.searchListings,
      memory: out.memory.facts,
      history: [
        { role: 'user', content: message },
        { role: 'assistant', content: out.reply.responseText },
      ],
    });
    expect(after.reply.responseText, after.reply.responseText).not.toMatch(bedrooms);
  });
});
