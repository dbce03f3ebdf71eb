import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import { interpret } from '../src/interpret';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * A message in a language the assistant does not read is told, in English, Turkish and
 * Russian, which ones it reads, not "I didn't catch anything new there"; and costs no
 * search. Place names, numbers, emoji, a stray foreign word and Russian never trigger it.
 */
const rules = createRulesAssistant();
const memory = { location: 'Girne', rentType: 'long_term' as const };

describe('a language the assistant does not read', () => {
  it.each([
    ['أبحث عن شقة في كيرينيا'],
    ['אני מחפש דירה בקירניה'],
    ['我想在凯里尼亚租公寓'],
    ['Ich suche eine Wohnung zur Miete, bitte'],
    ['hallo, ist da jemand?'],
    ['Je cherche une maison avec jardin'],
    ['Busco un piso para alquilar, por favor'],
    ['Buongiorno, cerco qualcosa vicino al mare'],
  ])('%s', async (message) => {
    const search = memorySearch();
    const {
      reply,
      pieces,
      memory: after,
    } = await ask(rules, message, {
      searchListings: search.searchListings,
      memory,
      history: [{ role: 'user', content: 'flat to rent in Girne' }],
    });
    expectWellFormed(reply, pieces);
    expect(reply.responseText).toMatch(/I understand English, Turkish and Russian/);
    expect(reply.responseText).toMatch(/İngilizce, Türkçe ve Rusça anlıyorum/);
    expect(reply.responseText).toMatch(/Я понимаю английский, турецкий и русский/);
    expect(reply.responseText).not.toMatch(/didn't catch/);
    expect(search.queries).toHaveLength(0);
    expect(after.facts).toEqual(memory);
  });

  it('with something it understands, says so and still searches', async () => {
    const r = interpret('Ich suche eine Wohnung in Kyrenia mit Pool', {});
    expect(r.notes).toContainEqual({ kind: 'unreadLanguage' });
    expect(r.facts).toMatchObject({ location: 'Girne', features: ['pool'] });
  });

  it.each([
    ['Κερύνεια'],
    ['😀😀👍'],
    ['2+1 Girne 500'],
    ['Casa Bella apartments in Girne'],
    ['merci'],
    ['villa with a pool in Kyrenia for sale'],
    ['Girne de bir daire ya da villa'],
    ['is there a flat des res in Lapta'],
    ['квартира в Кирении'],
    ['Villa Mare in Esentepe'],
    ['ok'],
    ['1500 per month'],
  ])('not for %s', (message) => {
    expect(interpret(message, memory).notes).not.toContainEqual({ kind: 'unreadLanguage' });
  });
});
