import type { SearchFacts } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { createRulesAssistant, textsFor } from '../src';
import { capitalise } from '../src/text/tr';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/** The reply's own sentences, as a native speaker would write them. */
const rules = createRulesAssistant();

async function reply(message: string, memory: SearchFacts = {}) {
  const search = memorySearch();
  const out = await ask(rules, message, { searchListings: search.searchListings, memory });
  expectWellFormed(out.reply, out.pieces);
  return out.reply.responseText;
}

describe('Russian town names after "вместо" and "кроме" are genitive', () => {
  it('"в Лапте вместо Кирении"', async () => {
    const text = await reply('в Лапте вместо Кирении', {
      location: 'Girne',
      rentType: 'long_term',
    });
    expect(text).toMatch(/^Обновлено: в Лапте вместо Кирении\./);
  });

  it('every town the texts name', () => {
    const ru = textsFor('ru');
    const instead = (from: string, to: string) =>
      ru.changes([{ kind: 'location', from, to }]).replace(/^Обновлено: в \S+ вместо |\.$/g, '');
    expect(instead('Gazimağusa', 'Lapta')).toBe('Фамагусты');
    expect(instead('Lapta', 'Girne')).toBe('Лапты');
    expect(instead('Güzelyurt', 'Girne')).toBe('Гюзельюрта');
    expect(instead('İskele', 'Girne')).toBe('Искеле');
    expect(ru.changes([{ kind: 'exclude', places: ['Girne', 'Lapta'] }])).toBe(
      'Обновлено: кроме Кирении, Лапты.',
    );
    expect(ru.search({ rentType: 'long_term', excludeLocations: ['Lefkoşa'] })).toBe(
      'варианты в долгосрочную аренду (кроме Никосии)',
    );
  });
});

describe('Turkish lines start with a capital, the Turkish way', () => {
  it('after a line break, when a filter was relaxed', async () => {
    const text = await reply('satılık daire Girne 120 bin sterline kadar');
    const relaxed = text.split('\n').find((line) => line.includes('ilan çıkıyor'));
    expect(relaxed).toMatch(/^Bütçeyi göz ardı edersem /);
    const t = textsFor('tr');
    expect(t.relaxed({ kind: 'bedrooms' }, 3, 3)).toMatch(/^Oda sayısını göz ardı edersem/);
    expect(t.relaxed({ kind: 'anywhere' }, 3, 3)).toMatch(/^Her bölgede ararsam/);
  });

  it('"i" becomes "İ"', () => {
    expect(capitalise('işte')).toBe('İşte');
    expect(capitalise('ılık')).toBe('Ilık');
    expect(capitalise('"havuz" kelimelerini')).toBe('"havuz" kelimelerini');
  });
});

describe('English features read naturally', () => {
  it('"Updated: with a pool."', async () => {
    const text = await reply('with pool', { location: 'Girne', rentType: 'long_term' });
    expect(text).toMatch(/^Updated: with a pool\.\n/);
    expect(text).toMatch(/in Girne \(Kyrenia\), with a pool\./);
  });

  it('with an article where one belongs, and features of their own apart', () => {
    const en = textsFor('en');
    expect(
      en.changes([{ kind: 'featuresAdded', features: ['beach', 'sea_view', 'parking', 'gym'] }]),
    ).toBe('Updated: with a sea view, parking and a gym, near the beach.');
    expect(en.search({ propertyType: 'villa', features: ['pool', 'air_conditioning'] })).toBe(
      'villas, with a pool and air conditioning',
    );
  });
});
