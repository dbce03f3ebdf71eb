import { z } from 'zod';
import { uuid } from './ids';
import { findTown } from './locations';

export const RENT_TYPES = ['long_term', 'short_term', 'sale'] as const;
export const PROPERTY_TYPES = [
  'apartment',
  'villa',
  'house',
  'studio',
  'penthouse',
  'bungalow',
] as const;
export const FEATURES = [
  'beach',
  'sea_view',
  'pool',
  'garden',
  'furnished',
  'parking',
  'pet_friendly',
  'gym',
  'air_conditioning',
  'balcony',
] as const;
export const LISTING_SORTS = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;
export const CURRENCIES = ['GBP', 'EUR', 'USD', 'TRY'] as const;

export const rentType = z.enum(RENT_TYPES);
export const propertyType = z.enum(PROPERTY_TYPES);
export const feature = z.enum(FEATURES);
export const listingSort = z.enum(LISTING_SORTS);

export type RentType = z.infer<typeof rentType>;
export type PropertyType = z.infer<typeof propertyType>;
export type Feature = z.infer<typeof feature>;
export type ListingSort = z.infer<typeof listingSort>;
export type Currency = (typeof CURRENCIES)[number];

const price = z.number().finite().nonnegative().max(1_000_000_000);
const bedrooms = z.number().int().min(0).max(50);

/** The filter fields of a listing search; also what the assistant understood. */
export const searchFacts = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  location: z.string().trim().min(1).max(100).optional(),
  rentType: rentType.optional(),
  propertyType: propertyType.optional(),
  minBedrooms: bedrooms.optional(),
  maxBedrooms: bedrooms.optional(),
  minPrice: price.optional(),
  maxPrice: price.optional(),
  features: z.array(feature).max(FEATURES.length).optional(),
});
export type SearchFacts = z.infer<typeof searchFacts>;

export const listingQuery = searchFacts.extend({
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

const knownLocation = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((name) => findTown(name) !== undefined, { message: 'is not a town Parley knows' });

const currency = z.enum(CURRENCIES);
const features = z.array(feature).max(FEATURES.length);
const images = z.array(z.url().max(2000)).max(30);

export const listingFields = z.object({
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().min(1).max(10_000),
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
});
export const listingCreateInput = listingFields;
// No defaults here: a field left out of an update keeps its value (zod would fill a
// `.default()` even inside `.partial()`, wiping features and images).
export const listingUpdateInput = listingFields
  .extend({ currency, features, images })
  .partial()
  .extend({ id: uuid() });
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
