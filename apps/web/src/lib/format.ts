import type { Feature, Listing, PropertyType, RentType, SearchFacts } from '../api';

export const RENT_TYPE_LABELS: Record<RentType, string> = {
  long_term: 'Long-term rent',
  short_term: 'Holiday rent',
  sale: 'For sale',
};

export const PROPERTY_TYPE_LABELS: Record<PropertyType, string> = {
  apartment: 'Apartment',
  villa: 'Villa',
  house: 'House',
  studio: 'Studio',
  penthouse: 'Penthouse',
  bungalow: 'Bungalow',
};

export const FEATURE_LABELS: Record<Feature, string> = {
  beach: 'Near the beach',
  sea_view: 'Sea view',
  pool: 'Pool',
  garden: 'Garden',
  furnished: 'Furnished',
  parking: 'Parking',
  pet_friendly: 'Pet friendly',
  gym: 'Gym',
  air_conditioning: 'Air conditioning',
  balcony: 'Balcony',
};

export const RENT_TYPES = Object.keys(RENT_TYPE_LABELS) as RentType[];
export const PROPERTY_TYPES = Object.keys(PROPERTY_TYPE_LABELS) as PropertyType[];
export const FEATURES = Object.keys(FEATURE_LABELS) as Feature[];

/** Towns and districts the search understands (it also takes their other names). */
export const TOWNS = [
  'Girne',
  'Gazimağusa',
  'Lefkoşa',
  'İskele',
  'Güzelyurt',
  'Lapta',
  'Esentepe',
  'Alsancak',
  'Bellapais',
  'Karşıyaka',
];

export function money(amount: number, currency = 'GBP'): string {
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}

export function listingPrice(listing: Pick<Listing, 'price' | 'currency' | 'pricePeriod'>): string {
  const amount = money(listing.price, listing.currency);
  return listing.pricePeriod ? `${amount} / ${listing.pricePeriod}` : amount;
}

export function bedroomsLabel(bedrooms: number): string {
  if (bedrooms === 0) return 'Studio';
  return `${bedrooms} ${bedrooms === 1 ? 'bedroom' : 'bedrooms'}`;
}

export function placeLabel(listing: Pick<Listing, 'location' | 'district'>): string {
  return listing.location === listing.district
    ? listing.location
    : `${listing.location}, ${listing.district}`;
}

/** Short human labels for the filters the assistant understood (the chat's chips). */
export function factLabels(facts: SearchFacts): string[] {
  const labels: string[] = [];
  if (facts.location) labels.push(facts.location);
  if (facts.rentType) labels.push(RENT_TYPE_LABELS[facts.rentType]);
  if (facts.propertyType) labels.push(PROPERTY_TYPE_LABELS[facts.propertyType]);
  const { minBedrooms: min, maxBedrooms: max } = facts;
  if (min !== undefined && max !== undefined)
    labels.push(min === max ? bedroomsLabel(min) : `${min}–${max} bedrooms`);
  else if (min !== undefined) labels.push(`${min}+ bedrooms`);
  else if (max !== undefined) labels.push(`Up to ${max} bedrooms`);
  if (facts.minPrice !== undefined && facts.maxPrice !== undefined)
    labels.push(`${money(facts.minPrice)}–${money(facts.maxPrice)}`);
  else if (facts.minPrice !== undefined) labels.push(`From ${money(facts.minPrice)}`);
  else if (facts.maxPrice !== undefined) labels.push(`Up to ${money(facts.maxPrice)}`);
  for (const feature of facts.features ?? []) labels.push(FEATURE_LABELS[feature]);
  if (facts.q) labels.push(`“${facts.q}”`);
  return labels;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday", or a date for anything older than a week. */
export function timeAgo(date: Date, now = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export function dateTime(date: Date): string {
  return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
