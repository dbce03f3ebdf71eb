import { type Currency, type Language, type Listing, pricePeriodFor } from '@parley/validators';
import type { KindCount } from './types';

/** Locales as the web app uses them, so a price in the text reads as on its card. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', tr: 'tr-TR', ru: 'ru-RU' };

const cache = new Map<string, Intl.NumberFormat>();

/** £40.50, £850, £250,000 (whole amounts without pence), in the reply's language. */
export function formatMoney(
  amount: number,
  currency: Currency | string,
  language: Language,
): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  const key = `${language}:${currency}:${digits}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[language], {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    cache.set(key, format);
  }
  return format.format(amount);
}

// Made once per language: building an Intl.NumberFormat costs far more than using one.
const counts = new Map<Language, Intl.NumberFormat>();

export function formatCount(n: number, language: Language): string {
  let format = counts.get(language);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[language]);
    counts.set(language, format);
  }
  return format.format(n);
}

/** The price as a card shows it: "£850/month", "£850 aylık", "850 £ в месяц". */
export function listingPrice(
  listing: Pick<Listing, 'price' | 'currency' | 'pricePeriod'>,
  language: Language,
  period: { month: (p: string) => string; night: (p: string) => string },
): string {
  const price = formatMoney(listing.price, listing.currency, language);
  if (listing.pricePeriod === 'month') return period.month(price);
  if (listing.pricePeriod === 'night') return period.night(price);
  return price;
}

/**
 * "from £400/month to £900/month", or the one price when every match of a kind costs the
 * same; `price` is the language's card price, `from` and `to` its words ('' leaves one out).
 */
export function kindRange(
  k: KindCount,
  price: (l: Pick<Listing, 'price' | 'currency' | 'pricePeriod'>) => string,
  from: string,
  to: string,
): string {
  const at = (n: number) =>
    price({ price: n, currency: 'GBP', pricePeriod: pricePeriodFor(k.rentType) });
  if (k.low === k.high) return at(k.low);
  return [from, at(k.low), to, at(k.high)].filter((w) => w !== '').join(' ');
}
