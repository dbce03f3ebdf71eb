import { type SearchFacts, searchFacts } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { mergeFacts, understand } from '../src';
import { detectLanguage, languageOfHistory } from '../src/understand/language';

const factsOf = (message: string) => mergeFacts({}, understand(message)).facts;

const TURKISH: ReadonlyArray<readonly [string, SearchFacts]> = [
  [
    "Girne'de kiralık 2+1 daire",
    {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
  ],
  [
    'havuzlu satılık villa Esentepe',
    { location: 'Esentepe', rentType: 'sale', propertyType: 'villa', features: ['pool'] },
  ],
  [
    'deniz manzarali daire, aylik 800 sterline kadar',
    { rentType: 'long_term', propertyType: 'apartment', maxPrice: 800, features: ['sea_view'] },
  ],
  [
    '250 bin sterline kadar satılık müstakil ev',
    { rentType: 'sale', propertyType: 'house', maxPrice: 250_000 },
  ],
  [
    "Lapta'da 3 yatak odalı villa, eşyalı",
    {
      location: 'Lapta',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['furnished'],
    },
  ],
  ['1+0 kiralık Magusa', { location: 'Gazimağusa', rentType: 'long_term', propertyType: 'studio' }],
  ["Gazimağusa'da günlük kiralık", { location: 'Gazimağusa', rentType: 'short_term' }],
  [
    'Kiralık daire Lefkoşa 500-700 sterlin arası',
    {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      minPrice: 500,
      maxPrice: 700,
    },
  ],
  [
    "Guzelyurt'ta bahceli mustakil ev 1.000 sterlin alti",
    { location: 'Güzelyurt', propertyType: 'house', maxPrice: 1000, features: ['garden'] },
  ],
  [
    'gecelik 100 sterlin altı İskele',
    { location: 'İskele', rentType: 'short_term', maxPrice: 100 },
  ],
  [
    'denize sıfır klimalı daire',
    { propertyType: 'apartment', features: ['beach', 'air_conditioning'] },
  ],
];

const RUSSIAN: ReadonlyArray<readonly [string, SearchFacts]> = [
  [
    'Ищу квартиру в Кирении до 800 фунтов в месяц',
    { location: 'Girne', rentType: 'long_term', propertyType: 'apartment', maxPrice: 800 },
  ],
  [
    'купить виллу с бассейном в Фамагусте',
    { location: 'Gazimağusa', rentType: 'sale', propertyType: 'villa', features: ['pool'] },
  ],
  [
    'посуточно студия у моря',
    { rentType: 'short_term', propertyType: 'studio', features: ['beach'] },
  ],
  [
    'двухкомнатная квартира в аренду в Никосии',
    {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
  ],
  ['1 млн фунтов вилла', { propertyType: 'villa', maxPrice: 1_000_000 }],
  [
    'хочу купить дом в Искеле до 200 тысяч',
    { location: 'İskele', rentType: 'sale', propertyType: 'house', maxPrice: 200_000 },
  ],
  [
    'квартира на продажу в Гирне, вид на море, 1+1',
    {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['sea_view'],
    },
  ],
  [
    'Искеле посуточно до 100 евро за ночь',
    { location: 'İskele', rentType: 'short_term', maxPrice: 100 },
  ],
  [
    '3 спальни, бюджет 1000 фунтов, с мебелью',
    { minBedrooms: 3, maxBedrooms: 3, maxPrice: 1000, features: ['furnished'] },
  ],
  ['от 500 до 700 фунтов в месяц', { rentType: 'long_term', minPrice: 500, maxPrice: 700 }],
  [
    'сниму дом с садом в Лапте',
    { location: 'Lapta', rentType: 'long_term', propertyType: 'house', features: ['garden'] },
  ],
];

describe('Turkish requests', () => {
  it.each(TURKISH)('%s', (message, expected) => {
    expect(factsOf(message)).toEqual(expected);
    expect(searchFacts.parse(factsOf(message))).toEqual(expected);
    expect(understand(message).language).toBe('tr');
  });

  it('reads a place negated after it', () => {
    expect(understand('Girne hariç 2+1').unwantedLocation).toBe('Girne');
    expect(understand('havuz olmasın').removedFeatures).toEqual(['pool']);
  });
});

describe('Russian requests', () => {
  it.each(RUSSIAN)('%s', (message, expected) => {
    expect(factsOf(message)).toEqual(expected);
    expect(understand(message).language).toBe('ru');
  });

  it('reads negations', () => {
    expect(understand('не в Кирении').unwantedLocation).toBe('Girne');
    expect(understand('квартира без мебели').removedFeatures).toEqual(['furnished']);
    expect(understand('без бассейна').removedFeatures).toEqual(['pool']);
  });
});

describe('language', () => {
  it.each([
    ['2 bedroom flat in Girne under 1000', 'en'],
    ['Girne kiralik daire', 'tr'],
    ['girnede 2+1 esyali daire ariyorum', 'tr'],
    ['Квартира в Кирении', 'ru'],
    ['villa Кирения', 'ru'],
    ['Girne 2+1', undefined],
    ['800', undefined],
  ] as const)('%s -> %s', (message, language) => {
    expect(detectLanguage(message)).toBe(language);
  });

  it('falls back to the newest user message that shows one', () => {
    const history = [
      { role: 'user', content: 'kiralık daire arıyorum' },
      { role: 'assistant', content: 'Here are some' },
      { role: 'user', content: '2+1' },
    ];
    expect(languageOfHistory(history)).toBe('tr');
    expect(languageOfHistory([])).toBeUndefined();
  });

  it('knows small talk in three languages', () => {
    expect(understand('merhaba').smallTalk).toBe('greeting');
    expect(understand('Здравствуйте!').smallTalk).toBe('greeting');
    expect(understand('teşekkürler').smallTalk).toBe('thanks');
    expect(understand('спасибо').smallTalk).toBe('thanks');
  });
});
