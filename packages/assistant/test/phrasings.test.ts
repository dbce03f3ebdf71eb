import { describe, expect, it } from 'vitest';
import { intentLabel } from '../src/intent';
import { interpret } from '../src/interpret';

/** Counts, ranges, refinements and closings in the words people use for them. */
const read = (message: string, memory = {}) => {
  const r = interpret(message, memory);
  return { facts: r.facts, intent: intentLabel(r.intent), language: r.language };
};

describe('rooms', () => {
  it('Turkish "N oda" and "N odalı" count bedrooms; "N+ oda" is at least N', () => {
    expect(read('4 odali villa').facts).toMatchObject({ minBedrooms: 4, maxBedrooms: 4 });
    expect(read('lefkosa 2 oda kiralik').facts).toMatchObject({ minBedrooms: 2, maxBedrooms: 2 });
    expect(read('en az 3 oda').facts).toMatchObject({ minBedrooms: 3 });
    expect(read('4+ odalı satılık').facts).toMatchObject({ minBedrooms: 4 });
    expect(read('4+ odalı satılık').facts.maxBedrooms).toBeUndefined();
  });

  it('"one more room" is a change, not a count', () => {
    expect(read('bir oda daha olsun', { minBedrooms: 2, maxBedrooms: 2 }).facts).toEqual({
      minBedrooms: 3,
    });
  });

  it('two counts joined by "or" or "to" in any language are a range', () => {
    for (const message of [
      '3 veya 4 yatak odalı',
      '3 ya da 4 oda',
      '3 ila 4 yatak odasi',
      'villa 3 или 4 спальни',
      '3 or 4 bedrooms',
      '3/4 bed',
    ])
      expect(read(message).facts, message).toMatchObject({ minBedrooms: 3, maxBedrooms: 4 });
  });
});

describe('property words', () => {
  it('Turkish plural, possessive and case endings on a property word', () => {
    expect(read('stüdyolarınız var mı').facts.propertyType).toBe('studio');
    expect(read('lapta bungalovlarda').facts.propertyType).toBe('bungalow');
    expect(read('villalarda havuz var mı').facts.propertyType).toBe('villa');
    expect(read('penthouselar satilik').facts.propertyType).toBe('penthouse');
    expect(read('villa olmasin, dairelere bakalim').facts.propertyType).toBe('apartment');
  });

  it('"müstakil" with another type describes it; alone it is a house', () => {
    expect(read('müstakil villa arıyoruz').facts.propertyType).toBe('villa');
    expect(read('havuzlu müstakil bungalovlar').facts.propertyType).toBe('bungalow');
    expect(read('müstakil olsun').facts.propertyType).toBe('house');
    expect(read('a detached bungalow').facts.propertyType).toBe('bungalow');
    expect(read('3 bed detached, private garden').facts.propertyType).toBe('house');
    expect(read('maisonette with terrace').facts.propertyType).toBe('apartment');
  });

  it('Russian "2к квартира" is rooms, "за 2к" is a budget', () => {
    expect(read('3к квартира в Лапте').facts).toMatchObject({ minBedrooms: 2, maxBedrooms: 2 });
    expect(read('квартира за 2к').facts).toMatchObject({ maxPrice: 2000 });
  });
});

describe('typos', () => {
  it('Turkish rent and property words typed in a hurry', () => {
    expect(read('satlik daire').facts).toEqual({ rentType: 'sale', propertyType: 'apartment' });
    expect(read('kirlaik dayire').facts).toEqual({
      rentType: 'long_term',
      propertyType: 'apartment',
    });
    expect(read('gunlk villa').facts).toEqual({ rentType: 'short_term', propertyType: 'villa' });
    expect(read('kirli çamaşır').facts).toEqual({});
  });

  it('a misspelt town with a Turkish ending', () => {
    expect(read('lefkoseden daire').facts.location).toBe('Lefkoşa');
    expect(read('guzelyutta villa').facts.location).toBe('Güzelyurt');
  });
});

describe('stays', () => {
  it('months, half a year and the winter are a long let', () => {
    for (const message of [
      'flat for the winter',
      'квартира на полгода',
      'на 6 месяцев',
      'kış için ev',
    ])
      expect(read(message).facts.rentType, message).toBe('long_term');
  });
});

describe('features', () => {
  it('Turkish endings on a feature word, wanted or waved away', () => {
    expect(read('otoparkı olsun, balkonları geniş').facts.features).toEqual(['parking', 'balcony']);
    expect(read('havuzun olması şart').facts.features).toEqual(['pool']);
    expect(read('klimaları olmasın', { features: ['air_conditioning'] }).facts).toEqual({});
  });

  it('seaside in more words', () => {
    for (const message of ['deniz kenarında villa', '3 min walk to the sea', 'дом на берегу'])
      expect(read(message).facts.features, message).toEqual(['beach']);
  });
});

describe('language', () => {
  it('common Turkish words make a message Turkish, English ones do not', () => {
    expect(read('evcil hayvana izin veren').language).toBe('tr');
    expect(read('aile için sessiz bir yer').language).toBe('tr');
    expect(read('villa havuz bahce').language).toBe('tr');
    expect(read('2+1 klima garaj').language).toBe('tr');
    expect(read('hair salon prices').language).toBe('en');
  });
});

