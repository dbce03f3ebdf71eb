import { describe, expect, it } from 'vitest';
import { interpret } from '../src/interpret';

/** Russian as typed: hyphenated place names, slang thousands, a villa with one "л". */
const facts = (message: string) => interpret(message, {}).facts;

describe('Russian as people type it', () => {
  it('a hyphen between the words of a place name, with or without an ending', () => {
    expect(facts('студия в Лонг-Бич посуточно').location).toBe('İskele');
    expect(facts('квартиры на Лонг-Биче').location).toBe('İskele');
    expect(facts('studio in long-beach').location).toBe('İskele');
  });

  it('"тыщ" and "тыщи" are thousands', () => {
    expect(facts('дом на продажу до 200 тыщ фунтов').maxPrice).toBe(200000);
    expect(facts('купить квартиру за 90 тыщи').maxPrice).toBe(90000);
  });

  it('a villa typed with one "л", in any case', () => {
    for (const message of ['купить вилу в Лапте', 'вила с бассейном', 'есть вилы у моря?'])
      expect(facts(message).propertyType, message).toBe('villa');
  });

  it('a fork is not a villa', () => {
    expect(facts('вилка').propertyType).toBeUndefined();
  });
});

describe('a stay of a month or a year in Russian', () => {
  it('is a long let, as in English and Turkish', () => {
    expect(facts('студию на месяц в Лапте').rentType).toBe('long_term');
    expect(facts('дом на год в Искеле').rentType).toBe('long_term');
  });
});
