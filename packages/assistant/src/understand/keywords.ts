import type { Feature, PropertyType, RentType } from '@parley/validators';
import { claim, findPhrases, negatedAfter, negatedBefore, phraseTable, type Scan } from './scan';

/**
 * Word tables for rent type, property type and features, and how conflicts between
 * them are settled. Phrases are folded text; hyphens and slashes between words are
 * skipped, so "long term" also covers "long-term" and "a c" covers "a/c".
 */

/** How sure a word is about the rent type; the strongest signal wins, not the first. */
type RentSignal = 'short' | 'long' | 'sale' | 'holiday' | 'rent';
const RENT_PRIORITY: readonly RentSignal[] = ['short', 'long', 'sale', 'holiday', 'rent'];
const RENT_OF: Record<RentSignal, RentType> = {
  short: 'short_term',
  long: 'long_term',
  sale: 'sale',
  holiday: 'short_term',
  rent: 'long_term',
};

const RENT_WORDS: ReadonlyArray<readonly [string, RentSignal]> = [
  ...[
    'short term',
    'shortterm',
    'short let',
    'short lets',
    'short stay',
    'short stays',
    'short rental',
    'nightly',
    'per night',
    'a night',
    'night',
    'nights',
    'nite',
    'airbnb',
    'weekly',
    'weekend',
    'a week',
    'weeks',
    'daily',
    'holiday let',
    'holiday lets',
    'holiday rental',
    'holiday rentals',
    'vacation rental',
    'vacation rentals',
  ].map((p) => [p, 'short'] as const),
  ...[
    'long term',
    'longterm',
    'long let',
    'long lets',
    'long stay',
    'long rental',
    'monthly',
    'per month',
    'a month',
    'month',
    'months',
    'pcm',
    'yearly',
    'annual',
    'per year',
    'a year',
    'to live',
    'live in',
  ].map((p) => [p, 'long'] as const),
  ...[
    'buy',
    'buying',
    'to buy',
    'purchase',
    'purchasing',
    'for sale',
    'sale',
    'forsale',
    'on sale',
    'investment',
    'invest',
    'resale',
    'freehold',
    'title deed',
    'title deeds',
    'mortgage',
  ].map((p) => [p, 'sale'] as const),
  ...['holiday', 'holidays', 'vacation', 'vacations'].map((p) => [p, 'holiday'] as const),
  ...[
    'rent',
    'rental',
    'rentals',
    'renting',
    'to let',
    'for let',
    'lease',
    'leasing',
    'tenant',
    'tenancy',
  ].map((p) => [p, 'rent'] as const),
];

const PROPERTY_WORDS: ReadonlyArray<readonly [string, PropertyType]> = [
  ...[
    'flat',
    'flats',
    'apartment',
    'apartments',
    'apt',
    'apts',
    'appartment',
    'appartments',
    'apartmant',
    'condo',
    'condos',
    'duplex',
  ].map((p) => [p, 'apartment'] as const),
  ...['villa', 'villas', 'vila', 'villla'].map((p) => [p, 'villa'] as const),
  ...[
    'house',
    'houses',
    'townhouse',
    'townhouses',
    'town house',
    'cottage',
    'cottages',
    'detached house',
  ].map((p) => [p, 'house'] as const),
  ...['studio', 'studios'].map((p) => [p, 'studio'] as const),
  ...['penthouse', 'penthouses', 'pent house'].map((p) => [p, 'penthouse'] as const),
  ...['bungalow', 'bungalows', 'bungallow'].map((p) => [p, 'bungalow'] as const),
];

