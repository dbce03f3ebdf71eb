import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { makeFormat } from './format';

const format = (language: Language) => makeFormat(i18n.getFixedT(language), language);
/** Intl separates with no-break and narrow no-break spaces; compare them as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const nightly = { price: 40.5, currency: 'GBP' as const, pricePeriod: 'night' as const };
const monthly = { price: 1250, currency: 'GBP' as const, pricePeriod: 'month' as const };
const sale = { price: 250_000, currency: 'GBP' as const, pricePeriod: null };

describe('prices, as the cards show them', () => {
  it.each([
    ['en', '£40.50/night', '£1,250/month', '£250,000'],
    ['tr', '£40,50 gecelik', '£1.250 aylık', '£250.000'],
    ['ru', '40,50 £ за ночь', '1 250 £ в месяц', '250 000 £'],
  ] as const)('in %s', (language, night, month, total) => {
    const f = format(language);
    expect(plain(f.price(nightly))).toBe(night);
    expect(plain(f.price(monthly))).toBe(month);
    expect(plain(f.price(sale))).toBe(total);
  });
});

describe('short prices, as map pins show them', () => {
  it.each([
    ['en', '£850', '£1.25k', '£250k', '£1.2m'],
    ['tr', '£850', '£1,25 B', '£250 B', '£1,2 Mn'],
    ['ru', '850 £', '1,25 тыс. £', '250 тыс. £', '1,2 млн £'],
  ] as const)('in %s', (language, low, mid, high, top) => {
    const f = format(language);
    expect([850, 1250, 250_000, 1_200_000].map((n) => plain(f.shortMoney(n)))).toEqual([
      low,
      mid,
      high,
      top,
    ]);
  });
});

describe('counted words use each language plural rules', () => {
  it('bedrooms', () => {
    expect([1, 2, 5].map(format('en').bedrooms)).toEqual(['1 bedroom', '2 bedrooms', '5 bedrooms']);
    expect([0, 1, 3].map(format('tr').bedrooms)).toEqual([
      'Stüdyo',
      '1 yatak odası',
      '3 yatak odası',
    ]);
    expect([1, 2, 5, 21, 22].map(format('ru').bedrooms)).toEqual([
      '1 спальня',
      '2 спальни',
      '5 спален',
      '21 спальня',
      '22 спальни',
    ]);
  });

  it('the number of listings, with grouped digits', () => {
    const count = (language: Language, n: number) =>
      plain(i18n.getFixedT(language)('listings.count', { count: n }));
    expect(count('en', 1)).toBe('1 listing');
    expect(count('en', 1234)).toBe('1,234 listings');
    expect(count('tr', 1234)).toBe('1.234 ilan');
    expect([1, 3, 11, 1234].map((n) => count('ru', n))).toEqual([
      '1 объявление',
      '3 объявления',
      '11 объявлений',
      '1 234 объявления',
    ]);
  });

  it("the assistant's filters as chips", () => {
    const facts = {
      location: 'Girne',
      rentType: 'long_term' as const,
      minBedrooms: 2,
      maxPrice: 800,
      features: ['pool' as const],
    };
    expect(format('en').facts(facts)).toEqual([
      'Girne',
      'Long-term rent',
      '2+ bedrooms',
      'Up to £800',
      'Pool',
    ]);
    expect(format('tr').facts(facts)).toEqual([
      'Girne',
      'Uzun dönem kiralık',
      'En az 2 yatak odası',
      'En çok £800',
      'Havuz',
    ]);
    expect(format('ru').facts(facts).map(plain)).toEqual([
      'Girne',
      'Долгосрочная аренда',
      'от 2 спален',
      'до 800 £',
      'Бассейн',
    ]);
    expect(format('ru').facts({ minBedrooms: 1, maxBedrooms: 3 })).toEqual(['1–3 спальни']);
  });
});

describe('relative times', () => {
  const now = new Date('2025-05-10T12:00:00Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it.each([
    ['en', 'just now', '5 minutes ago', 'yesterday'],
    ['tr', 'az önce', '5 dakika önce', 'dün'],
    ['ru', 'только что', '5 минут назад', 'вчера'],
  ] as const)('in %s', (language, justNow, minutes, yesterday) => {
    const f = format(language);
    expect(f.timeAgo(ago(10), now)).toBe(justNow);
    expect(f.timeAgo(ago(300), now)).toBe(minutes);
    expect(f.timeAgo(ago(86_400), now)).toBe(yesterday);
  });

  it('gives a date in the language for anything older than a week', () => {
    expect(format('en').timeAgo(ago(30 * 86_400), now)).toBe('10 Apr 2025');
    expect(format('tr').timeAgo(ago(30 * 86_400), now)).toBe('10 Nis 2025');
    expect(plain(format('ru').timeAgo(ago(30 * 86_400), now))).toBe('10 апр. 2025 г.');
  });
});
