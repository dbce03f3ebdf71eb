import { searchFacts } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { mergeFacts, understand } from '../src';
import { REQUESTS } from './requests.table';

describe('understanding free-text requests', () => {
  it('has a large table', () => {
    expect(REQUESTS.length).toBeGreaterThanOrEqual(80);
  });

  it.each(REQUESTS)('%s', (message, expected) => {
    const { facts } = mergeFacts({}, understand(message));
    expect(facts).toEqual(expected);
    expect(searchFacts.parse(facts)).toEqual(expected);
  });
});
