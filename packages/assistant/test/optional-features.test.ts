import { describe, expect, it } from 'vitest';
import { intentLabel } from '../src/intent';
import { interpret } from '../src/interpret';

/** "It need not be furnished": the feature leaves the memory and the turn is a refinement. */
const memory = {
  location: 'Girne',
  rentType: 'long_term' as const,
  features: ['pool' as const, 'garden' as const, 'furnished' as const],
};
const read = (message: string) => {
  const r = interpret(message, memory);
  return { features: r.facts.features, intent: intentLabel(r.intent) };
};

describe('a feature that need not be', () => {
  it.each([
    ['havuzlu olmasa da olur', 'pool'],
    ['bahçe olmazsa da olur', 'garden'],
    ['esya gerekmez', 'furnished'],
    ['bahçeye gerek yok aslında', 'garden'],
    ["the place doesn't have to be furnished", 'furnished'],
    ['it does not necessarily need to have a garden', 'garden'],
    ['a pool is not a must', 'pool'],
    ['no need for a garden', 'garden'],
    ['необязательно с бассейном', 'pool'],
    ['сад необязателен', 'garden'],
    ['мебель не требуется', 'furnished'],
    ['garden or not, either way', 'garden'],
    ['бассейн или без, всё равно', 'pool'],
    ['сад не важен', 'garden'],
    ['bahçesi olmayan da olur', 'garden'],
  ])('%s drops %s', (message, feature) => {
    const r = read(message);
    expect(r.features ?? [], message).not.toContain(feature);
    expect(r.features?.length, message).toBe(2);
    expect(r.intent, message).toBe('refine');
  });

  it('saying a feature must be there still keeps it', () => {
    for (const message of ['havuz şart', 'обязательно с бассейном', 'a pool is a must'])
      expect(read(message).features, message).toContain('pool');
  });
});
