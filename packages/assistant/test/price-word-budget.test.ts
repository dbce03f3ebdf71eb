import { describe, expect, it } from 'vitest';
import { intentLabel } from '../src/intent';
import { interpret } from '../src/interpret';

/** A price word right before an amount sets the budget; without one it asks about prices. */
const memory = { location: 'Girne', rentType: 'long_term' as const, maxPrice: 900 };
const read = (message: string) => {
  const r = interpret(message, memory);
  return { intent: intentLabel(r.intent), maxPrice: r.facts.maxPrice };
};

describe('a price word with an amount', () => {
  it('is a new budget', () => {
    expect(read('fiyatı 750ye indirelim')).toEqual({ intent: 'refine', maxPrice: 750 });
    expect(read('fiyatı 1100 olabilir')).toEqual({ intent: 'refine', maxPrice: 1100 });
  });

  it('without an amount it is still a question about prices', () => {
    expect(read('fiyatlar nasıl buralarda').intent).toBe('question:prices');
  });
});