/** `null` marks a word that takes a feature away ("unfurnished"). */
const FEATURE_WORDS: ReadonlyArray<readonly [string, Feature | null]> = [
  ...[
    'beach',
    'beaches',
    'beachfront',
    'beach front',
    'seafront',
    'sea front',
    'seaside',
    'by the sea',
    'near the sea',
    'close to the sea',
    'next to the sea',
    'on the sea',
    'walk to the sea',
  ].map((p) => [p, 'beach'] as const),
  ...[
    'sea view',
    'sea views',
    'seaview',
    'seaviews',
    'view of the sea',
    'views of the sea',
    'view to the sea',
    'sea facing',
    'ocean view',
    'ocean views',
    'sea vista',
  ].map((p) => [p, 'sea_view'] as const),
  ...['pool', 'pools', 'swimming pool', 'swimming', 'swimmingpool', 'poool'].map(
    (p) => [p, 'pool'] as const,
  ),
  ...['garden', 'gardens', 'yard', 'backyard', 'back yard', 'garten'].map(
    (p) => [p, 'garden'] as const,
  ),
  ...['furnished', 'furniture', 'fully furnished', 'furnitured', 'furnised'].map(
    (p) => [p, 'furnished'] as const,
  ),
  ...[
    'parking',
    'garage',
    'garages',
    'carport',
    'car park',
    'carpark',
    'parking space',
    'off road parking',
    'driveway',
  ].map((p) => [p, 'parking'] as const),
  ...[
    'pet',
    'pets',
    'pet friendly',
    'petfriendly',
    'pets allowed',
    'pets welcome',
    'dog',
    'dogs',
    'cat',
    'cats',
    'puppy',
  ].map((p) => [p, 'pet_friendly'] as const),
  ...['gym', 'gyms', 'fitness', 'fitness centre', 'fitness center'].map((p) => [p, 'gym'] as const),
  ...[
    'air conditioning',
    'air conditioned',
    'air conditioner',
    'air conditioners',
    'air con',
    'aircon',
    'airconditioning',
    'airconditioned',
    'a c',
    'ac',
    'climate control',
  ].map((p) => [p, 'air_conditioning'] as const),
  ...['balcony', 'balconies', 'balcon', 'balconey', 'veranda', 'verandah'].map(
    (p) => [p, 'balcony'] as const,
  ),
  ['unfurnished', null],
];

const rentTable = phraseTable(RENT_WORDS);
const propertyTable = phraseTable(PROPERTY_WORDS);
const featureTable = phraseTable(FEATURE_WORDS);

/** Every word the tables know: never typo-matched to a town. */
export const KEYWORD_WORDS: ReadonlySet<string> = new Set(
  [...RENT_WORDS, ...PROPERTY_WORDS, ...FEATURE_WORDS].flatMap(([phrase]) => phrase.split(' ')),
);

export function findRentType(scan: Scan, period?: 'month' | 'night'): RentType | undefined {
  const seen = new Set<RentSignal>();
  if (period === 'night') seen.add('short');
  if (period === 'month') seen.add('long');
  for (const match of findPhrases(scan, rentTable)) {
    claim(scan, match.start, match.end);
    if (!negatedBefore(scan, match.start)) seen.add(match.value);
  }
  const strongest = RENT_PRIORITY.find((signal) => seen.has(signal));
  return strongest === undefined ? undefined : RENT_OF[strongest];
}

/**
 * The first property type named; a studio or penthouse beats a plain "apartment"
 * ("studio flat", "penthouse apartment").
 */
export function findPropertyType(scan: Scan): PropertyType | undefined {
  const named: PropertyType[] = [];
  for (const match of findPhrases(scan, propertyTable)) {
    claim(scan, match.start, match.end);
    if (!negatedBefore(scan, match.start)) named.push(match.value);
  }
  const specific = named.find((type) => type === 'studio' || type === 'penthouse');
  if (specific !== undefined && named.every((t) => t === specific || t === 'apartment'))
    return specific;
  return named[0];
}

export interface FeatureFinding {
  wanted: Feature[];
  unwanted: Feature[];
}

export function findFeatures(scan: Scan): FeatureFinding {
  const wanted = new Set<Feature>();
  const unwanted = new Set<Feature>();
  for (const match of findPhrases(scan, featureTable)) {
    claim(scan, match.start, match.end);
    if (match.value === null) unwanted.add('furnished');
    else if (negatedBefore(scan, match.start) || negatedAfter(scan, match.end))
      unwanted.add(match.value);
    else wanted.add(match.value);
  }
  for (const feature of unwanted) wanted.delete(feature);
  return { wanted: [...wanted], unwanted: [...unwanted] };
}
