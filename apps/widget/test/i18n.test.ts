import { describe, expect, it } from 'vitest';
import { price } from '../src/cards';
import { LANGUAGES, languageOf, makeFormat, pickLanguage, TEXTS } from '../src/i18n';

/** The widget speaks en, tr and ru; cards read as the web app's do in each. */
describe('the widget’s language', () => {
  it('is the first it speaks of: its own lang, the page’s, the browser’s; else English', () => {
    expect(pickLanguage(['tr', 'en', 'ru-RU'])).toBe('tr');
    expect(pickLanguage([null, 'ru-RU', 'en'])).toBe('ru');
    expect(pickLanguage(['', undefined, 'TR'])).toBe('tr');
    // A language it does not speak falls through to the next (the visitor's browser).
    expect(pickLanguage(['de', 'de-DE', 'de', 'ru', 'en'])).toBe('ru');
    expect(pickLanguage(['de', 'fr-FR'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
    expect(languageOf('tr_TR')).toBe('tr');
    expect(languageOf('ru-UA')).toBe('ru');
    expect(languageOf('english')).toBeUndefined();
  });

  it('has every text in every language, none left in English by mistake', () => {
    for (const language of LANGUAGES) {
      const texts = TEXTS[language];
      expect(Object.keys(texts).sort()).toEqual(Object.keys(TEXTS.en).sort());
      if (language === 'en') continue;
      for (const key of ['title', 'person', 'placeholder', 'send', 'message'] as const)
        expect(texts[key], `${language}.${key}`).not.toBe(TEXTS.en[key]);
      expect(texts.writeTo('Aylin')).toContain('Aylin');
      expect(texts.typing('Aylin')).toContain('Aylin');
    }
  });
});

describe('card prices and bedrooms', () => {
  const month = { price: 1000, currency: 'GBP', pricePeriod: 'month' } as const;
  const night = { price: 40.5, currency: 'GBP', pricePeriod: 'night' } as const;
  const sale = { price: 250000, currency: 'GBP', pricePeriod: null } as const;
  const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

  it('read in English the British way', () => {
    const format = makeFormat('en');
    expect(price(month, format)).toBe('£1,000/month');
    expect(price(night, format)).toBe('£40.50/night');
    expect(price(sale, format)).toBe('£250,000');
    expect(format.bedrooms(2)).toBe('2 bed');
    expect(format.bedrooms(0)).toBe('studio');
  });

  it('read in Turkish', () => {
    const format = makeFormat('tr');
    expect(price(month, format)).toBe('£1.000 aylık');
    expect(price(night, format)).toBe('£40,50 gecelik');
    expect(price(sale, format)).toBe('£250.000');
    expect(format.bedrooms(2)).toBe('2 yatak odası');
    expect(format.bedrooms(0)).toBe('stüdyo');
  });

  it('read in Russian, with its plural forms', () => {
    const format = makeFormat('ru');
    expect(nbsp(price(month, format))).toBe('1 000 £ в месяц');
    expect(nbsp(price(night, format))).toBe('40,50 £ за ночь');
    expect(nbsp(price(sale, format))).toBe('250 000 £');
    expect(format.bedrooms(1)).toBe('1 спальня');
    expect(format.bedrooms(3)).toBe('3 спальни');
    expect(format.bedrooms(5)).toBe('5 спален');
    expect(format.bedrooms(21)).toBe('21 спальня');
    expect(format.bedrooms(0)).toBe('студия');
  });

  it('keep another currency as it is', () => {
    expect(price({ price: 1200, currency: 'EUR', pricePeriod: 'month' }, makeFormat('en'))).toBe(
      '€1,200/month',
    );
  });
});
