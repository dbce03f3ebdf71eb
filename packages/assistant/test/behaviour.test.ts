import type { SearchFacts } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { createRulesAssistant, interpret } from '../src';
import { memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/** The examples people actually typed, and what a good local agent would do with them. */

const rules = createRulesAssistant();

async function turn(
  message: string,
  memory: SearchFacts = {},
  history: { role: 'user' | 'assistant'; content: string }[] = [],
) {
  const search = memorySearch();
  const out = await ask(rules, message, { searchListings: search.searchListings, memory, history });
  expectWellFormed(out.reply, out.pieces);
  return { ...out, queries: search.queries };
}

describe('refinements relative to what came before', () => {
  const base: SearchFacts = { location: 'Girne', rentType: 'long_term', maxPrice: 1000 };

  // "cheaper" is below the lowest price the last reply showed (src/rules/cheaper.ts).
  const lowestShown = async (facts: SearchFacts, sort: 'price_asc' | 'relevance') => {
    const page = await memorySearch().searchListings({ ...facts, sort, limit: 5 });
    return Math.min(...page.items.map((l) => l.price));
  };

  it('"cheaper" after the cheapest were shown says nothing is cheaper and looks further', async () => {
    const lowest = await lowestShown(base, 'price_asc');
    const out = await turn('cheaper', base);
    // Nothing cheaper: the request, budget included, is unchanged, as the reply says.
    expect(out.memory.facts).toEqual(base);
    expect(out.reply.responseText).toMatch(
      new RegExp(
        `^There is nothing cheaper than £${lowest}/month for listings to rent long-term in Girne`,
      ),
    );
    expect(out.reply.recommendations.every((l) => l.price < lowest)).toBe(true);
    expect(out.intent).toEqual({ kind: 'refine' });
    expect(out.queries.at(-1)!.sort).toBe('price_asc');
  });

  it('"cheaper" without a budget lists what is below the lowest shown, cheapest first', async () => {
    const facts = { rentType: 'sale', propertyType: 'villa' } as const;
    const lowest = await lowestShown(facts, 'relevance');
    const out = await turn('cheaper ones?', facts);
    expect(out.memory.facts).toMatchObject(facts);
    expect(out.memory.facts.maxPrice).toBeLessThan(lowest);
    expect(out.reply.recommendations.length).toBeGreaterThan(0);
    expect(out.reply.recommendations.every((l) => l.price < lowest)).toBe(true);
    expect(out.queries.at(-1)!.sort).toBe('price_asc');
    expect(out.reply.responseText).toMatch(
      /^Looking for something cheaper than £406,525, the lowest/,
    );
    expect(out.reply.responseText).not.toMatch(/didn't catch/);
  });

  it('"more expensive" raises the budget', async () => {
    const out = await turn('something more expensive', base);
    expect(out.memory.facts.maxPrice).toBe(1250);
  });

  it('"bigger" asks for one more bedroom, "smaller" for one fewer', async () => {
    const two = { ...base, minBedrooms: 2, maxBedrooms: 2 };
    expect((await turn('bigger', two)).memory.facts).toMatchObject({ minBedrooms: 3 });
    expect((await turn('bigger', two)).memory.facts.maxBedrooms).toBeUndefined();
    expect((await turn('smaller please', two)).memory.facts).toMatchObject({ maxBedrooms: 1 });
    const none = await turn('bigger', base);
    expect(none.memory.facts).toEqual(base);
    expect(none.reply.responseText).toMatch(/How many bedrooms/);
  });

  it('"closer to the beach", "forget the pool", "villas instead", "same but in Lapta", "not Famagusta"', async () => {
    expect((await turn('closer to the beach', base)).memory.facts.features).toEqual(['beach']);
    const pool = await turn('forget the pool', { ...base, features: ['pool'] });
    expect(pool.memory.facts.features).toBeUndefined();
    expect(pool.reply.responseText).toMatch(/pool no longer required/);
    expect((await turn('show me villas instead', base)).memory.facts.propertyType).toBe('villa');
    const lapta = await turn('same but in Lapta', base);
    expect(lapta.memory.facts.location).toBe('Lapta');
    expect(lapta.reply.responseText).toMatch(/in Lapta \(Lapithos\) instead of Girne/);
    const notFamagusta = await turn('not Famagusta', { rentType: 'long_term' });
    expect(notFamagusta.memory.facts.excludeLocations).toEqual(['Gazimağusa']);
    expect(notFamagusta.reply.recommendations.every((l) => l.location !== 'Gazimağusa')).toBe(true);
  });

  it('in Turkish and Russian too', async () => {
    const lowest = await lowestShown(base, 'price_asc');
    const tr = await turn('daha ucuz olsun', base);
    expect(tr.memory.facts.maxPrice).toBe(base.maxPrice);
    expect(tr.reply.language).toBe('tr');
    expect(tr.reply.responseText).toMatch(
      new RegExp(`^Bu aramada £${lowest} aylık fiyatından daha ucuz ilan yok`),
    );
    const ru = await turn('а подешевле?', base);
    expect(ru.memory.facts.maxPrice).toBe(base.maxPrice);
    expect(ru.reply.responseText).toMatch(
      new RegExp(
        `^По запросу «варианты в долгосрочную аренду в Кирении» нет ничего дешевле ${lowest}\\s£ в месяц`,
      ),
    );
    expect((await turn('то же самое, но в Лапте', base)).memory.facts.location).toBe('Lapta');
    expect((await turn('Lapta olsun', base)).memory.facts.location).toBe('Lapta');
  });
});

describe('budgets mean what people mean', () => {
  const said = (out: Awaited<ReturnType<typeof turn>>) => [
    { role: 'assistant' as const, content: out.reply.responseText },
  ];

  it('"2 bedroom flat in Girne under 1000" is a monthly rent; no nightly prices are listed', async () => {
    const out = await turn('2 bedroom flat in Girne under 1000');
    expect(out.memory.facts).toMatchObject({ rentType: 'long_term', maxPrice: 1000 });
    expect(out.reply.responseText).toMatch(/I took £1,000 as a monthly rent/);
    expect(out.reply.recommendations.length).toBeGreaterThan(0);
    expect(out.reply.recommendations.every((l) => l.pricePeriod === 'month')).toBe(true);
  });

  it('an amount that fits a nightly rate is read as one, said once, and "per month" re-reads it', async () => {
    const first = await turn('flat in girne under 100');
    expect(first.memory.facts).toMatchObject({ rentType: 'short_term', maxPrice: 100 });
    expect(first.reply.responseText).toMatch(/I took £100 as a nightly rate; say "per month"/);
    expect(first.reply.recommendations.every((l) => l.pricePeriod === 'night')).toBe(true);

    // The next turn does not say the reading again.
    const next = await turn('with a pool', first.memory.facts);
    expect(next.reply.responseText).not.toMatch(/I took/);

    // The correction the reply offered keeps the amount in the other period.
    const monthly = await turn('per month', first.memory.facts, said(first));
    expect(monthly.memory.facts).toMatchObject({ rentType: 'long_term', maxPrice: 100 });
    expect(monthly.reply.responseText).not.toMatch(/I took/);
    expect(monthly.reply.recommendations.every((l) => l.pricePeriod === 'month')).toBe(true);
  });

  it('says which reading it took in Turkish and Russian, and takes the correction in each', async () => {
    const tr = await turn('girnede daire 900 altı');
    expect(tr.reply.language).toBe('tr');
    expect(tr.memory.facts).toMatchObject({ rentType: 'long_term', maxPrice: 900 });
    expect(tr.reply.responseText).toMatch(/£900 tutarını aylık kira olarak aldım/);
    const trNight = await turn('gecelik', tr.memory.facts, said(tr));
    expect(trNight.memory.facts).toMatchObject({ rentType: 'short_term', maxPrice: 900 });

    const ru = await turn('квартира в Кирении до 120');
    expect(ru.reply.language).toBe('ru');
    expect(ru.memory.facts).toMatchObject({ rentType: 'short_term', maxPrice: 120 });
    expect(ru.reply.responseText).toMatch(/Я понял 120\s£ как цену за ночь/);
    const ruMonth = await turn('в месяц', ru.memory.facts, said(ru));
    expect(ruMonth.memory.facts).toMatchObject({ rentType: 'long_term', maxPrice: 120 });
    expect(ruMonth.reply.language).toBe('ru');
  });

  it('a new rent type the last reply did not offer still drops a budget that no longer fits', () => {
    const monthly = { rentType: 'long_term', maxPrice: 700 } as const;
    expect(interpret('actually to buy', monthly).facts).toEqual({ rentType: 'sale' });
    const read = interpret('на самом деле нужно посуточно', monthly, [
      { role: 'assistant', content: 'Вот что есть в Искеле.' },
    ]);
    expect(read.facts).toEqual({ rentType: 'short_term' });
    expect(read.notes).toContainEqual({ kind: 'staleBudget' });
  });

  it('reads small amounts as nightly and large ones as sale prices', () => {
    expect(interpret('villa under 120', {}).facts.rentType).toBe('short_term');
    expect(interpret('villa under 250k', {}).facts.rentType).toBe('sale');
    expect(interpret('квартира до 800 фунтов', {}).facts.rentType).toBe('long_term');
  });

  it('converts other currencies to pounds and says so', () => {
    const read = interpret('kiralık daire 40.000 TL altı', {});
    expect(read.facts.maxPrice).toBe(800);
    expect(read.notes).toContainEqual({
      kind: 'converted',
      amount: 40_000,
      currency: 'TRY',
      pounds: 800,
    });
  });

  it('turns a weekly budget into a nightly one', () => {
    const read = interpret('holiday villa £700 a week', {});
    expect(read.facts).toMatchObject({ rentType: 'short_term', maxPrice: 100 });
  });

  it('prices in the text read as on the cards', async () => {
    const out = await turn('holiday flat in Girne');
    for (const listing of out.reply.recommendations) {
      const pence = Number.isInteger(listing.price) ? 0 : 2;
      const card = `£${listing.price.toLocaleString('en-GB', { minimumFractionDigits: pence, maximumFractionDigits: pence })}/night`;
      expect(out.reply.responseText).toContain(card);
    }
  });
});

describe('intents change no filter they should not', () => {
  const base: SearchFacts = { location: 'Girne', rentType: 'long_term', maxPrice: 1000 };
  it.each([
    ["what's the weather like in Kyrenia?", { kind: 'off_topic' }],
    ['Girne hava durumu nasıl?', { kind: 'off_topic' }],
    ['какая погода в Кирении?', { kind: 'off_topic' }],
    ['Can foreigners buy a villa here?', { kind: 'question', topic: 'buying' }],
    ['yabancılar villa satın alabilir mi?', { kind: 'question', topic: 'buying' }],
    ['может ли иностранец купить виллу?', { kind: 'question', topic: 'buying' }],
    ['what about title deeds?', { kind: 'question', topic: 'title_deeds' }],
    ['how do I get a residence permit?', { kind: 'question', topic: 'residency' }],
    ['house in Paphos', { kind: 'outside_area', place: 'Paphos' }],
    ['дом в Пафосе', { kind: 'outside_area', place: 'Пафос' }],
    ['can I speak to someone?', { kind: 'human' }],
    ['bir temsilciyle görüşmek istiyorum', { kind: 'human' }],
    ['позовите оператора, пожалуйста', { kind: 'human' }],
    ['I want to book a viewing', { kind: 'viewing' }],
    ['hi', { kind: 'greeting' }],
  ] as const)('%s', async (message, intent) => {
    const out = await turn(message, base);
    expect(out.intent).toEqual(intent);
    expect(out.memory.facts).toEqual(base);
    expect(out.queries).toHaveLength(0);
  });

  it('a place abroad is named in Russian without declining it', async () => {
    for (const [message, place] of [
      ['дом в Пафосе', 'Пафос'],
      ['квартира в Лимассоле', 'Лимассол'],
    ]) {
      const text = (await turn(message!, base)).reply.responseText;
      expect(text).toContain(`(${place})`);
      expect(text, text).not.toMatch(/в «/);
    }
  });

  it('"let me know when..." keeps what it understood and says what will happen', async () => {
    for (const message of [
      'let me know when a villa with a pool comes up',
      'havuzlu villa çıkınca haber ver',
      'сообщите, когда появится вилла с бассейном',
    ]) {
      const out = await turn(message, base);
      expect(out.intent).toEqual({ kind: 'notify' });
      expect(out.memory.facts).toMatchObject({
        ...base,
        propertyType: 'villa',
        features: ['pool'],
      });
    }
  });

  it('"let me know when..." from a guest asks them to sign in instead of promising alerts', async () => {
    for (const [message, words] of [
      ['let me know when a villa with a pool comes up', /Sign in/],
      ['havuzlu villa çıkınca haber ver', /Giriş yapın/],
      ['сообщите, когда появится вилла с бассейном', /Войдите/],
    ] as const) {
      const search = memorySearch();
      const out = await ask(rules, message, {
        searchListings: search.searchListings,
        memory: base,
        maySaveSearches: async () => false,
      });
      expectWellFormed(out.reply, out.pieces);
      expect(out.reply.responseText).toMatch(words);
      expect(out.reply.responseText).not.toMatch(/save this search \(|kaydediyorum|Я сохраню/);
      expect(out.intent).toEqual({ kind: 'notify' });
    }
  });

  it('answers in the language of the request', async () => {
    expect((await turn("Girne'de kiralık 2+1 daire")).reply.language).toBe('tr');
    const ru = await turn('Ищу квартиру в Кирении до 800 фунтов');
    expect(ru.reply.language).toBe('ru');
    expect(ru.reply.responseText).toMatch(/нашл(ось|ся) \d+ вариант/);
    const followUp = await turn('2+1', {}, [{ role: 'user', content: 'kiralık daire arıyorum' }]);
    expect(followUp.reply.language).toBe('tr');
  });
});

describe('a conversation, not a form', () => {
  it('never asks the same question twice in a row', async () => {
    const first = await turn('flats in Girne');
    expect(first.reply.responseText).toMatch(/rent long-term, stay for a holiday, or buy\?$/);
    const second = await turn('with a pool', first.memory.facts, [
      { role: 'user', content: 'flats in Girne' },
      { role: 'assistant', content: first.reply.responseText },
    ]);
    expect(second.reply.responseText).not.toMatch(/rent long-term, stay for a holiday, or buy/);
    expect(second.reply.responseText).not.toMatch(/Is this to rent, for a holiday, or to buy/);
  });

  it('stops between lines when the signal aborts', async () => {
    const controller = new AbortController();
    const search = memorySearch();
    const stream = rules.reply({
      message: 'flats in Girne',
      conversationId: '0190f5c8-0000-7000-8000-000000000001',
      memory: {},
      history: [],
      searchListings: search.searchListings,
      signal: controller.signal,
    });
    const first = await stream.next();
    expect(first.done).toBe(false);
    controller.abort(new Error('stopped'));
    await expect(stream.next()).rejects.toThrow('stopped');
  });
});
