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
