import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/understand/language';

/** A Turkish case ending on a number makes a message Turkish; English never writes one. */
describe('numbers with Turkish endings', () => {
  it.each([
    'max 900e kadar ok',
    'budget 1200den az',
    'lapta 2+1 650ye',
    '700 pounda',
    '1.500e cikabilir',
    '3000lik flat kyrenia',
  ])('%s is Turkish', (message) => {
    expect(detectLanguage(message)).toBe('tr');
  });

  it('flat numbers and ordinals stay English', () => {
    for (const message of ['flat 14a in kyrenia, max 900', 'the 2nd floor flat, budget 700'])
      expect(detectLanguage(message), message).toBe('en');
  });

  it('Turkish verb endings with a person ending are Turkish', () => {
    expect(detectLanguage('budget 900 cikarabiliriz')).toBe('tr');
    expect(detectLanguage('1000 gecmesin')).toBe('tr');
  });
});

describe('other Turkish endings on foreign words', () => {
  it('a currency name with a Turkish ending is Turkish', () => {
    expect(detectLanguage('lapta studio 450 sterlinlik')).toBe('tr');
    expect(detectLanguage('kyrenia flat 600 euroya')).toBe('tr');
  });

  it('an ending after an apostrophe on any word is Turkish', () => {
    expect(detectLanguage("penthouse'ta 2+1 lapta")).toBe('tr');
    expect(detectLanguage("NEU'ya close flat")).toBe('tr');
  });

  it('English plurals and apostrophes stay English', () => {
    for (const message of [
      "it's 600 pounds a month",
      "the owner's flat, 700 dollars",
      "I'd like a studio, we're two",
    ])
      expect(detectLanguage(message), message).toBe('en');
  });
});
