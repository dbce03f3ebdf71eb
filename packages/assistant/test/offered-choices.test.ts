import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import { interpret } from '../src/interpret';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * "bungalow or villa around Alsancak or Lapta": memory holds one place and one type, so the
 * first named is searched and the reply names the others, never dropping them silently.
 */
const rules = createRulesAssistant();

describe('a choice of places or types', () => {
  it.each([
    [
      'two or three bedroom bungalow or villa to rent around Alsancak or Lapta',
      ['Lapta'],
      ['villa'],
      /say "Lapta" or "villas"/,
    ],
    ['bir daire ya da müstakil ev arıyorum girnede kiralık', [], ['house'], /"müstakil ev" için/],
    ['Girne ya da Lapta, kiralık daire', ['Lapta'], [], /"Lapta" için/],
    [
      'дом или виллу в Искеле или Фамагусте купить',
      ['Gazimağusa'],
      ['villa'],
      /напишите: «Фамагуста» или «виллы»/,
    ],
  ] as const)('%s', async (message, places, types, says) => {
    const read = interpret(message, {});
    expect(read.notes).toContainEqual({ kind: 'offered', places, types });
    const out = await ask(rules, message, { searchListings: memorySearch().searchListings });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.responseText).toMatch(says);
  });

  it.each([
    'villa in Girne with a pool or a garden',
    'Girne, Lapta hariç',
    'not a villa, an apartment please',
    'flat in Girne for 2 or 3 people',
  ])('no choice offered: %s', (message) => {
    expect(interpret(message, {}).notes.some((n) => n.kind === 'offered')).toBe(false);
  });
});

describe('nothing matches a kind of home: that kind before anything else', () => {
  it.each([
    [
      '3 bed villa to rent in Lapta with a pool and a gym under 500',
      /If I look only for villas to rent long-term, 3 bedrooms/,
    ],
    [
      '3+1 villa kiralık Lapta havuzlu 500e kadar',
      /Yalnızca uzun dönem kiralık 3\+1 villa ararsam/,
    ],
    [
      'вилла в Лапте в аренду 3 спальни с бассейном до 500',
      /Если искать только «виллы в долгосрочную аренду, 3 спальни»/,
    ],
  ])('%s', async (message, says) => {
    const out = await ask(rules, message, { searchListings: memorySearch().searchListings });
    expectWellFormed(out.reply, out.pieces);
    expect(out.reply.responseText).toMatch(says);
    expect(out.reply.recommendations.length).toBeGreaterThan(0);
    expect(
      out.reply.recommendations.every((l) => l.propertyType === 'villa' && l.bedrooms === 3),
    ).toBe(true);
  });
});
