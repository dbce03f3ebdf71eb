import { describe, expect, it } from 'vitest';
import { scoreCase, scoreSet } from '../eval/score';

/** The evaluation's scorer (the labelled set itself is in eval/, apart from these tests). */
describe('evaluation scoring', () => {
  it('marks exactly the fields that differ, and the language', () => {
    const result = scoreCase(
      {
        message: 'villa in Lapta to buy',
        facts: { location: 'Girne', rentType: 'sale', propertyType: 'villa' },
        intent: 'search',
      },
      'tr',
    );
    expect(result.exact).toBe(false);
    expect(result.wrong).toEqual(['location', 'language']);
  });

  it('gives shares per field and overall', () => {
    const score = scoreSet('en', [
      { message: 'hello', facts: {}, intent: 'greeting' },
      { message: 'villa', facts: { propertyType: 'house' }, intent: 'search' },
    ]);
    expect(score.exact).toBe(0.5);
    expect(score.perField.propertyType).toBe(0.5);
    expect(score.perField.intent).toBe(1);
    expect(score.misses.map((m) => m.message)).toEqual(['villa']);
  });
});
