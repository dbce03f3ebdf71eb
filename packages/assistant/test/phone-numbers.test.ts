import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import { interpret } from '../src/interpret';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * A phone number is contact details, never a price, a bedroom count or any other fact:
 * introduced by a phone word in any of the three languages, or shaped like one on its own.
 */
const rules = createRulesAssistant();

describe('phone numbers are not search facts', () => {
  it.each([
    ['my phone is 555-1234, find me a villa', { propertyType: 'villa' }],
    ['tel: 555 12 34, a villa please', { propertyType: 'villa' }],
    ['my whatsapp is +90 533 123 4567, 2 bed flat in kyrenia', {}],
    ['telefonum 0533 123 45 67, girnede villa', { location: 'Girne', propertyType: 'villa' }],
    ['numaram 555-1234, satılık villa', { rentType: 'sale', propertyType: 'villa' }],
    ['мой телефон +90 533 123 4567, вилла в Кирении', { location: 'Girne', propertyType: 'villa' }],
    ['мой номер 555-1234, ищу виллу', { propertyType: 'villa' }],
    ['villa in girne, 0533 123 45 67', { location: 'Girne', propertyType: 'villa' }],
  ])('%s', (message, expected) => {
    const read = interpret(message, {});
    expect(read.facts.minPrice, message).toBeUndefined();
    expect(read.facts.maxPrice, message).toBeUndefined();
    expect(read.facts).toMatchObject(expected);
    expect(read.notes).toContainEqual({ kind: 'phone' });
  });

  it('keeps what is said around the number', () => {
    const read = interpret('tel 555 1234, 2 bedroom flat under 900 a month', {});
    expect(read.facts).toMatchObject({ minBedrooms: 2, maxBedrooms: 2, maxPrice: 900 });
  });

  it('leaves prices and ranges that are not phone numbers alone', () => {
    expect(interpret('flat in girne 1000-1500', {}).facts).toMatchObject({
      minPrice: 1000,
      maxPrice: 1500,
    });
    expect(interpret('villa from 500 000 to 1 000 000', {}).facts).toMatchObject({
      minPrice: 500_000,
      maxPrice: 1_000_000,
    });
  });

  it.each([
    'my number is 0533 123 45 67',
    'hi, my phone is +90 533 123 4567',
    'numaram 0533 123 45 67',
    'мой номер 555-1234',
  ])('a number alone asks to be contacted: %s', (message) => {
    const read = interpret(message, { location: 'Girne' });
    expect(read.intent).toEqual({ kind: 'human' });
    expect(read.facts).toEqual({ location: 'Girne' });
  });

  it('a number alone hands over to an agent who can call, in each language', async () => {
    for (const [message, words] of [
      ['my number is 0533 123 45 67', /see the number you left and can call you/],
      ['numaram 0533 123 45 67, arayın', /bıraktığınız numarayı görecek/],
      ['мой номер +90 533 123 4567', /увидит оставленный вами номер/],
    ] as const) {
      const search = memorySearch();
      const out = await ask(rules, message, { searchListings: search.searchListings });
      expectWellFormed(out.reply, out.pieces);
      expect(out.intent, message).toEqual({ kind: 'human' });
      expect(out.memory.facts).toEqual({});
      expect(out.reply.responseText).toMatch(words);
      expect(search.queries).toHaveLength(0);
    }
  });

  it('searches, does not store the number, and says how to be called', async () => {
    const search = memorySearch();
    const out = await ask(rules, 'my phone is 555-1234, find me a villa', {
      searchListings: search.searchListings,
    });
    expectWellFormed(out.reply, out.pieces);
    expect(out.memory.facts).toEqual({ propertyType: 'villa' });
    expect(out.reply.responseText).not.toMatch(/555|1,234/);
    expect(out.reply.responseText).toMatch(/left your phone number out of the search/);
    expect(out.reply.responseText).toMatch(/"call me"/);
    expect(out.reply.recommendations.length).toBeGreaterThan(0);
  });
});

describe('a call asked for together with a search', () => {
  it.each([
    ['2 bed flat in Girne to rent, can you also call me on 0533 123 45 67', /can call you on it/],
    ['kiralık 2+1 daire girne, beni arayabilir misiniz 0533 123 45 67', /numaradan arayabilecek/],
    [
      'квартира в Кирении в аренду, 2 спальни, перезвоните мне +90 533 123 4567',
      /увидит оставленный вами номер/,
    ],
  ])('%s', async (message, words) => {
    const search = memorySearch();
    const out = await ask(rules, message, { searchListings: search.searchListings });
    expectWellFormed(out.reply, out.pieces);
    expect(out.intent).toEqual({ kind: 'human' });
    // The agent "will see what you've asked for so far": so the search is kept, and listed.
    expect(out.memory.facts).toMatchObject({
      location: 'Girne',
      rentType: 'long_term',
      minBedrooms: 2,
    });
    expect(out.reply.responseText).toMatch(words);
    expect(out.reply.responseText).not.toMatch(/out of the search|"call me"/);
    expect(out.reply.recommendations.length).toBeGreaterThan(0);
  });

  it('with nothing found, still says what was kept', async () => {
    const search = memorySearch();
    const out = await ask(
      rules,
      'studio for rent in Lefkosa, max £100, can you also call me on 0533 123 45 67',
      {
        searchListings: search.searchListings,
      },
    );
    expect(out.memory.facts).toMatchObject({
      location: 'Lefkoşa',
      propertyType: 'studio',
      maxPrice: 100,
    });
    expect(out.reply.responseText).toMatch(
      /couldn't find any studios to rent long-term in Lefkoşa/,
    );
  });

  it('a property word alone with the call still names one already shown', () => {
    const memory = { location: 'Lapta', propertyType: 'apartment' as const };
    expect(interpret('can someone call me about the villa', memory).facts).toEqual(memory);
  });
});

describe('phone numbers, on any input', () => {
  it('reads a long run of digits after a phone word quickly', () => {
    const start = performance.now();
    for (let i = 0; i < 20; i++) interpret(`my phone is ${'1'.repeat(200)}x villa`, {});
    expect(performance.now() - start).toBeLessThan(500);
  });
});
