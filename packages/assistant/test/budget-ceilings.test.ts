import { describe, expect, it } from 'vitest';
import { interpret } from '../src/interpret';

/** "No more than X" said as "more than X is ruled out" is a ceiling, in any language. */
const facts = (message: string) => interpret(message, {}).facts;

describe('more than the amount ruled out', () => {
  it.each([
    ['uzun dönem kiralık stüdyo, 650den fazla olmasın', 650],
    ['kiralık villa 1500 sterlinden fazla vermem', 1500],
    ['kiralık daire 900 üstü olmasın', 900],
    ['satılık daire 200 binden fazla olmasın', 200000],
    ['long term studio, nothing over 650 a month', 650],
  ])('%s', (message, max) => {
    const f = facts(message);
    expect(f.maxPrice, message).toBe(max);
    expect(f.minPrice, message).toBeUndefined();
  });

  it('a negation after the price does not wave away the home named before it', () => {
    expect(facts('kiralık stüdyo 650den fazla olmasın').propertyType).toBe('studio');
    expect(facts('kiralık daire 900 üstü olmasın').propertyType).toBe('apartment');
  });

  it('more than the amount, said plainly, is still a floor', () => {
    expect(facts('kiralık villa 1500den fazla').minPrice).toBe(1500);
  });
});
