import { describe, expect, it } from 'vitest';
import { interpret } from '../src/interpret';

/**
 * A season, a holiday or a few weeks is a holiday stay, whatever verb of renting comes
 * with it ("снять" alone is a long let). Buying a summer house stays buying.
 */
describe('seasonal stays are short-term', () => {
  it.each([
    ['снять виллу в Кирении на лето'],
    ['квартира на отпуск в Фамагусте'],
    ['снимем дом на две недели'],
    ['аренда на пару недель в Искеле'],
    ['хотим снять квартиру на август'],
    ['rent a villa in Kyrenia for the summer'],
    ['flat to rent for the holidays in Famagusta'],
    ['house for two weeks in Lapta'],
    ['we need a rental for August'],
    ['kiralık yazlık arıyoruz Girne'],
    ['tatil için kiralık villa'],
    ['iki haftalığına kiralık daire'],
    ['ağustos için kiralık ev'],
  ])('%s', (message) => {
    expect(interpret(message, {}).facts.rentType).toBe('short_term');
  });

  it.each([
    ['satılık yazlık Girne', 'sale'],
    ['buy a summer house in Esentepe', 'sale'],
    ['снять квартиру на полгода', 'long_term'],
    ['снять квартиру в Кирении', 'long_term'],
  ])('%s stays %s', (message, rentType) => {
    expect(interpret(message, {}).facts.rentType).toBe(rentType);
  });

  it('a season said in a follow-up switches a long let', () => {
    const before = {
      location: 'Girne',
      rentType: 'long_term' as const,
      propertyType: 'villa' as const,
    };
    expect(interpret('а на лето?', before).facts.rentType).toBe('short_term');
    expect(interpret('actually just for the summer', before).facts.rentType).toBe('short_term');
  });
});
