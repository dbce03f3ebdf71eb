import { describe, expect, it } from 'vitest';
import { intentLabel } from '../src/intent';
import { interpret } from '../src/interpret';

/** "Instead of X, Y": Turkish puts "yerine" after X, Russian "вместо" before it. */
const memory = { location: 'Lefkoşa', rentType: 'sale' as const, propertyType: 'villa' as const };
const read = (message: string) => {
  const r = interpret(message, memory);
  return { location: r.facts.location, intent: intentLabel(r.intent), facts: r.facts };
};

describe('one place instead of another', () => {
  it.each([
    ['lefkosa yerine girne', 'Girne'],
    ["Lefkoşa yerine Lapta'ya bakalım", 'Lapta'],
    ['lefkoşa yerine çatalköyde olsun', 'Girne'],
    ['bunun yerine iskele', 'İskele'],
    ['вместо Никосии Фамагуста', 'Gazimağusa'],
    ['вместо никосии лучше в Лапте', 'Lapta'],
  ])('%s', (message, location) => {
    const r = read(message);
    expect(r.location, message).toBe(location);
    expect(r.intent, message).toBe('refine');
    expect(r.facts.excludeLocations, message).toBeUndefined();
    expect(r.facts.propertyType, message).toBe('villa');
  });
});

describe('somewhere other than a place', () => {
  it('"X-den başka" lets the remembered place go, like "other than X"', () => {
    for (const message of ["Lefkoşa'dan başka bir yerde olsun", 'somewhere other than nicosia']) {
      const r = read(message);
      expect(r.location, message).toBeUndefined();
      expect(r.intent, message).toBe('refine');
    }
  });

  it('"X-de başka" is another home in that place', () => {
    expect(read("Lefkoşa'da başka villa var mı").location).toBe('Lefkoşa');
  });
});
