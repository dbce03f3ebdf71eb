import {
  type Currency,
  type Feature,
  findTown,
  foldText,
  type Listing,
  type PropertyType,
  type SearchFacts,
} from '@parley/validators';

/** Words for facts and listings, shared by the rule agent's replies and memory summaries. */

const PLURAL: Record<PropertyType, string> = {
  apartment: 'apartments',
  villa: 'villas',
  house: 'houses',
  studio: 'studios',
  penthouse: 'penthouses',
  bungalow: 'bungalows',
};
const RENT_PHRASE = {
  long_term: 'to rent long-term',
  short_term: 'for holiday stays',
  sale: 'for sale',
} as const;
const PERIOD = { long_term: ' a month', short_term: ' a night', sale: '' } as const;
const SYMBOL: Record<Currency, string> = { GBP: '£', EUR: '€', USD: '$', TRY: '₺' };

/** Features that read as "with a pool"; the rest get their own words. */
const WITH_LABEL: Partial<Record<Feature, string>> = {
  sea_view: 'sea view',
  pool: 'pool',
  garden: 'garden',
  parking: 'parking',
  gym: 'gym',
  air_conditioning: 'air conditioning',
  balcony: 'balcony',
};
const OWN_LABEL: Partial<Record<Feature, string>> = {
  beach: 'near the beach',
  furnished: 'furnished',
  pet_friendly: 'pets allowed',
};

export const FEATURE_LABEL: Record<Feature, string> = {
  beach: 'beach',
  sea_view: 'sea view',
  pool: 'pool',
  garden: 'garden',
  furnished: 'furnished',
  parking: 'parking',
  pet_friendly: 'pet-friendly',
  gym: 'gym',
  air_conditioning: 'air conditioning',
  balcony: 'balcony',
};

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** "a, b and c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "Girne (Kyrenia)": the name on listings, with the English one people search for. */
export function placeName(location: string): string {
  const town = findTown(location);
  if (town === undefined) return location;
  const english = town.aliases.find((a) => foldText(a) !== foldText(town.name));
  return english === undefined ? town.name : `${town.name} (${english})`;
}

export function describeBedrooms(
  min: number | undefined,
  max: number | undefined,
): string | undefined {
  const n = (k: number) => `${k} ${k === 1 ? 'bedroom' : 'bedrooms'}`;
  if (min !== undefined && max !== undefined)
    return min === max ? n(min) : `${min} to ${max} bedrooms`;
  if (min !== undefined) return `at least ${n(min)}`;
  if (max !== undefined) return `at most ${n(max)}`;
  return undefined;
}

export function describePrice(facts: SearchFacts): string | undefined {
  const period = facts.rentType === undefined ? '' : PERIOD[facts.rentType];
  const { minPrice: min, maxPrice: max } = facts;
  if (min !== undefined && max !== undefined)
    return `${formatNumber(min)} to ${formatNumber(max)}${period}`;
  if (max !== undefined) return `up to ${formatNumber(max)}${period}`;
  if (min !== undefined) return `from ${formatNumber(min)}${period}`;
  return undefined;
}

export function describeFeatures(features: readonly Feature[] | undefined): string[] {
  if (features === undefined) return [];
  const withWords = features.flatMap((f) => WITH_LABEL[f] ?? []);
  const own = features.flatMap((f) => OWN_LABEL[f] ?? []);
  return [...(withWords.length > 0 ? [`with ${listWords(withWords)}`] : []), ...own];
}

/**
 * "apartments to rent long-term in Girne (Kyrenia), 2 bedrooms, up to 1,000 a month,
 * with pool". Empty facts read as "listings".
 */
export function describeSearch(facts: SearchFacts): string {
  const head = [facts.propertyType === undefined ? 'listings' : PLURAL[facts.propertyType]];
  if (facts.rentType !== undefined) head.push(RENT_PHRASE[facts.rentType]);
  if (facts.location !== undefined) head.push(`in ${placeName(facts.location)}`);
  if (facts.q !== undefined) head.push(`mentioning "${facts.q}"`);
  const parts = [
    head.join(' '),
    describeBedrooms(facts.minBedrooms, facts.maxBedrooms),
    describePrice(facts),
    ...describeFeatures(facts.features),
  ];
  return parts.filter((p) => p !== undefined).join(', ');
}

/** The one-line memory summary shown with a session. */
export function summarise(facts: SearchFacts): string {
  return Object.keys(facts).length === 0
    ? 'No preferences yet.'
    : `Looking for ${describeSearch(facts)}.`;
}

export function formatListingPrice(listing: Listing): string {
  const price = `${SYMBOL[listing.currency] ?? `${listing.currency} `}${formatNumber(listing.price)}`;
  return listing.pricePeriod === null ? price : `${price}/${listing.pricePeriod}`;
}

/** "Sea-view flat — Girne, 2 bedrooms, £850/month". */
export function describeListing(listing: Listing): string {
  const rooms = listing.bedrooms === 0 ? 'studio' : `${listing.bedrooms} bed`;
  const title = listing.title.replace(/\s+/g, ' ').trim();
  return `${title} — ${listing.location}, ${rooms}, ${formatListingPrice(listing)}`;
}
