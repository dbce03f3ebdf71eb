import { describe, expect, it } from 'vitest';
import { interpret } from '../src/interpret';

/**
 * "Smaller" is one bedroom fewer than before: the most bedrooms drops by one and the
 * least is let go, however the person says that smaller is fine.
 */
const memory = { location: 'Girne', minBedrooms: 4, maxBedrooms: 4 };

describe('smaller, in any wording', () => {
  it.each([
    'a smaller place would do',
    'smaller works too',
    'küçüğü de olur',
    'daha küçüğüne de bakarız',
    'можно и поменьше',
    'меньше тоже подойдёт',
  ])('%s', (message) => {
    const facts = interpret(message, memory).facts;
    expect(facts.maxBedrooms, message).toBe(3);
    expect(facts.minBedrooms, message).toBeUndefined();
  });
});