describe('budgets', () => {
  it('amounts with both separators or spaces between thousands', () => {
    expect(read('£1,250.00 a month').facts.maxPrice).toBe(1250);
    expect(read('до 1 300 фунтов').facts.maxPrice).toBe(1300);
    expect(read('2 500 000 stg').facts.maxPrice).toBe(2_500_000);
    expect(read('3 bed 2 bath').facts.maxPrice).toBeUndefined();
  });

  it('"bin" and "milyon" with a Turkish ending, and half a million', () => {
    expect(read('satılık villa 350 bine kadar').facts.maxPrice).toBe(350_000);
    expect(read('1,5 milyondan az').facts.maxPrice).toBe(1_500_000);
    expect(read('yarım milyon sterlin').facts.maxPrice).toBe(500_000);
    expect(read('villa under half a million').facts.maxPrice).toBe(500_000);
    expect(read('дом до полмиллиона фунтов').facts.maxPrice).toBe(500_000);
    expect(read('yarım saatlik mesafede').facts.maxPrice).toBeUndefined();
  });

  it('Turkish "haftalığı", "aylığı", "günlüğü" give the period', () => {
    expect(read('haftalığı 350 sterlin').facts).toEqual({ rentType: 'short_term', maxPrice: 50 });
    expect(read('aylığı 700 sterline kadar').facts).toEqual({
      rentType: 'long_term',
      maxPrice: 700,
    });
    expect(read('günlüğü 60 pound').facts).toEqual({ rentType: 'short_term', maxPrice: 60 });
  });

  it('sterling and pounds with a Turkish ending are Turkish', () => {
    expect(read('900 sterlinden az').language).toBe('tr');
    expect(read('1200 poundun altinda').language).toBe('tr');
  });
});

describe('refinements', () => {
  it('Turkish "daha" + an adjective with any ending is a relative change', () => {
    const memory = { rentType: 'long_term' as const, maxPrice: 1000 };
    for (const message of ['daha ucuzları göster', 'daha uygununu bulun', 'daha hesaplı olanlar'])
      expect(read(message, memory), message).toMatchObject({
        facts: { maxPrice: 800 },
        intent: 'refine',
      });
    expect(read('daha büyükleri var mı', { minBedrooms: 2, maxBedrooms: 2 }).facts).toEqual({
      minBedrooms: 3,
    });
    expect(read('daha küçüğü olur', { minBedrooms: 2, maxBedrooms: 2 }).facts).toEqual({
      maxBedrooms: 1,
    });
  });

  it('English and Russian: more affordable, less pricey, бюджетнее', () => {
    for (const message of ['anything more affordable?', 'something less pricey', 'а бюджетнее?'])
      expect(read(message, { rentType: 'long_term', maxPrice: 1000 }).facts.maxPrice).toBe(800);
  });

  it('Turkish "X değil Y" switches the rent type', () => {
    expect(read('kiralık değil satılık arıyoruz', { rentType: 'long_term' })).toMatchObject({
      facts: { rentType: 'sale' },
      intent: 'refine',
    });
    expect(read('günlük olmasın, uzun dönem').facts.rentType).toBe('long_term');
    // Asking whether any exist waves nothing away.
    expect(read('kiralik yok mu lapta').facts.rentType).toBe('long_term');
  });
});

describe('openings', () => {
  it('greetings typed fast or in other words', () => {
    for (const message of ['merhbalar', 'sa', 'хай', 'доброго вечера', 'heya'])
      expect(read(message).intent, message).toBe('greeting');
    expect(read('merhbalar').language).toBe('tr');
  });

  it('asking who the assistant is or what it does, in Turkish and Russian', () => {
    for (const message of ['kimsiniz siz', 'ne yapabilirsiniz', 'что ты умеешь?', 'кто вы такие'])
      expect(read(message).intent, message).toBe('greeting');
    expect(read('помогите найти виллу').intent).toBe('search');
  });

  it('a new search in Turkish and Russian clears everything', () => {
    for (const message of ['yeni arama yapalım', 'новый поиск'])
      expect(read(message, { location: 'Lapta' }), message).toMatchObject({
        facts: {},
        intent: 'reset',
      });
  });
});

describe('closings', () => {
  it('what is said first decides between thanks and a greeting', () => {
    expect(read('tesekkurler, iyi aksamlar').intent).toBe('thanks');
    expect(read('good morning, thank you for this').intent).toBe('greeting');
  });

  it('thanks written apart, misspelt or as a blessing', () => {
    for (const message of [
      'sağ olasınız',
      'sag ol kardesim',
      'ellerinize sağlık',
      'tesekurler',
      'much appreciated',
      'thank u so much',
      'спасибочки',
    ])
      expect(read(message, { location: 'Lapta' }), message).toMatchObject({
        facts: { location: 'Lapta' },
        intent: 'thanks',
      });
  });

  it('a Turkish question particle makes a question about buying a question', () => {
    expect(read('ev alırsak oturma izni veriliyor mu').intent).toBe('question:residency');
  });
});
