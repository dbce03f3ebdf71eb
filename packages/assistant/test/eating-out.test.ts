import { describe, expect, it } from 'vitest';
import { intentLabel } from '../src/intent';
import { interpret } from '../src/interpret';

/** Asking where to eat or drink in a town is not a search for a home there. */
const memory = { location: 'Lefkoşa', rentType: 'long_term' as const };
const read = (message: string) => {
  const r = interpret(message, memory);
  return { intent: intentLabel(r.intent), location: r.facts.location };
};

describe('eating and going out', () => {
  it.each([
    'girnede balık için iyi bir lokanta biliyor musunuz',
    'laptada kahvaltı yapılacak yer',
    'iskelede öğle yemeği için öneri',
    'esentepede güzel bir meyhane var mı',
    'any nice pubs in kyrenia',
    'where to eat in bellapais tonight',
    'a good cafe in famagusta?',
    'посоветуйте бар в Кирении',
    'где пообедать в Фамагусте',
    'хорошая таверна в Лапте?',
  ])('%s', (message) => {
    const r = read(message);
    expect(r.intent, message).toBe('off_topic');
    expect(r.location, message).toBe('Lefkoşa');
  });

  it('near a bar or a cafe is still part of a search', () => {
    for (const message of ['flat near the bars in kyrenia', 'kafelere yakın daire girnede'])
      expect(read(message).intent, message).toBe('refine');
  });

  it('words that only begin like "bar" or "pub" are not going out', () => {
    expect(read('villa with a barbecue in lapta').intent).toBe('refine');
    expect(read('flat near public transport in lapta').intent).toBe('refine');
  });
});
