import { describe, expect, it } from 'vitest';
import { intentLabel } from '../src/intent';
import { interpret } from '../src/interpret';
import { detectLanguage } from '../src/understand/language';

/** Russian typed in Latin letters is read as Russian. */
const read = (message: string, memory = {}) => {
  const r = interpret(message, memory);
  return { facts: r.facts, intent: intentLabel(r.intent), language: r.language };
};

describe('Russian in Latin letters', () => {
  it('reads places, rent type, property, rooms, features and budget', () => {
    expect(read('khochu kupit dom s basseynom v iskele do 300 tysyach funtov')).toEqual({
      facts: {
        location: 'İskele',
        rentType: 'sale',
        propertyType: 'house',
        maxPrice: 300_000,
        features: ['pool'],
      },
      intent: 'search',
      language: 'ru',
    });
    expect(read('ishchu dvushku v famaguste posutochno').facts).toEqual({
      location: 'Gazimağusa',
      rentType: 'short_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    });
    expect(read('villa s vidom na more, s mebelyu, 3 spalni').facts).toEqual({
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['sea_view', 'furnished'],
    });
  });

  it('keeps English words and Latin town names as they are', () => {
    expect(read('snyat kvartiru v Alsancak long term').facts).toEqual({
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'apartment',
    });
  });

  it('small talk and a single long Russian word', () => {
    expect(read('spasibo bolshoe', { location: 'Lapta' })).toEqual({
      facts: { location: 'Lapta' },
      intent: 'thanks',
      language: 'ru',
    });
    expect(read('privet').intent).toBe('greeting');
    expect(read('privet').language).toBe('ru');
  });

  it('leaves English and Turkish alone', () => {
    for (const message of [
      'Do you have a villa in Esentepe?',
      'domestic pets allowed, 2 bed in girne',
      'girnede kiralik daire var mi',
      'a dog and a cat, is that ok',
    ])
      expect(detectLanguage(message), message).not.toBe('ru');
  });

  it('Russian property words, misspelt or colloquial', () => {
    expect(read('кватрира у моря').facts.propertyType).toBe('apartment');
    expect(read('апарты посуточно').facts.propertyType).toBe('apartment');
    expect(read('особняк с садом').facts.propertyType).toBe('villa');
    expect(read('дом с басейном').facts.features).toEqual(['pool']);
    expect(read('евротрешка в Никосии').facts).toMatchObject({ minBedrooms: 2, maxBedrooms: 2 });
    expect(read('в квартале от моря').facts.propertyType).toBeUndefined();
  });

  it('Russian alerts and budget drops in more words', () => {
    expect(read('держите нас в курсе').intent).toBe('notify');
    expect(read('скиньте варианты на почту').intent).toBe('notify');
    expect(
      read('забудь про бюджет', { rentType: 'long_term', maxPrice: 900 }).facts.maxPrice,
    ).toBeUndefined();
  });
});

describe('a short follow-up keeps the conversation’s language', () => {
  const said = (content: string) => [{ role: 'user' as const, content }];

  it.each([
    ['kvartira v kirenii v arendu 2 spalni', 'do 900', 'ru'],
    ['квартира в Кирении', 'ok', 'ru'],
    ['girnede kiralık daire', 'ok', 'tr'],
    ['girnede kiralık daire', '2 bed', 'tr'],
  ] as const)('%s → %s', (earlier, message, language) => {
    expect(interpret(message, {}, said(earlier)).language).toBe(language);
  });

  it('a message that is English switches to English', () => {
    expect(
      interpret('2 bed flat in Girne for sale please', {}, said('квартира в Кирении')).language,
    ).toBe('en');
    expect(interpret('do you have villas?', {}, said('girnede kiralık daire')).language).toBe('en');
  });
});
