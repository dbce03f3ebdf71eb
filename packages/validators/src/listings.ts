import { z } from 'zod';
import { uuid } from './ids';
import { findTown } from './locations';
import { safeText } from './safe';
import {
  CURRENCIES,
  type Currency,
  FEATURES,
  type Feature,
  LISTING_SORTS,
  PROPERTY_TYPES,
  type PropertyType,
  RENT_TYPES,
  type RentType,
} from './vocabulary';

export const rentType = z.enum(RENT_TYPES);
export const propertyType = z.enum(PROPERTY_TYPES);
export const feature = z.enum(FEATURES);
export const listingSort = z.enum(LISTING_SORTS);

const price = z.number().finite().nonnegative().max(1_000_000_000);
const bedrooms = z.number().int().min(0).max(50);

/** The filter fields of a listing search; also what the assistant understood. */
export const searchFacts = z.object({
  q: safeText().trim().min(1).max(200).optional(),
  location: safeText().trim().min(1).max(100).optional(),
  /** Towns or districts left out ("not in Girne"); a district leaves out all its towns. */
  excludeLocations: z.array(safeText().trim().min(1).max(100)).max(20).optional(),
  rentType: rentType.optional(),
  propertyType: propertyType.optional(),
  minBedrooms: bedrooms.optional(),
  maxBedrooms: bedrooms.optional(),
  minPrice: price.optional(),
  maxPrice: price.optional(),
  features: z.array(feature).max(FEATURES.length).optional(),
});
export type SearchFacts = z.infer<typeof searchFacts>;

export const PRICE_PERIODS = ['month', 'night'] as const;
export const pricePeriod = z.enum(PRICE_PERIODS);
export type PricePeriod = z.infer<typeof pricePeriod>;

const latitude = z.number().finite().min(-90).max(90);
const longitude = z.number().finite().min(-180).max(180);

/** A map's visible box. West may exceed east only across the antimeridian, which Parley never needs. */
export const bounds = z
  .object({ north: latitude, south: latitude, east: longitude, west: longitude })
  .refine((b) => b.north >= b.south, { message: 'north must not be below south', path: ['north'] })
  .refine((b) => b.east >= b.west, { message: 'east must not be west of west', path: ['east'] });
export type Bounds = z.infer<typeof bounds>;

export const listingQuery = searchFacts.extend({
  /** Listings inside this box (listings without coordinates never match). */
  bounds: bounds.optional(),
  /** Monthly (long-term) or nightly (short-term) prices only. */
  pricePeriod: pricePeriod.optional(),
  /** Listings of one agent (`Listing.agent.id`): an agent's own page, "more from this agent". */
  agentId: uuid().optional(),
  sort: listingSort.default('relevance'),
  cursor: z.string().max(512).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type ListingQuery = z.input<typeof listingQuery>;
export type ParsedListingQuery = z.output<typeof listingQuery>;

/** Money as an exact decimal: at most 2 places, stored as NUMERIC, never a float sum. */
const money = z
  .number()
  .finite()
  .positive({ message: 'must be positive' })
  .max(1_000_000_000)
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, {
    message: 'must have at most 2 decimal places',
  });

const knownLocation = safeText()
  .trim()
  .min(1)
  .max(100)
  .refine((name) => findTown(name) !== undefined, { message: 'is not a town Parley knows' });

const currency = z.enum(CURRENCIES);
const features = z.array(feature).max(FEATURES.length);
/**
 * Pictures shown to every visitor: `https:` URLs, or paths on Parley itself. Anything
 * else (`javascript:`, `data:`, plain `http:`) would run or load in their browsers.
 */
const image = safeText()
  .max(2000)
  .refine(
    (value) => {
      if (value.startsWith('/')) return !value.startsWith('//') && !value.includes('\\');
      try {
        const url = new URL(value);
        return url.protocol === 'https:' && url.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { message: 'must be an https:// URL or a path on this server' },
  );
const images = z.array(image).max(30);

export const listingFields = z.object({
  title: safeText().trim().min(3).max(200),
  description: safeText().trim().min(1).max(10_000),
  location: knownLocation,
  rentType,
  propertyType,
  bedrooms,
  bathrooms: z.number().int().min(0).max(50),
  areaSqm: z.number().int().positive().max(100_000),
  price: money,
  currency: currency.default('GBP'),
  features: features.default([]),
  images: images.default([]),
  lat: latitude.nullable().default(null),
  lng: longitude.nullable().default(null),
});
/** A point needs both halves. */
const bothOrNeither = (v: { lat?: number | null; lng?: number | null }) =>
  (v.lat === undefined || v.lat === null) === (v.lng === undefined || v.lng === null);
/**
 * Checked even when other fields are wrong (zod skips an object's refinements once any
 * field fails), so a form hears about every fault at once; not when lat or lng is itself
 * wrong, which says enough, nor when the input is no object at all.
 */
const whenCoordinatesParse = {
  when: (payload: z.core.ParsePayload) =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    !payload.issues.some(({ path }) => path?.[0] === 'lat' || path?.[0] === 'lng'),
};
const coordinatesMessage = {
  message: 'lat and lng go together',
  path: ['lat'],
  ...whenCoordinatesParse,
};
export const listingCreateInput = listingFields.refine(bothOrNeither, coordinatesMessage);
// No defaults here: a field left out of an update keeps its value (zod would fill a
// `.default()` even inside `.partial()`, wiping features and images).
export const listingUpdateInput = listingFields
  .extend({ currency, features, images, lat: latitude.nullable(), lng: longitude.nullable() })
  .partial()
  .extend({ id: uuid() })
  // An update names both halves or neither: one alone would pair with the stored other.
  .refine((v) => (v.lat === undefined) === (v.lng === undefined) && bothOrNeither(v), {
    message: 'lat and lng are changed together',
    path: ['lat'],
    ...whenCoordinatesParse,
  });
export type ListingCreateInput = z.input<typeof listingCreateInput>;
export type ListingUpdateInput = z.input<typeof listingUpdateInput>;

export interface Listing {
  id: string;
  title: string;
  description: string;
  location: string;
  district: string;
  rentType: RentType;
  propertyType: PropertyType;
  bedrooms: number;
  bathrooms: number;
  areaSqm: number;
  price: number;
  currency: Currency;
  pricePeriod: 'month' | 'night' | null;
  features: Feature[];
  images: string[];
  /** WGS 84; null when the listing was given no place on the map. */
  lat: number | null;
  lng: number | null;
  /** Who listed it (the agent or admin who created it); null for imported or demo data. */
  agent: { id: string; name: string } | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ListingPage {
  items: Listing[];
  nextCursor: string | null;
  total: number;
}

/** Rent type decides the period a price is quoted for. */
export function pricePeriodFor(rent: RentType): Listing['pricePeriod'] {
  return rent === 'long_term' ? 'month' : rent === 'short_term' ? 'night' : null;
}

export const similarListingsInput = z.object({
  id: uuid(),
  limit: z.number().int().min(1).max(20).default(6),
});
export type SimilarListingsInput = z.input<typeof similarListingsInput>;

export const favoriteInput = z.object({ listingId: uuid() });
export type FavoriteInput = z.infer<typeof favoriteInput>;
