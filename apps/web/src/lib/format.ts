import { TOWNS } from '@parley/validators/locations';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Feature, Listing, PropertyType, RentType, SearchFacts } from '../api';
import { currentLanguage } from '../i18n/i18n';
import { type Language, LOCALES } from '../i18n/languages';

export { FEATURES, PROPERTY_TYPES, RENT_TYPES } from '@parley/validators/vocabulary';

/** Towns the search understands (it also takes their other names), as listings name them. */
export const TOWN_NAMES: readonly string[] = TOWNS.map((town) => town.name);

/** Everything the UI writes about numbers, prices, listings and time, in one language. */
export interface Format {
  language: Language;
  locale: string;
  number(value: number): string;
  /** `£40.50`, `£1,000` (en); `£1.000` (tr); `1 000 £` (ru): pence only when there are some. */
  money(amount: number, currency?: string): string;
  /** As the cards show it: `£40.50/night`, `£850 aylık`, `850 £ в месяц`, `£250,000`. */
  price(listing: Pick<Listing, 'price' | 'currency' | 'pricePeriod'>): string;
  /** A map pin's label: `£850`, `£1.25k`, `£250k` (en); `£250 B` (tr); `250 тыс. £` (ru). */
  shortMoney(amount: number, currency?: string): string;
  rentType(value: RentType): string;
  propertyType(value: PropertyType): string;
  feature(value: Feature): string;
  bedrooms(count: number): string;
  area(squareMetres: number): string;
  place(listing: Pick<Listing, 'location' | 'district'>): string;
  /** Short labels for the filters the assistant understood (the chat's chips). */
  facts(facts: SearchFacts): string[];
  /** "just now", "5 minutes ago", "yesterday", or a date for anything older than a week. */
  timeAgo(date: Date, now?: Date): string;
  dateTime(date: Date): string;
}

export function makeFormat(t: TFunction, language: Language): Format {
  const locale = LOCALES[language];
  const numbers = new Intl.NumberFormat(locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const stamp = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const money = (amount: number, currency = 'GBP') => {
    const digits = Number.isInteger(amount) ? 0 : 2;
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount);
  };
  const bedrooms = (count: number) =>
    count === 0 ? t('format.studio') : t('format.bedrooms', { count });

  return {
    language,
    locale,
    number: (value) => numbers.format(value),
    money,
    price(listing) {
      const price = money(listing.price, listing.currency);
      if (listing.pricePeriod === 'month') return t('format.perMonth', { price });
      if (listing.pricePeriod === 'night') return t('format.perNight', { price });
      return price;
    },
    shortMoney: (amount, currency = 'GBP') =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumSignificantDigits: 3,
      }).format(amount),
    rentType: (value) => t(`format.rentType.${value}`),
    propertyType: (value) => t(`format.propertyType.${value}`),
    feature: (value) => t(`format.feature.${value}`),
    bedrooms,
    area: (value) => t('format.area', { value }),
    place: (listing) =>
      listing.location === listing.district
        ? listing.location
        : `${listing.location}, ${listing.district}`,
    facts(facts) {
      const labels: string[] = [];
      if (facts.location) labels.push(facts.location);
      if (facts.rentType) labels.push(t(`format.rentType.${facts.rentType}`));
      if (facts.propertyType) labels.push(t(`format.propertyType.${facts.propertyType}`));
      const { minBedrooms: min, maxBedrooms: max } = facts;
      if (min !== undefined && max !== undefined)
        labels.push(min === max ? bedrooms(min) : t('format.bedroomsRange', { min, count: max }));
      else if (min !== undefined) labels.push(t('format.bedroomsMin', { count: min }));
      else if (max !== undefined) labels.push(t('format.bedroomsMax', { count: max }));
      const { minPrice, maxPrice } = facts;
      if (minPrice !== undefined && maxPrice !== undefined)
        labels.push(t('format.priceRange', { min: money(minPrice), max: money(maxPrice) }));
      else if (minPrice !== undefined)
        labels.push(t('format.priceMin', { price: money(minPrice) }));
      else if (maxPrice !== undefined)
        labels.push(t('format.priceMax', { price: money(maxPrice) }));
      for (const feature of facts.features ?? []) labels.push(t(`format.feature.${feature}`));
      if (facts.q) labels.push(t('format.quoted', { text: facts.q }));
      return labels;
    },
    timeAgo(date, now = new Date()) {
      const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 45) return t('format.justNow');
      if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
      if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
      if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
      return day.format(date);
    },
    dateTime: (date) => stamp.format(date),
  };
}

/** The formatters for the language on screen; components re-render when it changes. */
export function useFormat(): Format {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return useMemo(() => makeFormat(t, language), [t, language]);
}
